/**
 * Realtime isolation and authorization (docs/realtime.md): subscriptions,
 * catch-up and Pusher channels are scoped to the caller's hotels; a
 * graphql-ws socket without a valid token is closed with 4403; with the
 * `private-` prefix, events go to private channels that only members can
 * subscribe to through POST /pusher/auth; GET /pusher/config tells a
 * frontend how to connect and never reveals the secret.
 */
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ApproveStocktakeDocument,
  ChannelEventsDocument,
  CreateStocktakeDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeEventsDocument,
  StocktakeListEventsDocument,
  UpdateStocktakeLineDocument,
  type LineFieldsFragment,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { metaOf } from './support/payload-matchers';
import { ok } from './support/waiting';
import { pusherLineOf } from './support/pusher-line';
import Pusher from 'pusher';
import {
  currentSequence,
  expectNothingMore,
  graphqlSubscriber,
  legacyFrontend,
  type PusherEvent,
  type Received,
} from './support/realtime-clients';
import { JWT_SECRET, PUSHER, startTestApp, type TestApp } from './support/test-app';

const closers = closeAfterEach();

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function populated(app: TestApp, hotel: string, periodStart: string, periodEnd: string, token?: string) {
  const id = ok(await app.graphql(CreateStocktakeDocument, { hotel, input: { periodStart, periodEnd } }, { token }))
    .createStocktake.id;
  ok(await app.graphql(PopulateStocktakeDocument, { id }, { token }));
  const lines = ok(await app.graphql(StocktakeDocument, { id }, { token })).stocktake.lines as LineFieldsFragment[];
  return { id, guinness: lines.find((line) => line.itemSku === 'D0030')! };
}

async function pusherOn(app: TestApp, channel: string, token?: string): Promise<Received<PusherEvent>> {
  const client = await legacyFrontend(app, token);
  closers.push(() => client.close());
  return client.listen(channel);
}

/** Subscribing fails: the reason pusher-js reports (`pusher:subscription_error`). */
async function pusherRefusal(app: TestApp, channel: string, token?: string): Promise<unknown> {
  const client = await legacyFrontend(app, token);
  closers.push(() => client.close());
  const error = await client.listen(channel).then(
    () => {
      throw new Error(`subscription to ${channel} succeeded`);
    },
    (e: Error) => e,
  );
  return JSON.parse(error.message.slice(error.message.indexOf('failed: ') + 'failed: '.length));
}

function subscriberFor(app: TestApp, token: string | null) {
  const client = graphqlSubscriber(app, token);
  closers.push(() => client.close());
  return client;
}

async function authorize(app: TestApp, body: Record<string, string>, token?: string | null, form = true) {
  const response = await fetch(`http://127.0.0.1:${app.port}/pusher/auth`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const signature = (socketId: string, channel: string) =>
  `${PUSHER.key}:${createHmac('sha256', PUSHER.secret).update(`${socketId}:${channel}`).digest('hex')}`;

// ============================================================================
describe('public channels (no prefix)', () => {
  let t: TestApp;
  let galway: string;
  let killarneyStaff: string;
  let killarney: { id: string; guinness: LineFieldsFragment };
  let galwayStocktake: { id: string; guinness: LineFieldsFragment };

  beforeAll(async () => {
    t = await startTestApp({ pusher: 'built-in' });
    galway = await t.token({ user: 'manager-g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
    killarneyStaff = await t.token({ user: 'staff-k', name: 'Kate Staff', hotels: { [HOTEL]: 'staff' } });
    killarney = await populated(t, HOTEL, '2025-02-01', '2025-02-28');
    galwayStocktake = await populated(t, OTHER_HOTEL, '2025-02-01', '2025-02-28', galway);
  });
  afterAll(() => t.close());

  describe('graphql-ws subscriptions are scoped to the caller’s hotels', () => {
    it("a hotel-galway manager subscribing to hotel-killarney's list gets FORBIDDEN, and nothing else", async () => {
      const sub = subscriberFor(t, galway).subscribe(StocktakeListEventsDocument, { hotel: HOTEL });
      // graphql-ws reports an error of the source stream as one result with `errors`, then completes.
      await sub.waitFor(1);
      await sub.done;
      expect(sub.items).toEqual([
        {
          errors: [
            {
              message: 'You are not a member of hotel hotel-killarney',
              locations: [{ line: 2, column: 3 }],
              path: ['stocktakeListEvents'],
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        },
      ]);
    });

    it('a hotel-galway manager subscribing to a hotel-killarney stocktake id gets NOT_FOUND, exactly as for an id that does not exist', async () => {
      const sub = subscriberFor(t, galway).subscribe(StocktakeEventsDocument, { stocktakeId: killarney.id });
      await sub.waitFor(1);
      await sub.done;
      const notFound = (id: string) => ({
        errors: [
          {
            message: `Stocktake ${id} not found`,
            locations: [{ line: 2, column: 3 }],
            path: ['stocktakeEvents'],
            extensions: { code: 'NOT_FOUND', entity: 'Stocktake', id },
          },
        ],
      });
      expect(sub.items).toEqual([notFound(killarney.id)]);

      const missing = subscriberFor(t, galway).subscribe(StocktakeEventsDocument, { stocktakeId: '999999' });
      await missing.waitFor(1);
      await missing.done;
      expect(missing.items).toEqual([notFound('999999')]);
    });

    it('killarney staff may subscribe to killarney (staff is enough to watch)', async () => {
      const sub = subscriberFor(t, killarneyStaff).subscribe(StocktakeEventsDocument, {
        stocktakeId: killarney.id,
        afterSequence: 0,
      });
      const [first] = await sub.waitFor(1);
      expect(first!.data!.stocktakeEvents).toMatchObject({
        __typename: 'StocktakePopulatedEvent',
        sequence: 1,
        stocktakeId: killarney.id,
      });
    });
  });

  describe('killarney events never reach galway subscribers', () => {
    it('pusher-js and graphql-ws clients of hotel-galway channels receive nothing from killarney mutations while killarney clients do', async () => {
      const galwayList = `${OTHER_HOTEL}-stocktakes`;
      const galwayDetail = `${OTHER_HOTEL}-stocktake-${galwayStocktake.id}`;
      const killarneyList = `${HOTEL}-stocktakes`;
      const killarneyDetail = `${HOTEL}-stocktake-${killarney.id}`;

      const pusherGalwayList = await pusherOn(t, galwayList);
      const pusherGalwayDetail = await pusherOn(t, galwayDetail);
      const pusherKillarneyList = await pusherOn(t, killarneyList);
      const pusherKillarneyDetail = await pusherOn(t, killarneyDetail);
      // From the channels' current sequences, so every later event is delivered however long set-up takes.
      const after = async (channel: string, token: string) => currentSequence(t, channel, token);
      const gqlGalwayList = subscriberFor(t, galway).subscribe(StocktakeListEventsDocument, {
        hotel: OTHER_HOTEL,
        afterSequence: await after(galwayList, galway),
      });
      const gqlGalwayDetail = subscriberFor(t, galway).subscribe(StocktakeEventsDocument, {
        stocktakeId: galwayStocktake.id,
        afterSequence: await after(galwayDetail, galway),
      });
      const manager = await t.token();
      const gqlKillarneyList = subscriberFor(t, manager).subscribe(StocktakeListEventsDocument, {
        hotel: HOTEL,
        afterSequence: await after(killarneyList, manager),
      });
      const gqlKillarneyDetail = subscriberFor(t, killarneyStaff).subscribe(StocktakeEventsDocument, {
        stocktakeId: killarney.id,
        afterSequence: await after(killarneyDetail, killarneyStaff),
      });

      // Killarney: a new stocktake (list) and a count on the existing one (detail).
      const created = ok(
        await t.graphql(CreateStocktakeDocument, {
          hotel: HOTEL,
          input: { periodStart: '2025-03-01', periodEnd: '2025-03-31' },
        }),
      ).createStocktake;
      const counted = ok(
        await t.graphql(UpdateStocktakeLineDocument, { id: killarney.guinness.id, input: { countedFullUnits: '1' } }),
      ).updateStocktakeLine;

      expect((await pusherKillarneyList.waitFor(1)).map((e) => [e.event, e.data.id])).toEqual([
        ['stocktake-created', Number(created.id)],
      ]);
      expect((await pusherKillarneyDetail.waitFor(1)).map((e) => [e.event, e.data.line_id])).toEqual([
        ['line-counted-updated', Number(counted.id)],
      ]);
      expect((await gqlKillarneyList.waitFor(1)).map((r) => r.data!.stocktakeListEvents.name)).toEqual([
        'stocktake-created',
      ]);
      expect((await gqlKillarneyDetail.waitFor(1)).map((r) => r.data!.stocktakeEvents.name)).toEqual([
        'line-counted-updated',
      ]);

      // Then galway: its own clients' first events must be these, proving the killarney ones never came.
      const galwayCreated = ok(
        await t.graphql(
          CreateStocktakeDocument,
          { hotel: OTHER_HOTEL, input: { periodStart: '2025-03-01', periodEnd: '2025-03-31' } },
          { token: galway },
        ),
      ).createStocktake;
      const galwayCounted = ok(
        await t.graphql(
          UpdateStocktakeLineDocument,
          { id: galwayStocktake.guinness.id, input: { countedFullUnits: '2' } },
          { token: galway },
        ),
      ).updateStocktakeLine;
      const galwayActor = { id: 'manager-g', name: 'Gerry Galway' };

      const [galwayListEvent] = await pusherGalwayList.waitFor(1);
      expect(galwayListEvent).toEqual({
        channel: galwayList,
        event: 'stocktake-created',
        data: expect.objectContaining({ id: Number(galwayCreated.id), meta: metaOf(2, galwayActor) }),
      });
      const [galwayDetailEvent] = await pusherGalwayDetail.waitFor(1);
      expect(galwayDetailEvent).toEqual({
        channel: galwayDetail,
        event: 'line-counted-updated',
        // populate 1, this count 2
        data: {
          line_id: Number(galwayCounted.id),
          item_sku: 'D0030',
          line: pusherLineOf(galwayCounted),
          progress: { counted_lines: 1, total_lines: 1, counted_value: '440.00', variance_value_counted: '220.00' },
          meta: metaOf(2, galwayActor),
        },
      });
      const [gqlList] = await gqlGalwayList.waitFor(1);
      expect(gqlList!.data!.stocktakeListEvents).toMatchObject({
        name: 'stocktake-created',
        channel: galwayList,
        sequence: 2,
        actor: galwayActor,
      });
      const [gqlDetail] = await gqlGalwayDetail.waitFor(1);
      expect(gqlDetail!.data!.stocktakeEvents).toMatchObject({
        name: 'line-counted-updated',
        channel: galwayDetail,
        sequence: 2,
        lineId: galwayCounted.id,
      });

      // Nothing more arrived on either side: one more commit per hotel shows up right after what came before.
      await expectNothingMore(
        () =>
          t.graphql(
            UpdateStocktakeLineDocument,
            { id: galwayStocktake.guinness.id, input: { countedFullUnits: '3' } },
            { token: galway },
          ),
        [pusherGalwayDetail, 1],
        [gqlGalwayDetail, 1],
      );
      await expectNothingMore(
        () => t.graphql(UpdateStocktakeLineDocument, { id: killarney.guinness.id, input: { countedFullUnits: '2' } }),
        [pusherKillarneyDetail, 1],
        [gqlKillarneyDetail, 1],
      );
      expect(
        [pusherGalwayList, gqlGalwayList, pusherKillarneyList, gqlKillarneyList].map((r) => r.items.length),
      ).toEqual([1, 1, 1, 1]);
    });
  });

  describe('graphql-ws without a valid token: the socket is closed with 4403', () => {
    const cases: Array<[string, () => Promise<string | null>]> = [
      ['no token', async () => null],
      ['a token that is not a JWT', async () => 'not-a-jwt'],
      [
        'a token signed with another secret',
        () =>
          new SignJWT({ name: 'Eve', hotels: { [HOTEL]: 'manager' } })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('eve')
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters')),
      ],
      [
        'an expired token',
        () =>
          new SignJWT({ name: 'Mary Manager', hotels: { [HOTEL]: 'manager' } })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('manager-1')
            .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
            .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
            .sign(new TextEncoder().encode(JWT_SECRET)),
      ],
    ];
    it.each(cases)('%s', async (_label, makeToken) => {
      const subscriber = subscriberFor(t, await makeToken());
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        subscriber.client.on('closed', (event) => resolve(event as { code: number; reason: string })),
      );
      const sub = subscriber.subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: 0 });
      const event = await within(closed, 5_000);
      expect(event.code).toBe(4403);
      expect(event.reason).toBe('Forbidden');
      await expect(sub.done).rejects.toMatchObject({ code: 4403 });
      expect(sub.items).toEqual([]);
    });

    it('the same socket with a valid token is accepted (control)', async () => {
      const sub = subscriberFor(t, await t.token()).subscribe(StocktakeListEventsDocument, {
        hotel: HOTEL,
        afterSequence: 0,
      });
      const [first] = await sub.waitFor(1);
      expect(first!.data!.stocktakeListEvents).toMatchObject({
        name: 'stocktake-created',
        sequence: 1,
        channel: `${HOTEL}-stocktakes`,
      });
    });
  });

  describe('channelEvents is scoped to the caller’s hotels', () => {
    it("another hotel's channel is FORBIDDEN, with or without private-, and returns no data", async () => {
      for (const channel of [
        `${HOTEL}-stocktakes`,
        `${HOTEL}-stocktake-${killarney.id}`,
        `private-${HOTEL}-stocktakes`,
        `private-${HOTEL}-stocktake-${killarney.id}`,
        'hotel-nowhere-stocktakes',
      ]) {
        const response = await t.graphql(
          ChannelEventsDocument,
          { channel, afterSequence: 0, limit: 100 },
          { token: galway },
        );
        expect(response.data).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
        expect(response.errors![0]!.message).toBe(
          `You are not a member of hotel ${channel.replace(/^private-/, '').replace(/-stocktakes?(-\d+)?$/, '')}`,
        );
      }
      // Naming a killarney stocktake id under the caller's own hotel reads that (empty) galway channel: nothing leaks.
      expect(
        ok(
          await t.graphql(
            ChannelEventsDocument,
            { channel: `${OTHER_HOTEL}-stocktake-${killarney.id}` },
            { token: galway },
          ),
        ).channelEvents,
      ).toEqual([]);
      // Its own hotel's channel works for the same user.
      const own = ok(
        await t.graphql(
          ChannelEventsDocument,
          { channel: `${OTHER_HOTEL}-stocktake-${galwayStocktake.id}` },
          { token: galway },
        ),
      ).channelEvents;
      expect(own[0]).toMatchObject({ name: 'stocktake-populated', sequence: 1 });
    });

    it('a channel name that is not a stocktake channel is BAD_USER_INPUT (field channel)', async () => {
      for (const channel of [
        `${HOTEL}-staff-conversation-5`,
        `${HOTEL}-stocktake-abc`,
        `${HOTEL}-stocktake-0`,
        `${HOTEL}-stocktake-`,
        'stocktakes',
        '',
      ]) {
        const response = await t.graphql(ChannelEventsDocument, { channel, afterSequence: 0, limit: 100 });
        expect({ channel, data: response.data, extensions: response.errors?.[0]?.extensions }).toEqual({
          channel,
          data: null,
          extensions: { code: 'BAD_USER_INPUT', field: 'channel' },
        });
      }
    });

    it('without a token it is UNAUTHENTICATED', async () => {
      const response = await t.graphql(ChannelEventsDocument, { channel: `${HOTEL}-stocktakes` }, { token: null });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /pusher/config', () => {
    it('returns the pusher-js settings of the built-in endpoint and never the secret', async () => {
      const response = await fetch(`http://127.0.0.1:${t.port}/pusher/config`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        key: 'test-key',
        cluster: 'mt1',
        wsHost: '127.0.0.1',
        wsPort: t.port,
        forceTLS: false,
        enabledTransports: ['ws', 'wss'],
        channelPrefix: '',
        detailChannelPrefix: '',
        authEndpoint: `http://127.0.0.1:${t.port}/pusher/auth`,
        channelAuthorization: { endpoint: `http://127.0.0.1:${t.port}/pusher/auth`, transport: 'ajax' },
      });
      expect(text).not.toContain(PUSHER.secret);
      expect(text.toLowerCase()).not.toContain('secret');
    });
  });
});

// ============================================================================
describe("with PUSHER_CHANNEL_PREFIX=private- (startTestApp({ env: { PUSHER_CHANNEL_PREFIX: 'private-' } }))", () => {
  let tp: TestApp;
  let member: string;
  let memberStaff: string;
  let outsider: string;

  beforeAll(async () => {
    tp = await startTestApp({ pusher: 'built-in', env: { PUSHER_CHANNEL_PREFIX: 'private-' } });
    member = await tp.token();
    memberStaff = await tp.token({ user: 'staff-k', name: 'Kate Staff', hotels: { [HOTEL]: 'staff' } });
    outsider = await tp.token({ user: 'manager-g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
  });
  afterAll(() => tp.close());

  it('events go to private-hotel-killarney-stocktake-{id}; a member with a bearer token subscribes and receives them; the unprefixed channel gets nothing', async () => {
    const { id, guinness } = await populated(tp, HOTEL, '2025-04-01', '2025-04-30');
    const privateDetail = `private-${HOTEL}-stocktake-${id}`;
    const privateList = `private-${HOTEL}-stocktakes`;
    const detailEvents = await pusherOn(tp, privateDetail, member);
    const staffDetailEvents = await pusherOn(tp, privateDetail, memberStaff);
    const listEvents = await pusherOn(tp, privateList, member);
    const publicDetail = await pusherOn(tp, `${HOTEL}-stocktake-${id}`);
    const publicList = await pusherOn(tp, `${HOTEL}-stocktakes`);

    const line = ok(
      await tp.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedPartialUnits: '12.5' } }),
    ).updateStocktakeLine;
    const approved = ok(await tp.graphql(ApproveStocktakeDocument, { id })).approveStocktake;

    const [counted, status] = await detailEvents.waitFor(2);
    expect(counted).toEqual({
      channel: privateDetail,
      event: 'line-counted-updated',
      data: {
        line_id: Number(guinness.id),
        item_sku: 'D0030',
        line: pusherLineOf(line),
        progress: { counted_lines: 1, total_lines: 6, counted_value: '31.25', variance_value_counted: '-188.75' },
        meta: metaOf(2),
      },
    });
    expect(status).toEqual({
      channel: privateDetail,
      event: 'stocktake-status-changed',
      data: expect.objectContaining({
        stocktake_id: Number(id),
        status: 'APPROVED',
        adjustments_created: approved.adjustmentsCreated,
        meta: metaOf(3),
      }),
    });
    expect(await staffDetailEvents.waitFor(2)).toEqual([counted, status]);
    const [listStatus] = await listEvents.waitFor(1);
    expect(listStatus).toEqual({
      channel: privateList,
      event: 'stocktake-status-changed',
      data: { ...status!.data, meta: { ...(status!.data.meta as object), sequence: 2 } },
    });

    // Stored without the prefix; readable with or without it.
    const stored = ok(await tp.graphql(ChannelEventsDocument, { channel: privateDetail })).channelEvents;
    expect(stored.map((e) => [e.channel, e.sequence, e.name])).toEqual([
      [`${HOTEL}-stocktake-${id}`, 1, 'stocktake-populated'],
      [`${HOTEL}-stocktake-${id}`, 2, 'line-counted-updated'],
      [`${HOTEL}-stocktake-${id}`, 3, 'stocktake-status-changed'],
    ]);
    expect(stored.slice(1).map((e) => e.payload)).toEqual([counted!.data, status!.data]);

    // Nothing went to the unprefixed channels: a marker published there now is the first thing they get.
    const sdk = new Pusher({
      appId: PUSHER.appId,
      key: PUSHER.key,
      secret: PUSHER.secret,
      host: '127.0.0.1',
      port: String(tp.port),
      useTLS: false,
    });
    await sdk.trigger([`${HOTEL}-stocktake-${id}`, `${HOTEL}-stocktakes`], 'barrier', {});
    expect((await publicDetail.waitFor(1)).map((e) => e.event)).toEqual(['barrier']);
    expect((await publicList.waitFor(1)).map((e) => e.event)).toEqual(['barrier']);
    expect(detailEvents.items).toHaveLength(2);
  });

  it("a non-member's pusher-js subscription fails with 403, and one without a token with 401", async () => {
    const { id } = await populated(tp, HOTEL, '2025-05-01', '2025-05-31');
    const channel = `private-${HOTEL}-stocktake-${id}`;
    expect(await pusherRefusal(tp, channel, outsider)).toMatchObject({ type: 'AuthError', status: 403 });
    expect(await pusherRefusal(tp, `private-${HOTEL}-stocktakes`, outsider)).toMatchObject({
      type: 'AuthError',
      status: 403,
    });
    expect(await pusherRefusal(tp, channel)).toMatchObject({ type: 'AuthError', status: 401 });
    expect(await pusherRefusal(tp, channel, 'not-a-jwt')).toMatchObject({ type: 'AuthError', status: 401 });
  });

  it('POST /pusher/auth signs members only', async () => {
    const socketId = '1234.5678';
    const channel = `private-${HOTEL}-stocktake-42`;
    const signed = await authorize(tp, { socket_id: socketId, channel_name: channel }, member);
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.text)).toEqual({ auth: signature(socketId, channel) });
    // JSON bodies are accepted too, and staff are members.
    const staffSigned = await authorize(
      tp,
      { socket_id: socketId, channel_name: `private-${HOTEL}-stocktakes` },
      memberStaff,
      false,
    );
    expect(staffSigned.status).toBe(200);
    expect(JSON.parse(staffSigned.text)).toEqual({ auth: signature(socketId, `private-${HOTEL}-stocktakes`) });

    expect(await authorize(tp, { socket_id: socketId, channel_name: channel }, outsider)).toEqual({
      status: 403,
      text: `Not a member of ${HOTEL}`,
    });
    expect((await authorize(tp, { socket_id: socketId, channel_name: channel })).status).toBe(401);
    expect((await authorize(tp, { socket_id: socketId, channel_name: channel }, 'not-a-jwt')).status).toBe(401);
    // Only private stocktake channels are signed.
    expect((await authorize(tp, { socket_id: socketId, channel_name: `${HOTEL}-stocktake-42` }, member)).status).toBe(
      403,
    );
    expect((await authorize(tp, { socket_id: socketId, channel_name: `private-${HOTEL}-chat` }, member)).status).toBe(
      403,
    );
    expect((await authorize(tp, { socket_id: 'nonsense', channel_name: channel }, member)).status).toBe(400);
  });

  it('GET /pusher/config says channelPrefix private- and never the secret', async () => {
    const response = await fetch(`http://127.0.0.1:${tp.port}/pusher/config`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      key: 'test-key',
      cluster: 'mt1',
      wsHost: '127.0.0.1',
      wsPort: tp.port,
      forceTLS: false,
      enabledTransports: ['ws', 'wss'],
      detailChannelPrefix: 'private-',
      channelPrefix: 'private-',
      authEndpoint: `http://127.0.0.1:${tp.port}/pusher/auth`,
      channelAuthorization: { endpoint: `http://127.0.0.1:${tp.port}/pusher/auth`, transport: 'ajax' },
    });
    expect(text).not.toContain(PUSHER.secret);
  });
});

/**
 * Presence (docs/collaboration.md) with real clients on both transports:
 * two tabs of one user are one presence, pusher-js presence members are the
 * users GraphQL presence shows, a presence held by an instance that dies
 * ends from another instance, and presence/private channel authorization.
 */
import { print } from 'graphql';
import type { PresenceChannel } from 'pusher-js';
import {
  CollaborationEventsDocument,
  JoinStocktakeDocument,
  LeaveStocktakeDocument,
  PresenceDocument,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { EPOCH, ISO_Z, metaOf } from './support/payload-matchers';
import { startPusherEndpoint, type PusherEndpoint } from './support/pusher-endpoint';
import {
  currentSequence,
  expectNothingMore,
  graphqlSubscriber,
  legacyFrontend,
  type GraphQLSubscriber,
} from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { PUSHER, startTestApp, type TestApp } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(30_000);

const AOIFE = { id: 'staff-aoife', name: 'Aoife Byrne' };
const BRIAN = { id: 'staff-brian', name: 'Brian Walsh' };
const SYSTEM = { id: 'system', name: 'Stocktake Live' };

const closers = closeAfterEach();

function staffToken(t: TestApp, user: { id: string; name: string }) {
  return t.token({ user: user.id, name: user.name, hotels: { [HOTEL]: 'staff' } });
}

/** A graphql-ws connection of `user`, closed after the test unless the test closes it. */
async function connection(t: TestApp, user: { id: string; name: string }): Promise<GraphQLSubscriber> {
  const client = graphqlSubscriber(t, await staffToken(t, user));
  closers.push(() => client.close());
  return client;
}

/**
 * A tab of `user` on the stocktake: its connection follows the stocktake
 * (which keeps the lazy graphql-ws client connected, as a screen would) and
 * joins over it.
 */
async function tab(t: TestApp, user: { id: string; name: string }, stocktake: { id: string; channel: string }) {
  const client = await connection(t, user);
  const following = client.subscribe(CollaborationEventsDocument, {
    stocktakeId: stocktake.id,
    afterSequence: await currentSequence(t, stocktake.channel),
  });
  await join(client, stocktake.id);
  closers.push(() => following.unsubscribe());
  return client;
}

/** Runs a mutation over the connection (graphql-ws runs mutations too) and returns its data. */
function mutate(client: GraphQLSubscriber, query: string, variables: Record<string, unknown>) {
  const result = client.raw({ query, variables });
  return Promise.all([result.waitFor(1), result.outcome]).then(([[first]]) => {
    expect(first!.errors).toBeUndefined();
    return first!.data as Record<string, unknown>;
  });
}

const join = (client: GraphQLSubscriber, stocktakeId: string) =>
  mutate(client, print(JoinStocktakeDocument), { stocktakeId });

async function watch(t: TestApp, stocktakeId: string, channel: string) {
  const watcher = await connection(t, { id: 'manager-1', name: 'Mary Manager' });
  return watcher.subscribe(CollaborationEventsDocument, {
    stocktakeId,
    afterSequence: await currentSequence(t, channel),
  });
}

describe('one app with PUSHER_PRESENCE_CHANNELS=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUSHER_PRESENCE_CHANNELS: 'true' } });
  });
  afterAll(() => t.close());

  it('two tabs of one user are one presence: user-joined on the first, user-left after the last, on both transports', async () => {
    const steps = stocktakeSteps(t);
    const stocktake = await steps.create();
    const events = await watch(t, stocktake.id, stocktake.channel);
    const legacy = await legacyFrontend(t, await t.token());
    closers.push(() => legacy.close());
    const pusherEvents = await legacy.listen(`presence-${stocktake.channel}`);

    const tab1 = await tab(t, AOIFE, stocktake);
    const tab2 = await tab(t, AOIFE, stocktake);
    const [joined] = await events.waitFor(1);
    expect(joined!.data!.stocktakeEvents).toEqual({
      __typename: 'UserJoinedEvent',
      eventId: expect.any(String),
      epoch: expect.stringMatching(EPOCH),
      name: 'user-joined',
      channel: stocktake.channel,
      sequence: 1,
      occurredAt: expect.stringMatching(ISO_Z),
      actor: AOIFE,
      stocktakeId: stocktake.id,
      user: AOIFE,
      since: expect.stringMatching(ISO_Z),
    });
    const [pusherJoined] = await pusherEvents.waitFor(1);
    expect(pusherJoined).toEqual({
      channel: `presence-${stocktake.channel}`,
      event: 'user-joined',
      data: {
        stocktake_id: Number(stocktake.id),
        user: AOIFE,
        since: (joined!.data!.stocktakeEvents as { since: string }).since,
        meta: metaOf(1, AOIFE),
      },
    });
    expect(ok(await t.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence).toEqual([
      { user: AOIFE, since: (joined!.data!.stocktakeEvents as { since: string }).since, editingLineIds: [] },
    ]);

    // Closing one tab ends nothing: Brian joining is the barrier that proves no user-left came before it.
    const open = t.app.graphqlWs.connectionCount();
    await tab1.close();
    await waitUntil(() => t.app.graphqlWs.connectionCount() === open - 1, 'the server to see the tab close');
    await t.app.collaboration.settled();
    let brian!: GraphQLSubscriber;
    await expectNothingMore(async () => (brian = await tab(t, BRIAN, stocktake)), [events, 1], [pusherEvents, 1]);
    expect(events.items[1]!.data!.stocktakeEvents).toMatchObject({ name: 'user-joined', user: BRIAN });

    // The last tab closing ends Aoife's presence.
    await tab2.close();
    const [, , left] = await events.waitFor(3);
    expect(left!.data!.stocktakeEvents).toEqual({
      __typename: 'UserLeftEvent',
      eventId: expect.any(String),
      epoch: expect.stringMatching(EPOCH),
      name: 'user-left',
      channel: stocktake.channel,
      sequence: 3,
      occurredAt: expect.stringMatching(ISO_Z),
      actor: SYSTEM,
      stocktakeId: stocktake.id,
      user: AOIFE,
      reason: 'disconnected',
    });
    const pusherLeft = (await pusherEvents.waitFor(3))[2]!;
    expect(pusherLeft).toEqual({
      channel: `presence-${stocktake.channel}`,
      event: 'user-left',
      data: { stocktake_id: Number(stocktake.id), user: AOIFE, reason: 'disconnected', meta: metaOf(3, SYSTEM) },
    });

    // Leaving explicitly ends Brian's.
    await mutate(brian, print(LeaveStocktakeDocument), { stocktakeId: stocktake.id });
    const [, , , brianLeft] = await events.waitFor(4);
    expect(brianLeft!.data!.stocktakeEvents).toMatchObject({
      name: 'user-left',
      actor: BRIAN,
      user: BRIAN,
      reason: 'left',
    });
    expect(ok(await t.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence).toEqual([]);
  });

  it('pusher-js presence members are the users GraphQL presence shows (user id, name in user_info)', async () => {
    const stocktake = await stocktakeSteps(t).create();
    const channelName = `presence-${stocktake.channel}`;
    const aoife = await legacyFrontend(t, await staffToken(t, AOIFE));
    const brian = await legacyFrontend(t, await staffToken(t, BRIAN));
    closers.push(
      () => aoife.close(),
      () => brian.close(),
    );
    await aoife.listen(channelName);
    await brian.listen(channelName);
    await tab(t, AOIFE, stocktake);
    await tab(t, BRIAN, stocktake);

    const channel = aoife.pusher.channel(channelName) as PresenceChannel;
    await waitUntil(() => channel.members.count === 2, 'both members on the presence channel');
    const members: { id: string; info: unknown }[] = [];
    channel.members.each((member: { id: string; info: unknown }) => members.push(member));
    const presence = ok(await t.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence;
    expect(members.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      presence.map(({ user }) => ({ id: user.id, info: { name: user.name } })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(members.map((member) => member.id).sort()).toEqual([AOIFE.id, BRIAN.id]);
  });

  it('authorizes presence channels for members of the hotel, with channel_data naming the token user, and refuses the rest', async () => {
    const stocktake = await stocktakeSteps(t).create();
    const auth = async (channel: string, token: string | null) => {
      const response = await fetch(`http://127.0.0.1:${t.port}/pusher/auth`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: new URLSearchParams({ socket_id: '123.456', channel_name: channel }).toString(),
      });
      return { status: response.status, body: await response.text() };
    };
    const config = (await (await fetch(`http://127.0.0.1:${t.port}/pusher/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ channelPrefix: '', detailChannelPrefix: 'presence-' });
    const allowed = await auth(`presence-${stocktake.channel}`, await staffToken(t, AOIFE));
    expect(allowed.status).toBe(200);
    expect(JSON.parse(JSON.parse(allowed.body).channel_data as string)).toEqual({
      user_id: AOIFE.id,
      user_info: { name: AOIFE.name },
    });
    expect(JSON.parse(allowed.body).auth).toMatch(new RegExp(`^${PUSHER.key}:[0-9a-f]{64}$`));

    const outsider = await t.token({ user: 'u-galway', name: 'Gary', hotels: { [OTHER_HOTEL]: 'manager' } });
    expect(await auth(`presence-${stocktake.channel}`, outsider)).toEqual({
      status: 403,
      body: `Not a member of ${HOTEL}`,
    });
    expect((await auth(`presence-${stocktake.channel}`, null)).status).toBe(401);
    expect(await auth(`presence-${HOTEL}-stocktakes`, await staffToken(t, AOIFE))).toEqual({
      status: 403,
      body: `Unknown channel presence-${HOTEL}-stocktakes`,
    });

    // pusher-js itself: subscribing as an outsider fails, as a member succeeds.
    const stranger = await legacyFrontend(t, outsider);
    closers.push(() => stranger.close());
    await expect(stranger.listen(`presence-${stocktake.channel}`)).rejects.toThrow(/subscription to .* failed/);
  });

  it('an HTTP presence ends when its heartbeat lapses (timeout)', async () => {
    const short = await startTestApp({ database: { url: t.databaseUrl }, env: { PRESENCE_HEARTBEAT: '600ms' } });
    closers.push(() => short.close());
    const stocktake = await stocktakeSteps(short).create();
    const events = await watch(short, stocktake.id, stocktake.channel);
    ok(
      await short.graphql(
        JoinStocktakeDocument,
        { stocktakeId: stocktake.id },
        { token: await staffToken(short, BRIAN) },
      ),
    );
    const [, left] = await events.waitFor(2);
    expect(left!.data!.stocktakeEvents).toMatchObject({ name: 'user-left', user: BRIAN, reason: 'timeout' });
  });
});

describe('two instances on one database', () => {
  let endpoint: PusherEndpoint;
  const apps: TestApp[] = [];
  beforeEach(async () => {
    endpoint = await startPusherEndpoint();
  });
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
    await endpoint.close();
  });

  it('an instance dies with presences on it: another instance ends them (instance-lost) on both transports', async () => {
    const options = { env: { ...endpoint.env, PRESENCE_HEARTBEAT: '1500ms' } };
    const dying = await startTestApp(options);
    apps.push(dying);
    const survivor = await startTestApp({ ...options, database: { url: dying.databaseUrl } });
    apps.push(survivor);
    const stocktake = await stocktakeSteps(survivor).create();
    const legacy = await legacyFrontend(survivor, undefined, { port: endpoint.port, key: endpoint.key });
    closers.push(() => legacy.close());
    const pusherEvents = await legacy.listen(stocktake.channel);
    const events = await watch(survivor, stocktake.id, stocktake.channel);

    await tab(dying, AOIFE, stocktake);
    await tab(dying, BRIAN, stocktake);
    await pusherEvents.waitFor(2);
    expect(ok(await survivor.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence).toHaveLength(2);

    // Dies: no goodbye to the database, its connections just stop being renewed.
    dying.app.collaboration.detach();
    await dying.stopApp();

    // The joins were committed on the other instance: the survivor's stream fills them in before its own events.
    const ended = (await events.waitFor(4, 10_000)).slice(2).map((result) => result.data!.stocktakeEvents);
    expect(ended.map((event) => event.sequence)).toEqual([3, 4]);
    const byUser = (event: (typeof ended)[number]) => (event as { user: { id: string } }).user.id;
    expect([...ended].sort((a, b) => byUser(a).localeCompare(byUser(b)))).toEqual(
      [AOIFE, BRIAN].map((user) => ({
        __typename: 'UserLeftEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'user-left',
        channel: stocktake.channel,
        sequence: expect.any(Number),
        occurredAt: expect.stringMatching(ISO_Z),
        actor: SYSTEM,
        stocktakeId: stocktake.id,
        user,
        reason: 'instance-lost',
      })),
    );
    const pusherLeft = (await pusherEvents.waitFor(4, 10_000)).slice(2);
    expect(
      pusherLeft.map((event) => [event.event, event.data.reason, (event.data.user as { id: string }).id]).sort(),
    ).toEqual([
      ['user-left', 'instance-lost', AOIFE.id],
      ['user-left', 'instance-lost', BRIAN.id],
    ]);
    expect(ok(await survivor.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence).toEqual([]);
  });
});

/**
 * Operational answers that say no more than the caller may know, and limits that say which limit
 * applied (issue 17, item 7): relayStatus shows a manager only the hotels they manage, a 413 from
 * /pusher/auth names its own 16 KB limit, and out-of-range page sizes are BAD_USER_INPUT naming
 * the argument and its range (before the operation is priced), on every query that pages.
 */
import { CreateStocktakeDocument, RelayStatusDocument } from './__generated__/graphql';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { ok, waitUntil } from './support/waiting';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(30_000);

let t: TestApp;
let manager: string;

beforeAll(async () => {
  t = await startTestApp({ env: { RELAY_CONCURRENCY: '1' } });
  manager = await t.token();
});
afterAll(() => t.close());

const create = (hotel: string, token: string, month: number) =>
  t.graphql(
    CreateStocktakeDocument,
    { hotel, input: { periodStart: `2024-0${month}-01`, periodEnd: `2024-0${month}-28` } },
    { token },
  );

describe('relayStatus', () => {
  it("shows a manager of one hotel only that hotel's backlog and lastError, never another's", async () => {
    const galwayManager = await t.token({ user: 'galway-manager', hotels: { [OTHER_HOTEL]: 'manager' } });
    const bothManager = await t.token({
      user: 'both-manager',
      hotels: { [HOTEL]: 'manager', [OTHER_HOTEL]: 'manager' },
    });
    const status = async (token: string) => ok(await t.graphql(RelayStatusDocument, {}, { token })).relayStatus;

    await t.app.relay!.stop();
    ok(await create(HOTEL, manager, 1));
    ok(await create(OTHER_HOTEL, galwayManager, 2));
    ok(await create(OTHER_HOTEL, galwayManager, 3));
    expect([
      (await status(manager)).backlog,
      (await status(galwayManager)).backlog,
      (await status(bothManager)).backlog,
    ]).toEqual([1, 2, 3]);

    // Pusher refuses the Killarney event: its reason is Killarney's business only.
    t.faults.refuseWhere((event) => (event.channel ?? event.channels?.[0] ?? '').startsWith(HOTEL), {
      status: 400,
      body: 'Killarney secret reason',
    });
    t.app.relay!.start();
    await waitUntil(async () => (await status(manager)).deadLettered === 1, 'the Killarney event dead-lettered');
    await waitUntil(async () => (await status(galwayManager)).backlog === 0, 'the Galway events delivered');
    expect(await status(manager)).toMatchObject({
      backlog: 0,
      deadLettered: 1,
      lastError: 'HTTP 400: Killarney secret reason',
    });
    expect(await status(galwayManager)).toMatchObject({
      backlog: 0,
      deadLettered: 0,
      lastError: null,
      oldestPendingAgeSeconds: null,
    });
    expect(await status(bothManager)).toMatchObject({
      deadLettered: 1,
      lastError: 'HTTP 400: Killarney secret reason',
    });
    t.faults.clear();
  });

  it('is FORBIDDEN to someone who manages no hotel', async () => {
    const staff = await t.token({ user: 'staff-only', hotels: { [HOTEL]: 'staff' } });
    const response = await t.graphql(RelayStatusDocument, {}, { token: staff });
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('page sizes out of range', () => {
  const channel = `${HOTEL}-stocktakes`;

  it.each([
    [
      'channelEvents, limit 100000 (literal)',
      `{ channelEvents(channel: "${channel}", limit: 100000) { sequence } }`,
      {},
      'limit must be between 1 and 500 (it is 100000)',
      { field: 'limit', min: 1, max: 500 },
    ],
    [
      'channelEvents, limit 0 (variable)',
      `query ($l: Int) { channelEvents(channel: "${channel}", limit: $l) { sequence } }`,
      { l: 0 },
      'limit must be between 1 and 500 (it is 0)',
      { field: 'limit', min: 1, max: 500 },
    ],
    [
      'channelEvents, limit 501 in a fragment',
      `query ($l: Int) { ...F } fragment F on Query { channelEvents(channel: "${channel}", limit: $l) { payload } }`,
      { l: 501 },
      'limit must be between 1 and 500 (it is 501)',
      { field: 'limit', min: 1, max: 500 },
    ],
    [
      'deadLetteredEvents, limit 100000',
      `{ deadLetteredEvents(hotel: "${HOTEL}", limit: 100000) { eventId } }`,
      {},
      'limit must be between 1 and 500 (it is 100000)',
      { field: 'limit', min: 1, max: 500 },
    ],
  ])(
    '%s: BAD_USER_INPUT naming the argument and its range, HTTP 400',
    async (_name, query, variables, message, extensions) => {
      const response = await t.post({ query, variables }, { token: manager });
      expect([response.status, response.json]).toEqual([
        400,
        { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...extensions } }] },
      ]);
    },
  );

  it('deadLetteredEvents with limit 0 is refused, not quietly raised to 1', async () => {
    const response = await t.post(
      { query: `{ deadLetteredEvents(hotel: "${HOTEL}", limit: 0) { eventId } }` },
      { token: manager },
    );
    expect(
      response.json?.errors?.map((error) => [error.message, error.extensions?.code, error.extensions?.field]),
    ).toEqual([['limit must be between 1 and 500 (it is 0)', 'BAD_USER_INPUT', 'limit']]);
  });

  it('channelEvents with afterSequence -1 is BAD_USER_INPUT naming afterSequence', async () => {
    const response = await t.post(
      { query: `{ channelEvents(channel: "${channel}", afterSequence: -1) { sequence } }` },
      { token: manager },
    );
    expect(response.json).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'afterSequence must be 0 or more',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'afterSequence' }),
        }),
      ],
    });
  });

  it('the largest allowed limit is answered', async () => {
    const response = await t.post(
      { query: `{ channelEvents(channel: "${channel}", limit: 500) { sequence } }` },
      { token: manager },
    );
    expect(response.json?.errors).toBeUndefined();
  });
});

describe('a body over its limit', () => {
  it('/pusher/auth over 16 KB: 413 saying at most 16 KB', async () => {
    const response = await fetch(`http://127.0.0.1:${t.port}/pusher/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${manager}` },
      body: `socket_id=1.1&channel_name=${'x'.repeat(17 * 1024)}`,
    });
    expect([response.status, await response.json()]).toEqual([
      413,
      {
        errors: [
          { message: 'The request body is too large (at most 16 KB)', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      },
    ]);
  });

  it('/graphql over 1 MB still says at most 1 MB', async () => {
    const response = await t.post({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect([response.status, response.json]).toEqual([
      413,
      {
        errors: [
          { message: 'The request body is too large (at most 1 MB)', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      },
    ]);
  });
});

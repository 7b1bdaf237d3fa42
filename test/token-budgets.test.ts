/**
 * One user cannot take more than their share (docs/operations.md, "Per-token budgets"): every
 * operation's price and every replayed event come out of one budget per user, shared by HTTP and
 * graphql-ws, and what a user holds open (connections, operations, presence sessions) is capped.
 * Each refusal is RATE_LIMITED, says which budget and when to retry, and changes nothing.
 */
import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import WebSocket from 'ws';
import { JoinStocktakeDocument, PresenceDocument, StocktakeLineDocument } from './__generated__/graphql';
import { BASE_OPERATION_COST, operationCost } from '../src/graphql/operation-limits';
import { createSchema } from '../src/graphql/schema';
import { REPLAY_EVENT_COST } from '../src/infrastructure/token-budgets';
import { HOTEL } from './support/fixtures';
import { graphqlSubscriber, type GraphQLSubscriber } from './support/realtime-clients';
import { redisGate, stopTestRedis, testRedisUrl, uniquePrefix } from './support/redis';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type RawResponse, type TestApp } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

/** The budget's window (token-budgets.ts): TOKEN_COST_PER_SECOND × this is what a user may spend at once. */
const WINDOW_SECONDS = 5;
const ME = '{ me { id } }';
const REPLAY = 'subscription ($id: ID!) { stocktakeEvents(stocktakeId: $id, afterSequence: 0) { __typename } }';

let schema: GraphQLSchema;
const price = (query: string, variables?: Record<string, unknown>) =>
  operationCost(schema, parse(query), undefined, variables);

const sockets: GraphQLSubscriber[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
});

function subscriber(t: TestApp, token: string): GraphQLSubscriber {
  const socket = graphqlSubscriber(t, token);
  sockets.push(socket);
  return socket;
}

const staff = (t: TestApp, user: string) => t.token({ user, name: user, hotels: { [HOTEL]: 'staff' } });

function rateLimited(response: RawResponse) {
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    errors: response.json?.errors?.map((error) => error.extensions),
  };
}

beforeAll(async () => {
  schema = await createSchema();
});

describe('the cost budget: every price, over HTTP and graphql-ws, and every replayed event', () => {
  let t: TestApp;
  let setUp: TestApp;
  let steps: ReturnType<typeof stocktakeSteps>;
  let stocktake: Awaited<ReturnType<ReturnType<typeof stocktakeSteps>['ready']>>;
  let events: number;
  // A window that holds a replay subscription and one `me`, but not also the 40-odd events replayed.
  let window: number;

  beforeAll(async () => {
    setUp = await startTestApp();
    steps = stocktakeSteps(setUp);
    stocktake = await steps.ready();
    // Forty counts: events on the stocktake's channel.
    for (let i = 0; i < 40; i++) await steps.count(stocktake.lines[i % stocktake.lines.length]!.id, String(i));
    events = (
      await setUp.orm.em
        .fork()
        .execute<{ n: number }[]>('select count(*)::int as n from outbox_event where channel = ?', [stocktake.channel])
    )[0]!.n;
    const needed = price(REPLAY, { id: stocktake.id }) + price(ME) + 100;
    const costPerSecond = Math.ceil(needed / WINDOW_SECONDS);
    window = costPerSecond * WINDOW_SECONDS;
    // The same database, now served with a small budget.
    await setUp.stopApp();
    t = await startTestApp({
      database: { url: setUp.databaseUrl, seed: false },
      env: { TOKEN_COST_PER_SECOND: String(costPerSecond) },
    });
  });
  afterAll(async () => {
    await t?.close();
    await setUp?.close();
  });
  /** Reads as a manager of their own, so as not to spend the budgets under test. */
  const line = async (id: string) =>
    ok(
      await t.graphql(
        StocktakeLineDocument,
        { id },
        { token: await t.token({ user: `reader-${id}-${Math.random()}` }) },
      ),
    ).stocktakeLine;

  it('spends each operation’s price; past the budget HTTP answers 429 RATE_LIMITED with when to retry, other users unaffected', async () => {
    expect(price(ME)).toBe(BASE_OPERATION_COST + 2);
    const token = await staff(t, 'spender');
    const fits = Math.floor(window / price(ME));
    for (let i = 0; i < fits; i++) expect((await t.post({ query: ME }, { token })).status).toBe(200);
    const refused = await t.post({ query: ME }, { token });
    expect(rateLimited(refused)).toEqual({
      status: 429,
      retryAfter: expect.stringMatching(/^[0-5]$/),
      errors: [{ code: 'RATE_LIMITED', limit: 'cost', retryable: true, retryAfterMs: expect.any(Number) }],
    });
    expect(refused.json!.errors![0]!.extensions!.retryAfterMs).toBeLessThanOrEqual(WINDOW_SECONDS * 1000);
    expect(refused.json!.data ?? null).toBeNull();
    // Refused before the document is even parsed: a broken one gets the same answer, not GRAPHQL_PARSE_FAILED.
    expect(rateLimited(await t.post({ query: '{ me { id ' }, { token })).errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' }),
    ]);
    // The budget is the user's: a colleague is served as usual.
    expect((await t.post({ query: ME }, { token: await staff(t, 'colleague') })).status).toBe(200);
  });

  it('a refused count changes nothing, and the same budget refuses the user over graphql-ws', async () => {
    const token = await staff(t, 'hurried');
    const before = await line(stocktake.lines[0]!.id);
    while ((await t.post({ query: ME }, { token })).status === 200);
    const count = await t.post(
      {
        query: 'mutation ($id: ID!) { updateStocktakeLine(id: $id, input: { countedFullUnits: "99" }) { id } }',
        variables: { id: stocktake.lines[0]!.id },
      },
      { token },
    );
    expect(rateLimited(count).errors).toEqual([expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' })]);
    expect(await line(stocktake.lines[0]!.id)).toEqual(before);

    const socket = subscriber(t, token);
    expect(await socket.raw({ query: REPLAY, variables: { id: stocktake.id } }).outcome).toEqual({
      kind: 'error',
      errors: [
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' }) }),
      ],
    });
    // The socket stays open for what the user may still do later: it answers a further operation (refused too).
    expect((await socket.raw({ query: ME }).outcome).kind).toBe('error');
  });

  it('a catch-up is paid per event replayed: after replaying the stocktake’s events the user cannot afford one more request', async () => {
    const token = await staff(t, 'catching-up');
    expect(price(REPLAY, { id: stocktake.id }) + price(ME)).toBeLessThanOrEqual(window);
    expect(price(REPLAY, { id: stocktake.id }) + events * REPLAY_EVENT_COST + price(ME)).toBeGreaterThan(window);
    const replay = subscriber(t, token).raw({ query: REPLAY, variables: { id: stocktake.id } });
    // Delivered in full (a catch-up slows down when it cannot be paid; it never fails).
    await replay.waitFor(events);
    expect(rateLimited(await t.post({ query: ME }, { token })).errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' }),
    ]);
    replay.unsubscribe();
  });
});

/** A raw graphql-transport-ws connection: resolves with `ack` once accepted, or with the close code and reason. */
function connect(
  t: TestApp,
  token: string,
): Promise<{ kind: 'ack'; socket: WebSocket } | { kind: 'closed'; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${t.port}/graphql`, 'graphql-transport-ws');
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve({ kind: 'ack', socket });
    });
    socket.once('close', (code, reason) => resolve({ kind: 'closed', code, reason: String(reason) }));
    socket.once('error', reject);
  });
}

describe('what one user may hold open', () => {
  let t: TestApp;
  let steps: ReturnType<typeof stocktakeSteps>;
  const raw: WebSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: { TOKEN_MAX_CONNECTIONS: '2', TOKEN_MAX_SUBSCRIPTIONS: '3', TOKEN_MAX_PRESENCE_SESSIONS: '2' },
    });
    steps = stocktakeSteps(t);
  });
  afterEach(() => {
    for (const socket of raw.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  it('a third graphql-ws connection of one user is closed with 4403 naming the cap; closing one makes room', async () => {
    const token = await staff(t, 'many-tabs');
    const accepted = [await connect(t, token), await connect(t, token)];
    for (const connection of accepted) {
      expect(connection.kind).toBe('ack');
      if (connection.kind === 'ack') raw.push(connection.socket);
    }
    expect(await connect(t, token)).toEqual({
      kind: 'closed',
      code: 4403,
      reason: 'Too many connections: at most 2 per user (RATE_LIMITED)',
    });
    // Another user is not affected.
    const other = await connect(t, await staff(t, 'one-tab'));
    expect(other.kind).toBe('ack');
    if (other.kind === 'ack') raw.push(other.socket);

    raw.shift()!.close();
    let again: Awaited<ReturnType<typeof connect>> | undefined;
    await waitUntil(async () => (again = await connect(t, token)).kind === 'ack', 'a connection accepted again');
    if (again?.kind === 'ack') raw.push(again.socket);
  });

  it('operations are capped over all of a user’s connections, and completing one makes room', async () => {
    const stocktake = await steps.ready();
    const token = await staff(t, 'many-screens');
    const [first, second] = [subscriber(t, token), subscriber(t, token)];
    const follow = (socket: GraphQLSubscriber) => socket.raw({ query: REPLAY, variables: { id: stocktake.id } });
    // Each has received the populate event: all three are open on the server.
    const open = [follow(first), follow(first), follow(second)];
    await Promise.all(open.map((operation) => operation.waitFor(1)));
    expect(await follow(second).outcome).toEqual({
      kind: 'error',
      errors: [
        expect.objectContaining({
          message: 'You already have 3 operations open over all your connections; complete one first',
          extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', max: 3, retryAfterMs: 0, retryable: true },
        }),
      ],
    });
    open[0]!.unsubscribe();
    await follow(second).waitFor(1);
  });

  it('presence sessions are capped per user across stocktakes; renewing one is allowed; the refused join changes nothing', async () => {
    const [a, b, c] = [await steps.create(), await steps.create(), await steps.create()];
    const token = await staff(t, 'everywhere');
    ok(await t.graphql(JoinStocktakeDocument, { stocktakeId: a.id }, { token }));
    ok(await t.graphql(JoinStocktakeDocument, { stocktakeId: b.id }, { token }));
    const refused = await t.graphql(JoinStocktakeDocument, { stocktakeId: c.id }, { token });
    expect(refused.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'RATE_LIMITED',
          limit: 'presenceSessions',
          max: 2,
          retryAfterMs: 0,
          retryable: true,
        }),
      }),
    ]);
    expect(ok(await t.graphql(PresenceDocument, { stocktakeId: c.id })).presence).toEqual([]);
    ok(await t.graphql(JoinStocktakeDocument, { stocktakeId: a.id }, { token }));
  });
});

const describeWithRedis = redisGate('test/token-budgets.test.ts', 'the budget across instances')
  ? describe
  : describe.skip;

describeWithRedis('with Redis, the budget is one across instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const redis = { url: await testRedisUrl(), prefix: uniquePrefix() };
    const env = { TOKEN_COST_PER_SECOND: String(Math.ceil((3 * price(ME)) / WINDOW_SECONDS)) };
    first = await startTestApp({ redis, env });
    second = await startTestApp({ database: { url: first.databaseUrl }, redis, env });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await stopTestRedis();
  });

  it('what a user spent on one instance is spent on the other', async () => {
    const token = await staff(first, 'two-instances');
    for (let i = 0; i < 3; i++) expect((await first.post({ query: ME }, { token })).status).toBe(200);
    expect(rateLimited(await second.post({ query: ME }, { token })).errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' }),
    ]);
  });
});

describe('a list longer than its price assumed is paid for when it comes back', () => {
  let t: TestApp;
  let setUp: TestApp;
  const ITEMS = `{ stockItems(hotel: "${HOTEL}", includeInactive: true) { id } }`;
  let items: number;

  beforeAll(async () => {
    setUp = await startTestApp();
    // A large hotel: its catalogue is longer than the 300 items the price of `stockItems` assumes.
    await setUp.orm.em.fork().execute(
      `insert into stock_item (hotel_id, sku, name, category_code, size, uom, unit_cost, menu_price)
       select h.id, 'W' || lpad(g::text, 5, '0'), 'Large hotel wine ' || g, 'W', '75cl', 5, 9.5, 8
       from hotel h, generate_series(90001, 90400) g where h.identifier = ?`,
      [HOTEL],
    );
    items = (
      await setUp.orm.em
        .fork()
        .execute<{ n: number }[]>(
          'select count(*)::int as n from stock_item join hotel on hotel.id = stock_item.hotel_id where hotel.identifier = ?',
          [HOTEL],
        )
    )[0]!.n;
    const costPerSecond = Math.ceil((price(ITEMS) + price(ME) + 50) / WINDOW_SECONDS);
    await setUp.stopApp();
    t = await startTestApp({
      database: { url: setUp.databaseUrl, seed: false },
      env: { TOKEN_COST_PER_SECOND: String(costPerSecond) },
    });
  });
  afterAll(async () => {
    await t?.close();
    await setUp?.close();
  });

  it('the whole catalogue is answered, then its items beyond 300 leave the budget spent', async () => {
    expect(items - 300).toBeGreaterThan(100);
    const token = await staff(t, 'large-hotel');
    const catalogue = await t.post({ query: ITEMS }, { token });
    expect(catalogue.status).toBe(200);
    expect((catalogue.json!.data as { stockItems: unknown[] }).stockItems).toHaveLength(items);
    // The price alone would leave room for one more `me`; the (items − 300) × 2 paid afterwards does not.
    expect(rateLimited(await t.post({ query: ME }, { token })).errors).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', limit: 'cost' }),
    ]);
  });
});

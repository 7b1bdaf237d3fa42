/**
 * No single request can occupy the server: the documents an attacker would
 * send are refused by the operation limits, over HTTP and graphql-ws alike,
 * with a code that says which limit (docs/operations.md, "Operation limits").
 * How long they take is measured by `npm run bench`, not here.
 */
import { CreateStocktakeDocument, StocktakeListEventsDocument } from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { currentSequence, graphqlSubscriber, type GraphQLSubscriber } from './support/realtime-clients';
import { startTestApp, type RawResponse, type TestApp } from './support/test-app';

let t: TestApp;
const sockets: GraphQLSubscriber[] = [];

beforeAll(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
});
afterAll(() => t.close());

/**
 * `query { ...F0 }` where each of 9 fragments spreads the next three times: 3^9 selections once expanded,
 * ~600 bytes written, within the fragment-chain limit of 10 (a longer chain is refused before validation:
 * test/hostile-documents.test.ts).
 */
const FRAGMENT_BOMB = `query { ...F0 } ${Array.from({ length: 9 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F9 on Query { __typename }`;

const aliases = (count: number) =>
  `query { ${Array.from({ length: count }, (_, i) => `a${i}: stocktakes(hotel: "${HOTEL}") { nodes { id lines { id countedQty } } }`).join(' ')} }`;
const ALIAS_FLOOD = aliases(1000);

function refusal(response: RawResponse) {
  return {
    status: response.status,
    errors: response.json?.errors?.map((error) => error.extensions),
    data: response.json?.data ?? null,
  };
}

async function overWebSocket(query: string, variables?: Record<string, unknown>) {
  const socket = graphqlSubscriber(t, await t.token());
  sockets.push(socket);
  return socket.raw({ query, variables }).outcome;
}

describe('documents that would stall the server are refused before they run', () => {
  it('the fragment document, sent with a token, is refused as too large (its fragments are never expanded)', async () => {
    expect(Buffer.byteLength(FRAGMENT_BOMB)).toBeLessThan(1_000);
    const response = await t.post({ query: FRAGMENT_BOMB });
    expect(refusal(response)).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 }],
      data: null,
    });
    expect(response.json!.errors![0]!.message).toMatch(/too large to run/);
  });

  it('1,000 aliases of stocktakes are refused while parsing (the token limit), before any stocktake is loaded', async () => {
    const staff = await t.token({ user: 'staff-1', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } });
    const response = await t.post({ query: ALIAS_FLOOD }, { token: staff });
    expect(refusal(response)).toEqual({ status: 400, errors: [{ code: 'GRAPHQL_PARSE_FAILED' }], data: null });
  });

  it('21 aliases, a short document, are refused by the alias limit of 20', async () => {
    expect(refusal(await t.post({ query: aliases(21) }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 20, found: 21 }],
      data: null,
    });
  });

  it('the same documents are refused over graphql-ws with the same codes', async () => {
    expect(await overWebSocket(FRAGMENT_BOMB)).toEqual({
      kind: 'error',
      errors: [
        expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 } }),
      ],
    });
    expect(await overWebSocket(ALIAS_FLOOD)).toEqual({
      kind: 'error',
      errors: [expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
    });
    expect(await overWebSocket(aliases(21))).toEqual({
      kind: 'error',
      errors: [
        expect.objectContaining({
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 20, found: 21 },
        }),
      ],
    });
  });

  it('more tokens than the limit stop the parser: GRAPHQL_PARSE_FAILED', async () => {
    const response = await t.post({ query: `{ me { ${'id '.repeat(6_000)} } }` });
    expect(response.status).toBe(400);
    expect(response.json!.errors!.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(response.json!.errors![0]!.message).toMatch(/more th[ae]t 5000 tokens/);
  });

  it('more than 10 directives are refused', async () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => `f${i}: id @include(if: true)`).join(' ');
    expect(refusal(await t.post({ query: `{ me { ${fields(11)} } }` }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', max: 10, found: 11 }],
      data: null,
    });
    expect(refusal(await t.post({ query: `{ me { ${fields(10)} } }` })).status).toBe(200);
  });
});

describe('the cost model knows list fields are large', () => {
  const LIST_WITH_LINES = `query ($first: Int!) { stocktakes(hotel: "${HOTEL}", first: $first) { nodes { id lines { id countedQty expectedQty } } } }`;

  it('a page of 100 stocktakes with their lines is refused; 5 of them is fine (the variables count)', async () => {
    const big = await t.post({ query: LIST_WITH_LINES, variables: { first: 100 } });
    expect(refusal(big)).toEqual({
      status: 400,
      // The operation's base, what reading stocktakes and each one's lines cost, and each item's fields.
      errors: [
        { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000, found: 300 + 100 + 100 * (2 + 100 + 300 * 4) },
      ],
      data: null,
    });
    const small = await t.post({ query: LIST_WITH_LINES, variables: { first: 5 } });
    expect(small.status).toBe(200);
    expect(small.json!.errors).toBeUndefined();
  });

  it('a connection is priced by its first: edges like nodes, one item times first; pageInfo adds nothing', async () => {
    const withEdges = `{ stocktakes(hotel: "${HOTEL}", first: 100) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id lines { id countedQty expectedQty } } } } }`;
    expect(refusal(await t.post({ query: withEdges }))).toEqual({
      status: 400,
      // Per item: the edge, its cursor, its node and the node's id, and the node's lines (as a list of 300).
      errors: [
        { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000, found: 300 + 100 + 100 * (4 + 100 + 300 * 4) },
      ],
      data: null,
    });
    // The default page (20) is what an absent `first` costs: 20 × 1,304 + 400 = 26,480 is refused too.
    const byDefault = withEdges.replace(', first: 100', '');
    expect(refusal(await t.post({ query: byDefault })).errors).toEqual([
      expect.objectContaining({ limit: 'cost', found: 300 + 100 + 20 * (4 + 100 + 300 * 4) }),
    ]);
  });

  it('a verdict that depends on a directive’s variable is not reused: allowed with @include(if: false), refused with true', async () => {
    const query = `query ($x: Boolean!) { ...F @include(if: $x) me { id } } fragment F on Query { a: stocktakes(hotel: "${HOTEL}", first: 100) { nodes { id lines { id countedQty expectedQty } } } }`;
    const cheap = await t.post({ query, variables: { x: false } });
    expect(cheap.status).toBe(200);
    expect(refusal(await t.post({ query, variables: { x: true } }))).toEqual({
      status: 400,
      errors: [expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000 })],
      data: null,
    });
    // The same over graphql-ws, whose document cache is its own.
    expect(await overWebSocket(query, { x: false })).toEqual({ kind: 'complete' });
    expect(await overWebSocket(query, { x: true })).toEqual({
      kind: 'error',
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ limit: 'cost' }) })],
    });
  });

  it('a page size of another name (channelEvents limit) given as a variable is priced per request too', async () => {
    const aliases = Array.from(
      { length: 5 },
      (_, i) =>
        `a${i}: channelEvents(channel: "${HOTEL}-stocktakes", limit: $limit) { sequence eventId name channel payload }`,
    ).join(' ');
    const query = `query ($limit: Int!) { ${aliases} }`;
    expect((await t.post({ query, variables: { limit: 1 } })).status).toBe(200);
    expect(refusal(await t.post({ query, variables: { limit: 500 } }))).toEqual({
      status: 400,
      // Per alias: channelEvents' own 100, and 500 events of 1 + four fields + payload's 5.
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 25_000, found: 300 + 5 * (100 + 500 * 10) }],
      data: null,
    });
    expect(await overWebSocket(query, { limit: 1 })).toEqual({ kind: 'complete' });
    expect(await overWebSocket(query, { limit: 500 })).toEqual({
      kind: 'error',
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ limit: 'cost', found: 25_800 }) })],
    });
  });

  it('a whole stocktake screen (the stocktake, all its lines and the catalogue) is within the limit', async () => {
    const screen = `query ($id: ID!) {
      stocktake(id: $id) { id status periodStart periodEnd lineCount totalValue
        lines { id itemSku itemName categoryCode openingQty purchases waste expectedQty countedFullUnits countedPartialUnits
                countedQty varianceQty varianceValue expectedValue countedValue version } }
      stockItems(hotel: "${HOTEL}") { id sku name size uom unitCost active }
    }`;
    const response = await t.post({ query: screen, variables: { id: '999999' } });
    expect(response.json!.errors!.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('the limits are configurable', () => {
  it('an app started with maxDepth 2 refuses a query three levels deep that the defaults allow', async () => {
    const shallow = await startTestApp({
      env: { GRAPHQL_MAX_DEPTH: '2' },
    });
    try {
      const query = `{ stocktakes(hotel: "${HOTEL}") { nodes { id } } }`;
      expect(refusal(await shallow.post({ query }))).toEqual({
        status: 400,
        errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 2, found: 3 }],
        data: null,
      });
      expect((await t.post({ query })).status).toBe(200);
    } finally {
      await shallow.close();
    }
  });
});

describe('one graphql-ws connection has at most 20 operations open', () => {
  it('the 21st subscription is refused with TOO_MANY_SUBSCRIPTIONS; the 20 keep receiving; ending one makes room', async () => {
    const token = await t.token();
    const socket = graphqlSubscriber(t, token);
    sockets.push(socket);
    const after = await currentSequence(t, `${HOTEL}-stocktakes`);
    const open = Array.from({ length: 20 }, () =>
      socket.subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: after }),
    );

    const refused = socket.raw({ query: `subscription { stocktakeListEvents(hotel: "${HOTEL}") { __typename } }` });
    expect(await refused.outcome).toEqual({
      kind: 'error',
      errors: [
        {
          message: 'This connection already has 20 operations open; complete one first or open another connection',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: 20 },
        },
      ],
    });

    // Every one of the 20 still delivers (the event is the barrier: each must see it).
    const created = await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2031-01-01', periodEnd: '2031-01-31' },
    });
    expect(created.errors).toBeUndefined();
    for (const subscription of open) {
      const [event] = await subscription.waitFor(1);
      expect(event!.data!.stocktakeListEvents).toMatchObject({
        __typename: 'StocktakeCreatedEvent',
        sequence: after + 1,
      });
    }

    open[0]!.unsubscribe();
    const again = socket.subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: after });
    const [replayed] = await again.waitFor(1);
    expect(replayed!.data!.stocktakeListEvents).toMatchObject({ sequence: after + 1 });
  });
});

describe('production hides what introspection would', () => {
  it('no "Did you mean" suggestions in production (they are there in development)', async () => {
    const production = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const query = '{ stocktakez(hotel: "x") { id } }';
      const hidden = (await production.post({ query })).json!.errors![0]!.message;
      const shown = (await t.post({ query })).json!.errors![0]!.message;
      expect(shown).toBe(
        'Cannot query field "stocktakez" on type "Query". Did you mean "stocktake", "stocktakes", "stocktakeLine", or "stockItems"?',
      );
      expect(hidden).toBe('Cannot query field "stocktakez" on type "Query".');
    } finally {
      await production.close();
    }
  });
});

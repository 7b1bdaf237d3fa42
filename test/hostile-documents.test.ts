/**
 * What an attacker without a token (and one with a token) sends to make a
 * request expensive is refused cheaply, with a coded error, over HTTP and
 * graphql-ws (docs/operations.md, "Operation limits"): variables nested
 * thousands deep are BAD_USER_INPUT before anything walks them, a request
 * without a valid token is answered after parsing alone, and fragment counts,
 * fragment chains and repeated fields are refused before graphql-js validates
 * the document. What they cost is measured by `npm run bench` (HOSTILE), not here.
 */
import { getIntrospectionQuery, print } from 'graphql';
import WebSocket from 'ws';
import { CreateStocktakeDocument, MeDocument, StocktakesDocument } from './__generated__/graphql';
import { createLogger } from '../src/infrastructure/logger';
import { HOTEL } from './support/fixtures';
import { rawGraphqlWs } from './support/raw-graphql-ws';
import { startTestApp, type RawResponse, type TestApp } from './support/test-app';

let production: TestApp;
let development: TestApp;
/** Every line either server logged at warn or above. */
const logLines: string[] = [];

beforeAll(async () => {
  const log = createLogger('warn', { write: (line: string) => void logLines.push(line) });
  [production, development] = await Promise.all([
    startTestApp({ env: { NODE_ENV: 'production' }, log }),
    startTestApp({ log }),
  ]);
});
afterAll(async () => {
  await Promise.all([production?.close(), development?.close()]);
});

/** `[[["x"]]]` or `{"a":{"a":"x"}}`, `depth` levels deep, as JSON text (JSON.stringify would overflow). */
const nested = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;

const body = (query: string, variables: string) => `{"query":${JSON.stringify(query)},"variables":${variables}}`;

/** `{...F0} fragment F0 on Query{me{id}...F1} …`: each fragment spreads the next. */
const fragmentChain = (count: number) =>
  `{...F0} ${Array.from({ length: count }, (_, i) => `fragment F${i} on Query{me{id}${i + 1 < count ? `...F${i + 1}` : ''}}`).join(' ')}`;

const tooDeep = (variable: string) => ({
  status: 400,
  json: {
    errors: [
      {
        message: `Variable "$${variable}" nests deeper than 32 levels`,
        extensions: { code: 'BAD_USER_INPUT', field: variable, limit: 'inputDepth', max: 32 },
      },
    ],
  },
});

const outcome = (response: RawResponse) => ({ status: response.status, json: response.json });

async function stocktakeCount(): Promise<number> {
  const list = await production.graphql(StocktakesDocument, { hotel: HOTEL });
  expect(list.errors).toBeUndefined();
  return list.data!.stocktakes.nodes.length;
}

describe('variables nested deeper than 32 levels are BAD_USER_INPUT, never a stack overflow', () => {
  const cases = [5_000, 100_000].flatMap((depth) =>
    (['array', 'object'] as const).map((kind) => [depth, kind] as const),
  );

  it.each(cases)('an unused variable %i %ss deep, without a token, over HTTP', async (depth, kind) => {
    const response = await production.post(body('{me{id}}', `{"x":${nested(depth, kind)}}`), { token: null });
    expect(outcome(response)).toEqual(tooDeep('x'));
  });

  it.each(cases)(
    'a used input variable %i %ss deep, with a token and an idempotency key, changes nothing',
    async (depth, kind) => {
      const before = await stocktakeCount();
      const input = `{"periodStart":"2026-10-01","periodEnd":"2026-10-31","notes":${nested(depth, kind)}}`;
      const response = await production.post(
        body(print(CreateStocktakeDocument), `{"hotel":"${HOTEL}","input":${input}}`),
        { headers: { 'idempotency-key': `deep-${depth}-${kind}` } },
      );
      expect(outcome(response)).toEqual(tooDeep('input'));
      expect(await stocktakeCount()).toBe(before);
    },
  );

  it('32 levels are accepted, 33 refused', async () => {
    const accepted = await production.post(body('{me{id}}', `{"x":${nested(32, 'array')}}`));
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ data: { me: { id: 'manager-1' } } });
    expect(outcome(await production.post(body('{me{id}}', `{"x":${nested(33, 'object')}}`)))).toEqual(tooDeep('x'));
  });

  it('a body nested 500,000 deep (1 MB) is refused before it is parsed, naming the variable; extensions alike', async () => {
    const deep = await production.post(body('{me{id}}', `{"big":${nested(500_000, 'array')}}`), { token: null });
    expect(outcome(deep)).toEqual(tooDeep('big'));
    const extensions = await production.post(`{"query":"{me{id}}","extensions":{"a":${nested(100, 'object')}}}`, {
      token: null,
    });
    expect(outcome(extensions)).toEqual({
      status: 400,
      json: {
        errors: [
          {
            message: "The request's extensions nests deeper than 32 levels",
            extensions: { code: 'BAD_USER_INPUT', field: 'extensions', limit: 'inputDepth', max: 32 },
          },
        ],
      },
    });
  });

  it('brackets and quotes inside strings are text, not nesting', async () => {
    const text = `${'['.repeat(100)}\\"{${'{'.repeat(100)}`;
    const response = await production.post(body('{me{id}}', `{"s":"${text}","t":["]]]]"]}`));
    expect(response.json).toEqual({ data: { me: { id: 'manager-1' } } });
  });

  it('in the query string of a GET request too', async () => {
    const url = `${production.url}?query=${encodeURIComponent('{me{id}}')}&variables=${encodeURIComponent(`{"y":${nested(1_000, 'array')}}`)}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: response.status, json: await response.json() }).toEqual(tooDeep('y'));
  });

  it('over graphql-ws, each is refused as its operation, the socket stays open and the next operation runs', async () => {
    const socket = await rawGraphqlWs(production, await production.token());
    let id = 0;
    for (const [depth, kind] of cases) {
      id += 1;
      socket.send(`{"type":"subscribe","id":"${id}","payload":${body('{me{id}}', `{"x":${nested(depth, kind)}}`)}}`);
      expect(await socket.next()).toEqual({
        type: 'error',
        id: String(id),
        payload: [
          {
            message: 'Variable "$x" nests deeper than 32 levels',
            extensions: { code: 'BAD_USER_INPUT', field: 'x', limit: 'inputDepth', max: 32 },
          },
        ],
      });
    }
    socket.send(JSON.stringify({ type: 'subscribe', id: 'after', payload: { query: '{me{id}}' } }));
    expect(await socket.next()).toEqual({ type: 'next', id: 'after', payload: { data: { me: { id: 'manager-1' } } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: 'after' });
    expect(socket.closed).toBeUndefined();
    socket.close();
  });
});

describe('graphql-ws before authentication', () => {
  it('a message nested too deep, or over 1 MB, closes a socket that has not been acknowledged, unparsed', async () => {
    const deep = new WebSocket(`ws://127.0.0.1:${production.port}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => deep.once('open', resolve));
    const deepClosed = new Promise((resolve) => deep.once('close', (code) => resolve(code)));
    deep.send(`{"type":"subscribe","id":"1","payload":${body('{me{id}}', `{"x":${nested(100_000, 'array')}}`)}}`);
    expect(await deepClosed).toBe(4400);
    const large = new WebSocket(`ws://127.0.0.1:${production.port}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => large.once('open', resolve));
    const largeClosed = new Promise((resolve) => large.once('close', (code) => resolve(code)));
    large.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(1024 * 1024) } }));
    expect(await largeClosed).toBe(1009);
  });
});

describe('a request without a valid token is answered after parsing, with the error its resolvers give', () => {
  it('a query: UNAUTHENTICATED at each root field, exactly as before', async () => {
    const response = await production.post({ query: print(MeDocument) }, { token: null });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      errors: [
        {
          message: 'A valid bearer token is required',
          locations: [{ line: 2, column: 3 }],
          path: ['me'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
      data: null,
    });
  });

  it('a mutation, which changes nothing; a bad token gets its own reason', async () => {
    const before = await stocktakeCount();
    const variables = { hotel: HOTEL, input: { periodStart: '2026-10-01', periodEnd: '2026-10-31' } };
    const anonymous = await production.post({ query: print(CreateStocktakeDocument), variables }, { token: null });
    expect({
      status: anonymous.status,
      errors: anonymous.json?.errors?.map((e) => [e.message, e.path, e.extensions]),
    }).toEqual({
      status: 200,
      errors: [['A valid bearer token is required', ['createStocktake'], { code: 'UNAUTHENTICATED' }]],
    });
    const badToken = await production.post(
      { query: print(CreateStocktakeDocument), variables },
      { token: 'abc.def.ghi' },
    );
    expect(badToken.status).toBe(200);
    expect(badToken.json?.errors?.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(badToken.json?.errors?.[0]?.message).toMatch(/^Invalid token: /);
    const header = await production.post({ query: '{me{id}}' }, { token: null, headers: { authorization: 'Basic x' } });
    expect(header.json?.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['The Authorization header must be "Bearer <token>"', { code: 'UNAUTHENTICATED' }],
    ]);
    expect(await stocktakeCount()).toBe(before);
  });

  it('a document that is not valid is not validated: UNAUTHENTICATED all the same; one that does not parse is GRAPHQL_PARSE_FAILED', async () => {
    const unknown = await production.post({ query: '{ me { id } nothing { at all } }' }, { token: null });
    expect(unknown.json?.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['me'], { code: 'UNAUTHENTICATED' }],
      [['nothing'], { code: 'UNAUTHENTICATED' }],
    ]);
    const broken = await production.post({ query: '{ me { id ' }, { token: null });
    expect({ status: broken.status, codes: broken.json?.errors?.map((e) => e.extensions?.code) }).toEqual({
      status: 400,
      codes: ['GRAPHQL_PARSE_FAILED'],
    });
  });

  it('introspection alone is answered where it is on (development), refused like the rest where it is off', async () => {
    const schemaQuery = '{ __schema { queryType { name } } __typename }';
    expect((await development.post({ query: schemaQuery }, { token: null })).json).toEqual({
      data: { __schema: { queryType: { name: 'Query' } }, __typename: 'Query' },
    });
    const full = await development.post({ query: getIntrospectionQuery() }, { token: null });
    expect(full.json?.errors).toBeUndefined();
    const closed = await production.post({ query: schemaQuery }, { token: null });
    expect(closed.json?.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['__schema'], { code: 'UNAUTHENTICATED' }],
    ]);
    const mixed = await development.post({ query: '{ __typename me { id } }' }, { token: null });
    expect(mixed.json?.errors?.map((e) => [e.path, e.extensions])).toEqual([[['me'], { code: 'UNAUTHENTICATED' }]]);
  });
});

describe('fragments, fragment chains and repeated fields are bounded before validation', () => {
  const limit = (name: string, what: string, max: number, found: number) => ({
    status: 400,
    json: {
      errors: [
        {
          message: `The operation exceeds the ${what} limit of ${max} (it has ${found})`,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: name, max, found },
        },
      ],
    },
  });

  it.each([
    ['a chain of 415 fragments, without a token', fragmentChain(415), null, limit('fragments', 'fragments', 50, 415)],
    [
      'a chain of 50 fragments, without a token',
      fragmentChain(50),
      null,
      limit('fragmentChain', 'fragment chain', 10, 50),
    ],
    [
      'a chain of 11 fragments, with a token',
      fragmentChain(11),
      'staff',
      limit('fragmentChain', 'fragment chain', 10, 11),
    ],
    [
      '1,200 × me{id}, with a token',
      `{${'me{id} '.repeat(1_200)}}`,
      'staff',
      limit('sameNameFields', 'fields with one name in one selection', 10, 1_200),
    ],
    [
      '6 × me{id} in the set and 6 more from a fragment',
      `{${'me{id} '.repeat(6)} ...M} fragment M on Query {${'me{id} '.repeat(6)}}`,
      'staff',
      limit('sameNameFields', 'fields with one name in one selection', 10, 12),
    ],
    [
      'introspection in development hiding a chain of 40 fragments, without a token',
      `{__schema{...S0}} ${Array.from({ length: 40 }, (_, i) => `fragment S${i} on __Schema{types{name}${i < 39 ? `...S${i + 1}` : ''}}`).join(' ')}`,
      null,
      limit('fragmentChain', 'fragment chain', 10, 40),
    ],
  ])('%s is refused with the limit', async (_, query, caller, expected) => {
    const app = query.includes('__schema') ? development : production;
    const token = caller === 'staff' ? await app.token({ user: 'staff-1', hotels: { [HOTEL]: 'staff' } }) : null;
    expect(outcome(await app.post({ query }, { token }))).toEqual(expected);
  });

  it('up to the limits, with a token, the document runs', async () => {
    const chain = await production.post({ query: fragmentChain(10) });
    expect(chain.json).toEqual({ data: { me: { id: 'manager-1' } } });
    const repeated = await production.post({ query: `{${'me{id} '.repeat(10)}}` });
    expect(repeated.json).toEqual({ data: { me: { id: 'manager-1' } } });
  });

  it('over graphql-ws the same refusals, and the socket goes on', async () => {
    const socket = await rawGraphqlWs(production, await production.token());
    socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: fragmentChain(415) } }));
    expect(await socket.next()).toEqual({
      type: 'error',
      id: '1',
      payload: [
        {
          message: 'The operation exceeds the fragments limit of 50 (it has 415)',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fragments', max: 50, found: 415 },
        },
      ],
    });
    socket.send(JSON.stringify({ type: 'subscribe', id: '2', payload: { query: `{${'me{id} '.repeat(11)}}` } }));
    expect(await socket.next()).toMatchObject({
      type: 'error',
      id: '2',
      payload: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'sameNameFields', max: 10, found: 11 } }],
    });
    socket.send(JSON.stringify({ type: 'subscribe', id: '3', payload: { query: fragmentChain(10) } }));
    expect(await socket.next()).toEqual({ type: 'next', id: '3', payload: { data: { me: { id: 'manager-1' } } } });
    expect(await socket.next()).toEqual({ type: 'complete', id: '3' });
    socket.close();
  });
});

describe('none of it is an error on the server', () => {
  it('nothing was logged at error level', () => {
    expect(logLines.filter((line) => (JSON.parse(line) as { level: string }).level === 'error')).toEqual([]);
  });
});

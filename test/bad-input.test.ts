/**
 * Input that used to become an internal error (with SQL and a stack in
 * development) gets a clear coded error and changes nothing: control
 * characters in any text, token claims the database could not store, dates
 * the product cannot compute with, variables that do not fit over
 * graphql-ws, and bodies that are not JSON or too large.
 */
import { Writable } from 'node:stream';
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  PopulateStocktakeDocument,
  StockItemsDocument,
  StocktakeDocument,
  UpdateStocktakeDocument,
} from './__generated__/graphql';
import { createLogger } from '../src/infrastructure/logger';
import { refusedWithoutChange } from './support/database-snapshot';
import { HOTEL } from './support/fixtures';
import { graphqlSubscriber, type GraphQLSubscriber } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';

/** Every JSON line the server logged. */
const logged: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
      logged.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
let stocktakeId: string;
let guinnessLineId: string;
const sockets: GraphQLSubscriber[] = [];

beforeAll(async () => {
  t = await startTestApp({ log: createLogger('info', logSink) });
  stocktakeId = (
    await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2025-10-01', periodEnd: '2025-10-31' },
    })
  ).data!.createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id: stocktakeId });
  guinnessLineId = (await t.graphql(StocktakeDocument, { id: stocktakeId })).data!.stocktake.lines.find(
    (line) => line.itemSku === 'D0030',
  )!.id;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
});
afterAll(() => t.close());

const refused = (send: Parameters<typeof refusedWithoutChange>[1]) => refusedWithoutChange(t.orm, send);
const errorsLogged = () => logged.filter((line) => line.level === 'error');

describe('control characters', () => {
  it.each([
    [
      'notes of a new stocktake (a variable)',
      () =>
        t.graphql(CreateStocktakeDocument, {
          hotel: HOTEL,
          input: { periodStart: '2030-01-01', periodEnd: '2030-01-31', notes: 'Bar 1\u0000' },
        }),
      'notes',
    ],
    [
      'notes written inline in the query',
      () =>
        t.post({ query: `mutation { updateStocktake(id: "${stocktakeId}", input: { notes: "a\\u0000b" }) { id } }` }),
      'notes',
    ],
    [
      'a movement reference',
      () =>
        t.graphql(AddLineMovementDocument, {
          lineId: guinnessLineId,
          input: { movementType: 'PURCHASE', quantity: '1', reference: 'INV\u00001' },
        }),
      'reference',
    ],
    [
      'an item name',
      () =>
        t.graphql(CreateStockItemDocument, {
          hotel: HOTEL,
          input: { sku: 'S9999', name: 'Gin\u0000', size: '70cl', uom: '20', unitCost: '20' },
        }),
      'name',
    ],
    ['the search argument', () => t.graphql(StockItemsDocument, { hotel: HOTEL, search: 'Gui\u0000' }), 'search'],
    [
      'an escape character in notes',
      () => t.graphql(UpdateStocktakeDocument, { id: stocktakeId, input: { notes: 'red\u001b[31m' } }),
      'notes',
    ],
  ])('%s: BAD_USER_INPUT naming the field, nothing changed', async (_what, send, field) => {
    const error = await refused(async () => {
      const response = await send();
      return 'json' in response ? response.json! : response;
    });
    expect(error).toMatchObject({
      message: `${field} contains a control character, which is not allowed`,
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  });

  it('tabs and line breaks are text: multi-line notes are kept as written', async () => {
    const response = await t.graphql(UpdateStocktakeDocument, {
      id: stocktakeId,
      input: { notes: 'Cellar:\n\tkegs\r\nBar' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateStocktake.notes).toBe('Cellar:\n\tkegs\r\nBar');
  });

  it('names and references must be a single line', async () => {
    const error = await refused(() =>
      t.graphql(AddLineMovementDocument, {
        lineId: guinnessLineId,
        input: { movementType: 'PURCHASE', quantity: '1', reference: 'INV\n1' },
      }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reference' });
  });
});

describe('token claims the product cannot store are UNAUTHENTICATED', () => {
  it.each([
    [
      'a name over 200 characters',
      { user: 'u-long', name: 'N'.repeat(201) },
      'the name claim is longer than 200 characters',
    ],
    [
      'a subject over 128 characters',
      { user: 'u'.repeat(129), name: 'Long Id' },
      'the sub claim is longer than 128 characters',
    ],
    [
      'a control character in the name',
      { user: 'u-ctl', name: 'Ann\u0000' },
      'the name claim contains a control character',
    ],
  ])('%s', async (_what, claims, reason) => {
    const token = await t.token({ ...claims, hotels: { [HOTEL]: 'manager' } });
    const error = await refused(() =>
      t.graphql(
        CreateStocktakeDocument,
        { hotel: HOTEL, input: { periodStart: '2030-02-01', periodEnd: '2030-02-28' } },
        { token },
      ),
    );
    expect(error).toMatchObject({ message: `Invalid token: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('a name of exactly 200 characters is accepted and recorded as the approver', async () => {
    const name = 'M'.repeat(200);
    const token = await t.token({ user: 'm'.repeat(128), name, hotels: { [HOTEL]: 'manager' } });
    const id = (
      await t.graphql(
        CreateStocktakeDocument,
        { hotel: HOTEL, input: { periodStart: '2030-03-01', periodEnd: '2030-03-31' } },
        { token },
      )
    ).data!.createStocktake.id;
    const approved = await t.graphql(ApproveStocktakeDocument, { id }, { token });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveStocktake.stocktake).toMatchObject({
      approvedByName: name,
      approvedById: 'm'.repeat(128),
    });
  });
});

describe('items whose cost per serving a line could not hold', () => {
  it('unit cost 999,999 at 0.01 servings per unit is BAD_USER_INPUT, and populate keeps working', async () => {
    const error = await refused(() =>
      t.graphql(CreateStockItemDocument, {
        hotel: HOTEL,
        input: { sku: 'S9998', name: 'Priceless', size: '70cl', uom: '0.01', unitCost: '999999' },
      }),
    );
    expect(error).toMatchObject({
      message: 'unitCost ÷ uom must be below 1000000 per serving',
      extensions: { code: 'BAD_USER_INPUT', field: 'unitCost' },
    });
    expect((await t.graphql(PopulateStocktakeDocument, { id: stocktakeId })).errors).toBeUndefined();
  });
});

describe('dates stay within 1970-01-01 .. 2199-12-31', () => {
  it('a period ending 9999-12-31 is BAD_USER_INPUT and creates nothing', async () => {
    const error = await refused(() =>
      t.graphql(CreateStocktakeDocument, {
        hotel: HOTEL,
        input: { periodStart: '2030-04-01', periodEnd: '9999-12-31' },
      }),
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('dates must be between 1970-01-01 and 2199-12-31');
  });

  it('a movement time in year 9999 is BAD_USER_INPUT', async () => {
    const error = await refused(() =>
      t.graphql(AddLineMovementDocument, {
        lineId: guinnessLineId,
        input: { movementType: 'WASTE', quantity: '1', timestamp: '9999-01-01T00:00:00Z' },
      }),
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a period at the last allowed day can be populated and approved', async () => {
    const created = await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2199-12-01', periodEnd: '2199-12-31' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createStocktake.id;
    expect((await t.graphql(PopulateStocktakeDocument, { id })).errors).toBeUndefined();
    const approved = await t.graphql(ApproveStocktakeDocument, { id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveStocktake.stocktake.status).toBe('APPROVED');
  });
});

describe('graphql-ws variables are checked like over HTTP: BAD_USER_INPUT, and nothing logged as an error', () => {
  const query =
    'query ($id: ID!, $n: Int) { stocktake(id: $id) { id } stocktakes(hotel: "hotel-killarney", first: $n) { nodes { id } } }';

  it.each([
    ['a missing required variable', {}, 'Variable "$id" of required type "ID!" was not provided.'],
    [
      'an object for an ID',
      { id: { nested: true } },
      'Variable "$id" got invalid value { nested: true }; ID cannot represent value: { nested: true }',
    ],
    [
      'an Int above 2^31',
      { id: '1', n: 2 ** 31 },
      'Variable "$n" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648',
    ],
  ])('%s', async (_what, variables, message) => {
    const socket = graphqlSubscriber(t, await t.token());
    sockets.push(socket);
    const errorsBefore = errorsLogged().length;
    const outcome = await socket.raw({ query, variables }).outcome;
    expect(outcome).toEqual({
      kind: 'error',
      errors: [expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })],
    });
    // The same request over HTTP gets the same message and code.
    const http = await t.post({ query, variables });
    expect({
      status: http.status,
      errors: http.json!.errors!.map((error) => [error.message, error.extensions?.code]),
    }).toEqual({
      status: 400,
      errors: [[message, 'BAD_USER_INPUT']],
    });
    expect(errorsLogged()).toHaveLength(errorsBefore);
  });
});

describe('bodies that are not GraphQL requests get a JSON error, in every mode', () => {
  async function postRaw(app: TestApp, body: string) {
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('malformed JSON: 400 with a GraphQL-style error, no HTML, no stack, logged as a JSON line at info', async () => {
    const linesBefore = logged.length;
    const response = await postRaw(t, '{"query": "{ me { id } ');
    expect(response).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      }),
    });
    const [entry] = logged.slice(linesBefore);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'refused a malformed HTTP request',
      status: 400,
      path: '/graphql',
    });
    expect(JSON.stringify(entry)).not.toContain('    at ');
  });

  it('a body over 1 MB: 413 with a GraphQL-style error', async () => {
    const response = await postRaw(
      t,
      JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_100_000) } }),
    );
    expect(response).toEqual({
      status: 413,
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({
        errors: [
          { message: 'The request body is too large (at most 1 MB)', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      }),
    });
  });

  it('the same in production, and a server logging at error level writes nothing for them', async () => {
    const quiet: string[] = [];
    const production = await startTestApp({
      env: { NODE_ENV: 'production' },
      log: createLogger(
        'error',
        new Writable({ write: (chunk: Buffer, _encoding, done) => (quiet.push(chunk.toString()), done()) }),
      ),
    });
    try {
      expect((await postRaw(production, 'not json')).body).toBe(
        JSON.stringify({
          errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        }),
      );
      expect(quiet).toEqual([]);
    } finally {
      await production.close();
    }
  });
});

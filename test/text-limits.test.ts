/**
 * Every text an operation sends is bounded (docs/operations.md, "Text lengths"): a value past its
 * argument's or input field's limit, inline or as a variable, is refused before the operation runs
 * (HTTP 400, so before any resolver reads the database) with BAD_USER_INPUT naming it, over HTTP
 * and graphql-ws alike, and changes nothing. Up to the limit it runs.
 */
import { createSchema } from '../src/graphql/schema';
import { unboundedTextInputs } from '../src/graphql/text-limits';
import { HOTEL } from './support/fixtures';
import { rawGraphqlWs } from './support/raw-graphql-ws';
import { startTestApp, type RawResponse, type TestApp } from './support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { NODE_ENV: 'production' } });
});
afterAll(() => app?.close());

const refusal = (field: string, max: number) => ({
  status: 400,
  json: {
    errors: [{ message: `${field} allows at most ${max} characters`, extensions: { code: 'BAD_USER_INPUT', field } }],
  },
});

const outcome = (response: RawResponse) => ({ status: response.status, json: response.json });

const SEARCH = `query Search($search: String) { stockItems(hotel: "${HOTEL}", search: $search) { sku } }`;

describe('the schema', () => {
  it('has no String or ID argument or input field without a length limit', async () => {
    expect(unboundedTextInputs(await createSchema())).toEqual([]);
  });
});

describe('stockItems(search:) is at most 64 characters', () => {
  it('a 300 KB search is refused with BAD_USER_INPUT naming search', async () => {
    const response = await app.post({ query: SEARCH, variables: { search: 'x'.repeat(300 * 1024) } });
    expect(outcome(response)).toEqual(refusal('search', 64));
  });

  it('twenty aliases sharing one 300 KB variable are refused the same way', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: stockItems(hotel: "${HOTEL}", search: $search) { sku }`,
    ).join(' ');
    const response = await app.post({
      query: `query Many($search: String) { ${aliases} }`,
      variables: { search: 'x'.repeat(300 * 1024) },
    });
    expect(outcome(response)).toEqual(refusal('search', 64));
  });

  it('written inline, or as a variable’s default, it is refused too', async () => {
    const inline = await app.post({ query: `{ stockItems(hotel: "${HOTEL}", search: "${'x'.repeat(65)}") { sku } }` });
    expect(outcome(inline)).toEqual(refusal('search', 64));
    const byDefault = await app.post({
      query: `query ($search: String = "${'x'.repeat(65)}") { stockItems(hotel: "${HOTEL}", search: $search) { sku } }`,
    });
    expect(outcome(byDefault)).toEqual(refusal('search', 64));
  });

  it('64 characters run', async () => {
    const longest = await app.post({ query: SEARCH, variables: { search: 'x'.repeat(64) } });
    expect(outcome(longest)).toEqual({ status: 200, json: { data: { stockItems: [] } } });
    const found = await app.post({ query: SEARCH, variables: { search: 'guinness' } });
    expect(outcome(found)).toEqual({ status: 200, json: { data: { stockItems: [{ sku: 'D0030' }] } } });
  });
});

/** One operation per bounded argument or input field: the document, variables one character too long, and the limit. */
const CASES: Array<[string, string, number]> = [
  ['hotel', 'query ($v: String!) { stockItems(hotel: $v) { sku } }', 100],
  ['identifier', 'query ($v: String!) { hotel(identifier: $v) { id } }', 100],
  ['category', `query ($v: String) { stockItems(hotel: "${HOTEL}", category: $v) { sku } }`, 16],
  ['channel', 'query ($v: String!) { channelEvents(channel: $v) { sequence } }', 164],
  ['epoch', `query ($v: String) { channelEvents(channel: "${HOTEL}-stocktakes", epoch: $v) { sequence } }`, 64],
  ['id', 'query ($v: ID!) { stocktake(id: $v) { id } }', 32],
  ['userId', 'mutation ($v: ID!) { breakUserLocks(stocktakeId: "1", userId: $v) }', 128],
  [
    'notes',
    'mutation ($v: String!) { createStocktake(hotel: "hotel-killarney", input: { periodStart: "2026-09-01", periodEnd: "2026-09-30", notes: $v }) { id } }',
    10_000,
  ],
  ['notes', 'mutation ($v: String!) { updateStocktake(id: "1", input: { notes: $v }) { id } }', 10_000],
  [
    'reference',
    'mutation ($v: String) { addLineMovement(lineId: "1", input: { movementType: PURCHASE, quantity: "1", reference: $v }) { line { id } } }',
    100,
  ],
  [
    'quantity',
    'mutation ($v: Decimal!) { addLineMovement(lineId: "1", input: { movementType: PURCHASE, quantity: $v }) { line { id } } }',
    40,
  ],
];

const ITEM = { sku: 'D7777', name: 'Long name test', size: '50Lt', uom: '88', unitCost: '100' };
const ITEM_CASES: Array<[keyof typeof ITEM | 'sizeUnit', number]> = [
  ['sku', 50],
  ['name', 200],
  ['size', 50],
  ['sizeUnit', 10],
];

describe('every other text argument and input field is bounded, over HTTP', () => {
  it.each(CASES)('%s: one character past its limit is refused, at the limit it goes on', async (field, query, max) => {
    expect(outcome(await app.post({ query, variables: { v: 'x'.repeat(max + 1) } }))).toEqual(refusal(field, max));
    // At the limit the operation runs (and fails, if it does, on the value itself, not on its length).
    const atLimit = await app.post({ query, variables: { v: 'x'.repeat(max) } });
    expect(atLimit.json?.errors?.map((error) => error.message) ?? []).not.toContain(
      `${field} allows at most ${max} characters`,
    );
  });

  it.each(ITEM_CASES)(
    'createStockItem input %s: one character past its limit is refused and no item is created',
    async (field, max) => {
      const query = `mutation ($input: CreateStockItemInput!) { createStockItem(hotel: "${HOTEL}", input: $input) { sku } }`;
      const input = { ...ITEM, [field]: field === 'sku' ? `D${'1'.repeat(max)}` : 'x'.repeat(max + 1) };
      expect(outcome(await app.post({ query, variables: { input } }))).toEqual(refusal(field, max));
      const items = await app.post({ query: `{ stockItems(hotel: "${HOTEL}", includeInactive: true) { sku } }` });
      expect(
        (items.json?.data as { stockItems: Array<{ sku: string }> }).stockItems.map((item) => item.sku),
      ).not.toContain(input.sku);
    },
  );

  it('an input field in a list (updateStocktakeLines lines[].lineId) is refused naming it', async () => {
    const query =
      'mutation ($lines: [BulkLineCountInput!]!) { updateStocktakeLines(stocktakeId: "1", lines: $lines) { id } }';
    const lines = [{ lineId: '1' }, { lineId: '9'.repeat(33) }];
    expect(outcome(await app.post({ query, variables: { lines } }))).toEqual(refusal('lineId', 32));
  });
});

describe('over graphql-ws', () => {
  it('the same refusals, before the operation runs, and the socket goes on', async () => {
    const socket = await rawGraphqlWs(app, await app.token());
    socket.subscribe({ id: '1', payload: { query: SEARCH, variables: { search: 'x'.repeat(300 * 1024) } } });
    expect(await socket.next()).toEqual({
      type: 'error',
      id: '1',
      payload: refusal('search', 64).json.errors,
    });
    socket.subscribe({
      id: '2',
      payload: {
        query: 'subscription ($hotel: String!) { stocktakeListEvents(hotel: $hotel) { __typename } }',
        variables: { hotel: 'h'.repeat(101) },
      },
    });
    expect(await socket.next()).toEqual({ type: 'error', id: '2', payload: refusal('hotel', 100).json.errors });
    socket.subscribe({ id: '3', payload: { query: SEARCH, variables: { search: 'guinness' } } });
    expect(await socket.next()).toEqual({
      type: 'next',
      id: '3',
      payload: { data: { stockItems: [{ sku: 'D0030' }] } },
    });
    expect(await socket.next()).toEqual({ type: 'complete', id: '3' });
    socket.close();
  });
});

/**
 * Bad input gets a clear error and changes nothing (docs/domain.md, "Validation"; docs/operations.md, "Errors").
 * What a user would check: every refused request answers with one error whose
 * `extensions.code` says why (BAD_USER_INPUT naming the field, NOT_FOUND, CONFLICT),
 * and not a single row of the database differs from before the request.
 */
import {
  AddLineMovementDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  PopulateStocktakeDocument,
  ReopenStocktakeDocument,
  StockItemsDocument,
  CategoryTotalsDocument,
  StocktakeDocument,
  StocktakeLineDocument,
  StocktakesDocument,
  UpdateLineMovementDocument,
  UpdateStockItemDocument,
  UpdateStocktakeDocument,
  UpdateStocktakeLineDocument,
  type CreateStockItemInput,
  type LineFieldsFragment,
  type LineMovementInput,
  type UpdateStocktakeLineInput,
} from './__generated__/graphql';
import { refusedWithoutChange, snapshotDatabase, type GraphQLReply } from './support/database-snapshot';
import { HOTEL } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let octoberId: string;
let guinness: LineFieldsFragment; // October line of D0030
let jameson: LineFieldsFragment; // October line of S0010
let novemberGuinness: LineFieldsFragment;
let purchaseId: string; // a purchase of D0030 in October
let openingMovementId: string; // the fixture's opening stock of D0030, January 2025

async function createPopulated(periodStart: string, periodEnd: string) {
  const created = await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } });
  const id = created.data!.createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id });
  const lines = (await t.graphql(StocktakeDocument, { id })).data!.stocktake.lines;
  return { id, line: (sku: string) => lines.find((line) => line.itemSku === sku)! };
}

beforeAll(async () => {
  t = await startTestApp();
  const october = await createPopulated('2025-10-01', '2025-10-31');
  octoberId = october.id;
  jameson = october.line('S0010');
  const purchase = await t.graphql(AddLineMovementDocument, {
    lineId: october.line('D0030').id,
    input: { movementType: 'PURCHASE', quantity: '88', reference: 'INV-1' },
  });
  purchaseId = purchase.data!.addLineMovement.movement.id;
  guinness = purchase.data!.addLineMovement.line;
  novemberGuinness = (await createPopulated('2025-11-01', '2025-11-30')).line('D0030');
  const [opening] = await t.orm.em.getConnection().execute<{ id: number }[]>(
    `select m.id from stock_movement m join stock_item i on i.id = m.item_id join hotel h on h.id = m.hotel_id
     where h.identifier = ? and i.sku = 'D0030' and m.reference = 'Opening stock'`,
    [HOTEL],
  );
  openingMovementId = String(opening!.id);
});
afterAll(() => t.close());

const refused = (send: Parameters<typeof refusedWithoutChange>[1]) => refusedWithoutChange(t.orm, send);

/** A Decimal sent as a JSON number, which the typed documents would not let us write. */
const jsonNumber = (value: number) => value as unknown as string;

describe('the unchanged-database check itself', () => {
  it('sees an accepted count and its event, so a refusal that wrote or emitted something would fail', async () => {
    const before = await snapshotDatabase(t.orm);
    const accepted = await t.graphql(UpdateStocktakeLineDocument, {
      id: jameson.id,
      input: { countedFullUnits: '1.5' },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.updateStocktakeLine.countedFullUnits).toBe('1.50');
    const after = await snapshotDatabase(t.orm);
    expect(after.stocktake_line).not.toEqual(before.stocktake_line);
    expect(
      after.outbox_event!.slice(before.outbox_event!.length).map((event) => (event as { name: string }).name),
    ).toEqual(['line-counted-updated']);
  });
});

describe('counts on a line', () => {
  it.each<[string, UpdateStocktakeLineInput, string, string]>([
    ['a negative full count', { countedFullUnits: '-1' }, 'countedFullUnits', 'countedFullUnits must be zero or more'],
    [
      'a negative partial count',
      { countedPartialUnits: '-0.5' },
      'countedPartialUnits',
      'countedPartialUnits must be zero or more',
    ],
    [
      '3 decimal places',
      { countedPartialUnits: '1.125' },
      'countedPartialUnits',
      'countedPartialUnits allows at most 2 decimal places',
    ],
    [
      'more digits than the column holds',
      { countedFullUnits: '100000000' },
      'countedFullUnits',
      'countedFullUnits is too large (at most 8 digits before the point)',
    ],
    [
      'a negative manual purchases value',
      { manualPurchasesValue: '-10.00' },
      'manualPurchasesValue',
      'manualPurchasesValue must be zero or more',
    ],
  ])('refuse %s with BAD_USER_INPUT naming the field', async (_, input, field, message) => {
    const error = await refused(() => t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toBe(message);
  });

  it.each<[string, string, string]>([
    ['"abc"', 'abc', '"abc" is not a decimal number'],
    ['an exponent "1e5"', '1e5', '"1e5" is not a decimal number'],
    ['a decimal comma "12,5"', '12,5', '"12,5" is not a decimal number'],
    ['a JSON number 12.5', jsonNumber(12.5), 'Decimal values must be strings such as "12.50", not JSON numbers'],
  ])('refuse %s at the Decimal scalar, naming the path', async (_, value, reason) => {
    const error = await refused(() =>
      t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedFullUnits: value } }),
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"input.countedFullUnits"');
    expect(error.message).toContain(reason);
  });

  it('refuses a stale expectedVersion with CONFLICT, the current version and the current line', async () => {
    // Someone else saves a count first: the line moves on one version.
    const other = await t.graphql(UpdateStocktakeLineDocument, {
      id: guinness.id,
      input: { countedFullUnits: '1', expectedVersion: guinness.version },
    });
    expect(other.data!.updateStocktakeLine.version).toBe(guinness.version + 1);
    const current = other.data!.updateStocktakeLine;

    const error = await refused(() =>
      t.graphql(UpdateStocktakeLineDocument, {
        id: guinness.id,
        input: { countedFullUnits: '3', expectedVersion: guinness.version },
      }),
    );
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.currentVersion).toBe(current.version);
    expect(error.extensions?.lineId).toBe(guinness.id);
    const sameIds = (line: Record<string, unknown>) => ({
      ...line,
      id: String(line.id),
      stocktakeId: String(line.stocktakeId),
      itemId: String(line.itemId),
    });
    expect(sameIds(error.extensions?.line as Record<string, unknown>)).toEqual(current);
    const reread = await t.graphql(StocktakeLineDocument, { id: guinness.id });
    expect(reread.data!.stocktakeLine).toEqual(current);
    guinness = current;
  });
});

describe('movements added from a line', () => {
  const purchase = (input: Partial<LineMovementInput>): LineMovementInput => ({
    movementType: 'PURCHASE',
    quantity: '1',
    ...input,
  });

  it.each<[string, LineMovementInput, string, string]>([
    ['quantity 0', purchase({ quantity: '0' }), 'quantity', 'quantity must be greater than zero'],
    ['a negative quantity', purchase({ quantity: '-5' }), 'quantity', 'quantity must be greater than zero'],
    ['5 decimal places', purchase({ quantity: '1.00001' }), 'quantity', 'quantity allows at most 4 decimal places'],
    [
      'a SALE',
      purchase({ movementType: 'SALE' }),
      'movementType',
      'movementType must be PURCHASE or WASTE for a stocktake line',
    ],
    [
      'an ADJUSTMENT',
      purchase({ movementType: 'ADJUSTMENT' }),
      'movementType',
      'movementType must be PURCHASE or WASTE for a stocktake line',
    ],
    [
      'a TRANSFER_IN',
      purchase({ movementType: 'TRANSFER_IN' }),
      'movementType',
      'movementType must be PURCHASE or WASTE for a stocktake line',
    ],
    [
      'a reference of 101 characters',
      purchase({ reference: 'R'.repeat(101) }),
      'reference',
      'reference allows at most 100 characters',
    ],
    ['a negative unit cost', purchase({ unitCost: '-2.50' }), 'unitCost', 'unitCost must be zero or more'],
  ])('refuse %s with BAD_USER_INPUT naming the field', async (_, input, field, message) => {
    const error = await refused(() => t.graphql(AddLineMovementDocument, { lineId: guinness.id, input }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toBe(message);
  });

  // "2025-09-31" does not exist; it must not quietly become 1 October and land in this period.
  it.each(['2025-10-05 10:00', '2025-09-31T10:00:00Z'])(
    'refuses the timestamp "%s" at the DateTime scalar',
    async (timestamp) => {
      const error = await refused(() =>
        t.graphql(AddLineMovementDocument, { lineId: guinness.id, input: purchase({ timestamp }) }),
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('"input.timestamp"');
      expect(error.message).toContain(`"${timestamp}" is not an ISO-8601 date-time`);
    },
  );

  it('accepts a reference of exactly 100 characters', async () => {
    const added = await t.graphql(AddLineMovementDocument, {
      lineId: jameson.id,
      input: purchase({ reference: 'R'.repeat(100) }),
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addLineMovement.movement.reference).toBe('R'.repeat(100));
  });

  it.each<[string, { quantity?: string; movementType?: 'SALE'; reference?: string }, string]>([
    ['quantity 0', { quantity: '0' }, 'quantity'],
    ['a negative quantity', { quantity: '-1' }, 'quantity'],
    ['5 decimal places', { quantity: '0.12345' }, 'quantity'],
    ['a SALE', { movementType: 'SALE' }, 'movementType'],
    ['a reference of 101 characters', { reference: 'x'.repeat(101) }, 'reference'],
  ])('refuse an update to %s with BAD_USER_INPUT naming the field', async (_, input, field) => {
    const error = await refused(() =>
      t.graphql(UpdateLineMovementDocument, { lineId: guinness.id, movementId: purchaseId, input }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('stocktake periods', () => {
  it('refuses periodEnd before periodStart', async () => {
    const error = await refused(() =>
      t.graphql(CreateStocktakeDocument, {
        hotel: HOTEL,
        input: { periodStart: '2025-12-31', periodEnd: '2025-12-01' },
      }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
    expect(error.message).toBe('periodEnd must not be before periodStart');
  });

  it.each([
    ['periodEnd', '2025-02-30'],
    ['periodStart', '2025-13-01'],
    ['periodStart', '2025-1-01'],
  ])('refuses %s "%s" at the LocalDate scalar', async (field, value) => {
    const input = { periodStart: '2025-02-01', periodEnd: '2025-02-28', [field]: value };
    const error = await refused(() => t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`"input.${field}"`);
    expect(error.message).toContain(`"${value}" is not a date written YYYY-MM-DD`);
  });

  it('refuses a second stocktake for the same hotel and period, leaving the first untouched', async () => {
    const first = (await t.graphql(StocktakeDocument, { id: octoberId })).data!.stocktake;
    const error = await refused(() =>
      t.graphql(CreateStocktakeDocument, {
        hotel: HOTEL,
        input: { periodStart: '2025-10-01', periodEnd: '2025-10-31', notes: 'again' },
      }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'periodStart' });
    expect(error.message).toBe(`A stocktake for 2025-10-01 to 2025-10-31 already exists in ${HOTEL}`);
    expect((await t.graphql(StocktakeDocument, { id: octoberId })).data!.stocktake).toEqual(first);
    const list = (await t.graphql(StocktakesDocument, { hotel: HOTEL })).data!.stocktakes.nodes;
    expect(list.filter((s) => s.periodStart === '2025-10-01').map((s) => s.id)).toEqual([octoberId]);
  });

  it('refuses notes longer than 10000 characters', async () => {
    const error = await refused(() =>
      t.graphql(UpdateStocktakeDocument, { id: octoberId, input: { notes: 'n'.repeat(10_001) } }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'notes' });
    expect(error.message).toBe('notes allows at most 10000 characters');
  });

  it('refuses to reopen a draft stocktake', async () => {
    const error = await refused(() => t.graphql(ReopenStocktakeDocument, { id: octoberId }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(error.message).toBe(`Stocktake ${octoberId} is not approved, so it cannot be reopened`);
  });
});

describe('ids', () => {
  const UNKNOWN = '999999';

  it.each([
    ['stocktake', () => t.graphql(StocktakeDocument, { id: UNKNOWN }), 'Stocktake'],
    ['populateStocktake', () => t.graphql(PopulateStocktakeDocument, { id: UNKNOWN }), 'Stocktake'],
    ['deleteStocktake', () => t.graphql(DeleteStocktakeDocument, { id: UNKNOWN }), 'Stocktake'],
    ['stocktakeLine', () => t.graphql(StocktakeLineDocument, { id: UNKNOWN }), 'StocktakeLine'],
    [
      'updateStocktakeLine',
      () => t.graphql(UpdateStocktakeLineDocument, { id: UNKNOWN, input: { countedFullUnits: '1' } }),
      'StocktakeLine',
    ],
    [
      'addLineMovement',
      () => t.graphql(AddLineMovementDocument, { lineId: UNKNOWN, input: { movementType: 'PURCHASE', quantity: '1' } }),
      'StocktakeLine',
    ],
    [
      'updateLineMovement',
      () =>
        t.graphql(UpdateLineMovementDocument, { lineId: guinness.id, movementId: UNKNOWN, input: { quantity: '2' } }),
      'StockMovement',
    ],
    [
      'updateStockItem',
      () => t.graphql(UpdateStockItemDocument, { id: UNKNOWN, input: { name: 'Renamed' } }),
      'StockItem',
    ],
  ])('an unknown id on %s is NOT_FOUND', async (_, send, entity) => {
    const error = await refused(send);
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', entity, id: UNKNOWN });
    expect(error.message).toBe(`${entity} ${UNKNOWN} not found`);
  });

  it('a movement of another line is NOT_FOUND for update and delete', async () => {
    for (const send of [
      () =>
        t.graphql(UpdateLineMovementDocument, { lineId: jameson.id, movementId: purchaseId, input: { quantity: '2' } }),
      () => t.graphql(DeleteLineMovementDocument, { lineId: jameson.id, movementId: purchaseId }),
    ]) {
      const error = await refused(send);
      expect(error.extensions).toEqual({ code: 'NOT_FOUND', entity: 'StockMovement', id: purchaseId });
    }
  });

  it("a movement of the same item outside the line's period is NOT_FOUND for update and delete", async () => {
    for (const [lineId, movementId] of [
      [novemberGuinness.id, purchaseId], // October's purchase, seen from November
      [guinness.id, openingMovementId], // January's opening stock, seen from October
    ] as const) {
      const update = await refused(() =>
        t.graphql(UpdateLineMovementDocument, { lineId, movementId, input: { quantity: '2' } }),
      );
      expect(update.extensions).toEqual({ code: 'NOT_FOUND', entity: 'StockMovement', id: movementId });
      const remove = await refused(() => t.graphql(DeleteLineMovementDocument, { lineId, movementId }));
      expect(remove.extensions).toEqual({ code: 'NOT_FOUND', entity: 'StockMovement', id: movementId });
    }
  });

  it.each(['abc', '-1', '0', '1.5', '99999999999'])(
    'a malformed id "%s" is BAD_USER_INPUT naming the argument',
    async (bad) => {
      const cases: [() => Promise<GraphQLReply>, string][] = [
        [() => t.graphql(StocktakeDocument, { id: bad }), 'id'],
        [() => t.graphql(DeleteStocktakeDocument, { id: bad }), 'id'],
        [() => t.graphql(UpdateStocktakeLineDocument, { id: bad, input: { countedFullUnits: '1' } }), 'id'],
        [
          () => t.graphql(AddLineMovementDocument, { lineId: bad, input: { movementType: 'PURCHASE', quantity: '1' } }),
          'lineId',
        ],
        [() => t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId: bad }), 'movementId'],
        [() => t.graphql(UpdateStockItemDocument, { id: bad, input: { name: 'Renamed' } }), 'id'],
      ];
      for (const [send, field] of cases) {
        const error = await refused(send);
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
        expect(error.message).toBe(`${field} "${bad}" is not a valid id`);
      }
    },
  );
});

describe('the catalogue', () => {
  const whiskey = (input: Partial<CreateStockItemInput>): CreateStockItemInput => ({
    sku: 'S0099',
    name: 'Test Whiskey',
    size: '70cl',
    uom: '20',
    unitCost: '30.00',
    ...input,
  });

  it.each<[string, Partial<CreateStockItemInput>, string, string]>([
    ['uom "0"', { uom: '0' }, 'uom', 'uom must be greater than zero'],
    ['a negative uom', { uom: '-20' }, 'uom', 'uom must be greater than zero'],
    ['a negative unit cost', { unitCost: '-1' }, 'unitCost', 'unitCost must be zero or more'],
    ['a duplicate sku', { sku: 'D0030' }, 'sku', 'An item with sku D0030 already exists'],
    [
      'a sku starting with X',
      { sku: 'X0010' },
      'sku',
      'sku must start with a category letter (D, B, S, W, M) followed by letters or digits',
    ],
    [
      'a sku starting with a digit',
      { sku: '10010' },
      'sku',
      'sku must start with a category letter (D, B, S, W, M) followed by letters or digits',
    ],
    ['an empty sku', { sku: '  ' }, 'sku', 'sku must not be empty'],
    ['a blank name', { name: '   ' }, 'name', 'name must not be empty'],
  ])('createStockItem refuses %s', async (_, change, field, message) => {
    const error = await refused(() => t.graphql(CreateStockItemDocument, { hotel: HOTEL, input: whiskey(change) }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toBe(message);
  });

  it('updateStockItem refuses uom "0"', async () => {
    const items = (await t.graphql(StockItemsDocument, { hotel: HOTEL })).data!.stockItems;
    const guinnessItem = items.find((item) => item.sku === 'D0030')!;
    const error = await refused(() => t.graphql(UpdateStockItemDocument, { id: guinnessItem.id, input: { uom: '0' } }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'uom' });
  });
});

describe('category filters', () => {
  it.each(['X', 'd', 'DB', ''])('refuses the category %j', async (category) => {
    const items = await refused(() => t.graphql(StockItemsDocument, { hotel: HOTEL, category: category || ' ' }));
    const totals = await refused(() =>
      t.graphql(CategoryTotalsDocument, { stocktakeId: octoberId, category: category || ' ' }),
    );
    for (const error of [items, totals]) {
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });
      expect(error.message).toBe('category must be one of D, B, S, W, M');
    }
  });
});

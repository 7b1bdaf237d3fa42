/**
 * What approval means for the data around it: the line shows the
 * adjustment it wrote, catalogue edits never rewrite an existing stocktake,
 * and an approval's adjustments cannot be changed from another stocktake.
 *
 * The tests share one app, each in a period of its own in 2024, before the
 * fixture stock was bought. The only opening a test relies on is July's
 * (zero), and no test records anything before July. The test that edits the
 * catalogue edits an item it created, so the others count the fixture
 * Guinness as it is.
 */
import {
  ApproveStocktakeDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  LineMovementsDocument,
  PopulateStocktakeDocument,
  ReopenStocktakeDocument,
  StocktakeDocument,
  StockItemsDocument,
  UpdateLineMovementDocument,
  UpdateStockItemDocument,
  UpdateStocktakeLineDocument,
} from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function populated(periodStart: string, periodEnd: string) {
  const id = (await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } })).data!
    .createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id });
  const lines = async () => (await t.graphql(StocktakeDocument, { id })).data!.stocktake.lines;
  return { id, lines, guinness: (await lines()).find((line) => line.itemSku === 'D0030')! };
}

it('shows the approval adjustment on the line, and takes it away again on reopen', async () => {
  const { id, lines, guinness } = await populated('2024-07-01', '2024-07-31');
  await t.graphql(UpdateStocktakeLineDocument, {
    id: guinness.id,
    input: { countedFullUnits: '1', countedPartialUnits: '10' },
  });
  await t.graphql(ApproveStocktakeDocument, { id });
  const approved = (await lines()).find((line) => line.id === guinness.id)!;
  // 2024 opens at zero: counted 98 pints against 0 expected, so the adjustment is +98.
  expect(approved).toMatchObject({
    adjustments: '98.0000',
    countedQty: '98.0000',
    expectedQty: '0.0000',
    varianceQty: '98.0000',
  });
  const movements = (await t.graphql(LineMovementsDocument, { lineId: guinness.id })).data!.lineMovements;
  expect(movements.map((m) => [m.movementType, m.quantity, m.timestamp])).toEqual([
    ['ADJUSTMENT', '98.0000', '2024-07-31T23:59:59.999Z'],
  ]);

  await t.graphql(ReopenStocktakeDocument, { id });
  expect((await lines()).find((line) => line.id === guinness.id)).toMatchObject({
    adjustments: '0.0000',
    varianceQty: '98.0000',
  });
});

it('keeps a stocktake as it was counted when the catalogue changes the item later', async () => {
  // A keg of its own, like the Guinness (50Lt, 88 pints at 220.00), so that the edit below changes no other test.
  const created = await t.graphql(CreateStockItemDocument, {
    hotel: HOTEL,
    input: { sku: 'D0031', name: 'Guinness Extra Cold', size: '50Lt', uom: '88', unitCost: '220' },
  });
  expect(created.errors).toBeUndefined();
  const item = created.data!.createStockItem;
  const { id, lines } = await populated('2024-08-01', '2024-08-31');
  const keg = (await lines()).find((line) => line.itemSku === 'D0031')!;
  await t.graphql(UpdateStocktakeLineDocument, {
    id: keg.id,
    input: { countedFullUnits: '2', countedPartialUnits: '0' },
  });
  await t.graphql(ApproveStocktakeDocument, { id });
  const before = (await lines()).find((line) => line.id === keg.id)!;

  const edited = await t.graphql(UpdateStockItemDocument, {
    id: item.id,
    input: { uom: '100', size: '60Lt', unitCost: '300' },
  });
  expect(edited.data!.updateStockItem).toMatchObject({ uom: '100.00', size: '60Lt' });

  const after = (await lines()).find((line) => line.id === keg.id)!;
  expect(after).toEqual(before);
  expect(after).toMatchObject({ itemUom: '88.00', itemSize: '50Lt', countedQty: '176.0000', valuationCost: '2.5000' });
});

it("refuses to change another stocktake's approval adjustment from an overlapping stocktake", async () => {
  const month = await populated('2024-09-01', '2024-09-30');
  await t.graphql(UpdateStocktakeLineDocument, { id: month.guinness.id, input: { countedFullUnits: '1' } });
  await t.graphql(ApproveStocktakeDocument, { id: month.id });
  const adjustment = (await t.graphql(LineMovementsDocument, { lineId: month.guinness.id })).data!.lineMovements[0]!;
  expect(adjustment.movementType).toBe('ADJUSTMENT');

  // A stocktake for the last week of September covers the adjustment stamped on the 30th.
  const week = await populated('2024-09-24', '2024-09-30');
  const seen = (await t.graphql(LineMovementsDocument, { lineId: week.guinness.id })).data!.lineMovements;
  expect(seen.map((m) => m.id)).toContain(adjustment.id);

  const deleted = await t.graphql(DeleteLineMovementDocument, { lineId: week.guinness.id, movementId: adjustment.id });
  const updated = await t.graphql(UpdateLineMovementDocument, {
    lineId: week.guinness.id,
    movementId: adjustment.id,
    input: { quantity: '1' },
  });
  for (const refused of [deleted, updated]) {
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.entity])).toEqual([
      ['NOT_FOUND', 'StockMovement'],
    ]);
  }
  const still = (await t.graphql(LineMovementsDocument, { lineId: month.guinness.id })).data!.lineMovements;
  expect(still).toEqual([adjustment]);
});

it('refuses a count whose quantity could not be stored as an adjustment', async () => {
  await t.graphql(CreateStockItemDocument, {
    hotel: HOTEL,
    input: { sku: 'M9000', name: 'Syrup tank', size: '1000LT', uom: '5000', unitCost: '10' },
  });
  const { lines } = await populated('2024-10-01', '2024-10-31');
  const tank = (await lines()).find((line) => line.itemSku === 'M9000')!;
  const tooMuch = await t.graphql(UpdateStocktakeLineDocument, {
    id: tank.id,
    input: { countedFullUnits: '99999999' },
  });
  expect(tooMuch.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
    ['BAD_USER_INPUT', 'countedFullUnits'],
  ]);
  const fine = await t.graphql(UpdateStocktakeLineDocument, { id: tank.id, input: { countedFullUnits: '19999999' } });
  expect(fine.data!.updateStocktakeLine.countedQty).toBe('99999995000.0000');
});

it('refuses a menu price too large for its column', async () => {
  const item = (await t.graphql(StockItemsDocument, { hotel: HOTEL, search: 'S0010' })).data!.stockItems[0]!;
  const refused = await t.graphql(UpdateStockItemDocument, { id: item.id, input: { menuPrice: '123456789.00' } });
  expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
    ['BAD_USER_INPUT', 'menuPrice'],
  ]);
});

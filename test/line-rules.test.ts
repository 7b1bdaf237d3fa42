/**
 * What a manager checks on the count sheet, over HTTP: the counting rules
 * (spirits count a fraction of a bottle, draught and `Doz` count loose
 * servings), how quantities are shown as full units + remainder (whole
 * bottles for bottled beer and minerals, the remainder keeping the sign of a
 * shortage), that populate can be run again without losing counts, that
 * purchases and waste recorded from a line can be corrected or removed,
 * category totals, and the stocktake list, notes and deletion.
 *
 * Each describe block has an app of its own (a fresh database with the
 * fixtures), so no block sees what another one recorded. The fixture stock
 * (bought 2025-01-15) opens every period; a block whose openings need more
 * records that history in its beforeAll (test/support/periods.ts). A test
 * that changes what another test of its block reads works on a stocktake of
 * its own, populated in the block's beforeAll before any test records a
 * movement, so that it opens at the same stock whatever runs first.
 */
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  CategoryTotalsDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  LineMovementsDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeLineDocument,
  StocktakesDocument,
  UpdateLineMovementDocument,
  UpdateStockItemDocument,
  UpdateStocktakeDocument,
  UpdateStocktakeLineDocument,
  type LineFieldsFragment,
  type LineMovementInput,
  type UpdateStocktakeLineInput,
} from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { recordInPeriod } from './support/periods';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

async function createStocktake(t: TestApp, periodStart: string, periodEnd: string): Promise<string> {
  const created = await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } });
  expect(created.errors).toBeUndefined();
  return created.data!.createStocktake.id;
}

async function createPopulated(t: TestApp, periodStart: string, periodEnd: string) {
  const id = await createStocktake(t, periodStart, periodEnd);
  const populated = await t.graphql(PopulateStocktakeDocument, { id });
  expect(populated.errors).toBeUndefined();
  return { id, linesCreated: populated.data!.populateStocktake.linesCreated, lines: await linesOf(t, id) };
}

async function linesOf(t: TestApp, id: string): Promise<readonly LineFieldsFragment[]> {
  const detail = await t.graphql(StocktakeDocument, { id });
  expect(detail.errors).toBeUndefined();
  return detail.data!.stocktake.lines;
}

const lineOf = (lines: readonly LineFieldsFragment[], sku: string) => {
  const line = lines.find((l) => l.itemSku === sku);
  if (!line) throw new Error(`no line for ${sku}`);
  return line;
};

async function count(t: TestApp, lineId: string, input: UpdateStocktakeLineInput): Promise<LineFieldsFragment> {
  const updated = await t.graphql(UpdateStocktakeLineDocument, { id: lineId, input });
  expect(updated.errors).toBeUndefined();
  return updated.data!.updateStocktakeLine;
}

const codes = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.map((e) => e.extensions?.code);

describe('counting rules and the display split (February 2025: openings are the fixture stock)', () => {
  let t: TestApp;
  let lines: readonly LineFieldsFragment[];
  /** The Guinness line of a February of its own (2026), for the test that buys Guinness. */
  let boughtGuinness: LineFieldsFragment;
  beforeAll(async () => {
    t = await startTestApp();
    ({ lines } = await createPopulated(t, '2025-02-01', '2025-02-28'));
    boughtGuinness = lineOf((await createPopulated(t, '2026-02-01', '2026-02-28')).lines, 'D0030');
  });
  afterAll(() => t.close());

  it('shows zero as "0" and "0", not "0.00" (Heineken keg, nothing in stock or counted)', () => {
    expect(lineOf(lines, 'D0040')).toMatchObject({
      openingQty: '0.0000',
      countedQty: '0.0000',
      expectedQty: '0.0000',
      varianceQty: '0.0000',
      openingDisplayFullUnits: '0',
      openingDisplayPartialUnits: '0',
      expectedDisplayFullUnits: '0',
      expectedDisplayPartialUnits: '0',
      countedDisplayFullUnits: '0',
      countedDisplayPartialUnits: '0',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '0',
      expectedValue: '0.00',
      countedValue: '0.00',
      varianceValue: '0.00',
    });
  });

  it('spirits: 2 bottles + 0.70 of a bottle of Jameson (20 shots) is 54 shots, shown as "2" + "14.00" shots', async () => {
    const jameson = await count(t, lineOf(lines, 'S0010').id, { countedFullUnits: '2', countedPartialUnits: '0.70' });
    expect(jameson).toMatchObject({
      itemUom: '20.00',
      valuationCost: '1.2250',
      countedFullUnits: '2.00',
      countedPartialUnits: '0.70',
      countedQty: '54.0000',
      countedDisplayFullUnits: '2',
      countedDisplayPartialUnits: '14.00',
      openingQty: '40.0000',
      openingDisplayFullUnits: '2',
      openingDisplayPartialUnits: '0.00',
      expectedQty: '40.0000',
      varianceQty: '14.0000',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '14.00',
      expectedValue: '49.00',
      countedValue: '66.15',
      varianceValue: '17.15',
    });
  });

  it('draught: full kegs × uom + loose pints (Guinness 2 + 45.5 = 221.5; Heineken keg of 52.80: 1 + 10.25 = 63.05)', async () => {
    const guinness = await count(t, lineOf(lines, 'D0030').id, { countedFullUnits: '2', countedPartialUnits: '45.5' });
    expect(guinness).toMatchObject({
      countedQty: '221.5000',
      countedDisplayFullUnits: '2',
      countedDisplayPartialUnits: '45.50',
      expectedQty: '88.0000',
      expectedDisplayFullUnits: '1',
      expectedDisplayPartialUnits: '0.00',
      varianceQty: '133.5000',
      varianceDisplayFullUnits: '1',
      varianceDisplayPartialUnits: '45.50',
    });
    const heineken = await count(t, lineOf(lines, 'D0040').id, { countedFullUnits: '1', countedPartialUnits: '10.25' });
    expect(heineken).toMatchObject({
      itemUom: '52.80',
      valuationCost: '2.4621',
      countedQty: '63.0500',
      countedDisplayFullUnits: '1',
      countedDisplayPartialUnits: '10.25',
      varianceQty: '63.0500',
      varianceDisplayFullUnits: '1',
      varianceDisplayPartialUnits: '10.25',
      // 63.05 × 2.4621 = 155.235405
      countedValue: '155.24',
      varianceValue: '155.24',
    });
  });

  it('bottled beer by the dozen: cases × 12 + loose bottles, the loose part shown as whole bottles', async () => {
    const heineken = lineOf(lines, 'B0070');
    expect(heineken).toMatchObject({
      openingQty: '30.0000',
      openingDisplayFullUnits: '2',
      openingDisplayPartialUnits: '6',
    });
    expect(await count(t, heineken.id, { countedFullUnits: '1', countedPartialUnits: '5' })).toMatchObject({
      countedQty: '17.0000',
      countedDisplayFullUnits: '1',
      countedDisplayPartialUnits: '5',
      varianceQty: '-13.0000',
      varianceDisplayFullUnits: '-1',
      varianceDisplayPartialUnits: '-1',
    });
    expect(await count(t, heineken.id, { countedFullUnits: '2', countedPartialUnits: '0' })).toMatchObject({
      countedQty: '24.0000',
      countedDisplayFullUnits: '2',
      countedDisplayPartialUnits: '0',
    });
  });

  it.each([
    // [loose bottles counted, shown as]: Python round() goes to the even neighbour on .5
    ['0.5', '0'],
    ['2.5', '2'],
    ['5.5', '6'],
    ['5.49', '5'],
    ['5.51', '6'],
  ])('bottled beer: 1 case + %s bottles shows "1" + "%s" (half-even)', async (partial, shown) => {
    const line = await count(t, lineOf(lines, 'B0070').id, { countedFullUnits: '1', countedPartialUnits: partial });
    expect([line.countedDisplayFullUnits, line.countedDisplayPartialUnits]).toEqual(['1', shown]);
  });

  it('minerals by the dozen are whole bottles too, and a shortage under one case shows "0" and a negative remainder', async () => {
    const tonic = lineOf(lines, 'M0010');
    expect(tonic).toMatchObject({
      openingQty: '24.0000',
      openingDisplayFullUnits: '2',
      openingDisplayPartialUnits: '0',
    });
    expect(await count(t, tonic.id, { countedFullUnits: '0', countedPartialUnits: '6.5' })).toMatchObject({
      countedQty: '6.5000',
      countedDisplayFullUnits: '0',
      countedDisplayPartialUnits: '6',
    });
    expect(await count(t, tonic.id, { countedFullUnits: '1', countedPartialUnits: '7.5' })).toMatchObject({
      countedQty: '19.5000',
      countedDisplayFullUnits: '1',
      countedDisplayPartialUnits: '8',
      // 19.5 − 24 = −4.5: no whole case, −4.5 bottles rounds half-even to −4
      varianceQty: '-4.5000',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '-4',
    });
  });

  it('a shortage keeps its sign in the remainder: −37.5 pints is "0" + "-37.50"; −100 is "-1" + "-12.00"', async () => {
    // A line of its own, also opening at 88: the purchase below would change what the draught test expects.
    const guinness = boughtGuinness;
    expect(await count(t, guinness.id, { countedFullUnits: '0', countedPartialUnits: '50.5' })).toMatchObject({
      countedQty: '50.5000',
      expectedQty: '88.0000',
      varianceQty: '-37.5000',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '-37.50',
      varianceValue: '-93.75',
    });
    // 12 pints bought in the period: expected 100.
    const bought = await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '12' },
    });
    expect(bought.errors).toBeUndefined();
    expect(await count(t, guinness.id, { countedFullUnits: '0', countedPartialUnits: '0' })).toMatchObject({
      purchases: '12.0000',
      expectedQty: '100.0000',
      expectedDisplayFullUnits: '1',
      expectedDisplayPartialUnits: '12.00',
      countedQty: '0.0000',
      countedDisplayFullUnits: '0',
      countedDisplayPartialUnits: '0',
      varianceQty: '-100.0000',
      varianceDisplayFullUnits: '-1',
      varianceDisplayPartialUnits: '-12.00',
      varianceValue: '-250.00',
    });
  });
});

/** 12 pints of Guinness bought in February 2025: later periods open Guinness at 88 + 12 = 100. */
const recordFebruaryGuinness = (t: TestApp) =>
  recordInPeriod(t, '2025-02-01', '2025-02-28', [{ sku: 'D0030', movementType: 'PURCHASE', quantity: '12' }]);

describe('populate is safe to repeat (March 2025: Guinness opens at 100)', () => {
  let t: TestApp;
  let id: string;
  let first: { linesCreated: number; lines: readonly LineFieldsFragment[] };

  beforeAll(async () => {
    t = await startTestApp();
    await recordFebruaryGuinness(t);
    const created = await createPopulated(t, '2025-03-01', '2025-03-31');
    id = created.id;
    first = created;
  });
  afterAll(() => t.close());

  it('covers active items and the inactive gin that still holds stock, not the retired wine with none', () => {
    expect(first.linesCreated).toBe(6);
    expect(first.lines.map((line) => [line.itemSku, line.openingQty])).toEqual([
      ['B0070', '30.0000'],
      ['D0030', '100.0000'],
      ['D0040', '0.0000'],
      ['M0010', '24.0000'],
      ['S0010', '40.0000'],
      ['S0020', '10.0000'],
    ]);
  });

  it('a second run creates nothing, keeps the counts, and picks up movements recorded since', async () => {
    const jameson = lineOf(first.lines, 'S0010');
    const heineken = lineOf(first.lines, 'D0040');
    await count(t, jameson.id, { countedFullUnits: '2', countedPartialUnits: '0.70' });
    // Waste recorded from this stocktake's own line.
    const waste = await t.graphql(AddLineMovementDocument, {
      lineId: heineken.id,
      input: { movementType: 'WASTE', quantity: '2.8' },
    });
    expect(waste.errors).toBeUndefined();

    // A purchase recorded elsewhere: from a second stocktake whose period lies inside this one.
    const inner = await createPopulated(t, '2025-03-10', '2025-03-20');
    const purchase = await t.graphql(AddLineMovementDocument, {
      lineId: lineOf(inner.lines, 'D0040').id,
      input: { movementType: 'PURCHASE', quantity: '52.8' },
    });
    expect(purchase.data!.addLineMovement.movement.timestamp).toBe('2025-03-20T23:59:59.999Z');
    expect(lineOf(await linesOf(t, id), 'D0040')).toMatchObject({ purchases: '0.0000', waste: '2.8000' });

    const again = await t.graphql(PopulateStocktakeDocument, { id });
    expect(again.errors).toBeUndefined();
    expect(again.data!.populateStocktake.linesCreated).toBe(0);
    expect(again.data!.populateStocktake.stocktake.lineCount).toBe(6);
    const lines = await linesOf(t, id);
    expect(lines).toHaveLength(6);
    expect(lineOf(lines, 'S0010')).toMatchObject({
      countedFullUnits: '2.00',
      countedPartialUnits: '0.70',
      countedQty: '54.0000',
    });
    expect(lineOf(lines, 'D0040')).toMatchObject({
      openingQty: '0.0000',
      purchases: '52.8000',
      waste: '2.8000',
      expectedQty: '50.0000',
      expectedDisplayFullUnits: '0',
      expectedDisplayPartialUnits: '50.00',
    });
  });

  it('a third run after an item is added to the catalogue creates just that line', async () => {
    // A stocktake of its own (March 2026): populated, counted and populated again before the item is added.
    const own = await createPopulated(t, '2026-03-01', '2026-03-31');
    await count(t, lineOf(own.lines, 'S0010').id, { countedFullUnits: '2', countedPartialUnits: '0.70' });
    const second = await t.graphql(PopulateStocktakeDocument, { id: own.id });
    expect(second.data!.populateStocktake.linesCreated).toBe(0);

    const created = await t.graphql(CreateStockItemDocument, {
      hotel: HOTEL,
      input: { sku: 'M0020', name: 'Fever-Tree Ginger Ale', size: 'Doz', uom: '12', unitCost: '10.80' },
    });
    expect(created.errors).toBeUndefined();
    const third = await t.graphql(PopulateStocktakeDocument, { id: own.id });
    expect(third.data!.populateStocktake.linesCreated).toBe(1);
    const lines = await linesOf(t, own.id);
    expect(lines.map((line) => line.itemSku)).toEqual(['B0070', 'D0030', 'D0040', 'M0010', 'M0020', 'S0010', 'S0020']);
    expect(lineOf(lines, 'M0020')).toMatchObject({ openingQty: '0.0000', valuationCost: '0.9000', version: 1 });
    expect(lineOf(lines, 'S0010').countedQty).toBe('54.0000');
    // Retire it again (no stock) so that populating the other stocktakes of this block leaves it out.
    const retired = await t.graphql(UpdateStockItemDocument, {
      id: created.data!.createStockItem.id,
      input: { active: false },
    });
    expect(retired.data!.updateStockItem.active).toBe(false);
  });
});

describe('correcting purchases and waste recorded from a line (April: Guinness opens at 100)', () => {
  let t: TestApp;
  /**
   * Each test's own April, 2025 to 2029, and its Guinness line: all populated
   * before any test records a movement, so each opens at 100 and starts at
   * version 1, and no test sees the movements of another.
   */
  const aprils = new Map<number, { stocktakeId: string; guinness: LineFieldsFragment }>();
  const april = (year: number) => aprils.get(year)!;

  beforeAll(async () => {
    t = await startTestApp();
    await recordFebruaryGuinness(t);
    for (const year of [2025, 2026, 2027, 2028, 2029]) {
      const created = await createPopulated(t, `${year}-04-01`, `${year}-04-30`);
      aprils.set(year, { stocktakeId: created.id, guinness: lineOf(created.lines, 'D0030') });
    }
  });
  afterAll(() => t.close());

  /**
   * Records on the Guinness line of April `year`, in this order: 5 bought at 2.5 (INV-2001) dated
   * 15 March, 3 wasted dated 1 June, and 7 bought on 10 April. The line is then at version 4.
   */
  async function recordThree(year: number) {
    const lineId = april(year).guinness.id;
    const add = async (input: LineMovementInput) =>
      ok(await t.graphql(AddLineMovementDocument, { lineId, input })).addLineMovement;
    const early = await add({
      movementType: 'PURCHASE',
      quantity: '5',
      unitCost: '2.5',
      reference: 'INV-2001',
      notes: 'Delivery docket 2001',
      timestamp: `${year}-03-15T10:00:00Z`,
    });
    const late = await add({ movementType: 'WASTE', quantity: '3', timestamp: `${year}-06-01T08:00:00Z` });
    const inside = await add({ movementType: 'PURCHASE', quantity: '7', timestamp: `${year}-04-10T12:00:00.000Z` });
    return { early, late, inside };
  }

  /** The correction the updating test makes: the purchase of 5 becomes 10 wasted. */
  async function correctToWaste(year: number, movementId: string) {
    return t.graphql(UpdateLineMovementDocument, {
      lineId: april(year).guinness.id,
      movementId,
      input: { movementType: 'WASTE', quantity: '10' },
    });
  }

  it('starts at version 1, at the opening stock, with no movements yet', () => {
    for (const { guinness } of aprils.values()) {
      expect(guinness).toMatchObject({ openingQty: '100.0000', purchases: '0.0000', waste: '0.0000', version: 1 });
    }
  });

  it('clamps a movement dated before the period to its first instant, and one dated after to its last', async () => {
    const { early, late, inside } = await recordThree(2025);
    expect(early.movement).toMatchObject({
      movementType: 'PURCHASE',
      quantity: '5.0000',
      unitCost: '2.5000',
      reference: 'INV-2001',
      notes: 'Delivery docket 2001',
      timestamp: '2025-04-01T00:00:00.000Z',
    });
    expect(early.line).toMatchObject({
      purchases: '5.0000',
      expectedQty: '105.0000',
      version: 2,
    });

    expect(late.movement).toMatchObject({
      movementType: 'WASTE',
      quantity: '3.0000',
      unitCost: null,
      reference: `Stocktake-${april(2025).stocktakeId}`,
      notes: '',
      timestamp: '2025-04-30T23:59:59.999Z',
    });
    expect(late.line).toMatchObject({ waste: '3.0000', expectedQty: '102.0000', version: 3 });

    expect(inside.movement.timestamp).toBe('2025-04-10T12:00:00.000Z');
    expect(inside.line).toMatchObject({
      purchases: '12.0000',
      waste: '3.0000',
      expectedQty: '109.0000',
      version: 4,
    });
  });

  it("lists the item's movements in the period, newest first (not the opening stock bought in January)", async () => {
    await recordThree(2026);
    const listed = await t.graphql(LineMovementsDocument, { lineId: april(2026).guinness.id });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.lineMovements.map((m) => [m.movementType, m.quantity, m.timestamp, m.itemSku])).toEqual([
      ['WASTE', '3.0000', '2026-04-30T23:59:59.999Z', 'D0030'],
      ['PURCHASE', '7.0000', '2026-04-10T12:00:00.000Z', 'D0030'],
      ['PURCHASE', '5.0000', '2026-04-01T00:00:00.000Z', 'D0030'],
    ]);
  });

  it('updating a movement (quantity and type) recalculates the line and returns the old values', async () => {
    const { early } = await recordThree(2027);
    const firstPurchaseId = early.movement.id;
    const updated = await correctToWaste(2027, firstPurchaseId);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateLineMovement.oldValues).toEqual({
      movementType: 'PURCHASE',
      quantity: '5.0000',
      unitCost: '2.5000',
      reference: 'INV-2001',
      notes: 'Delivery docket 2001',
    });
    expect(updated.data!.updateLineMovement.movement).toMatchObject({
      id: firstPurchaseId,
      movementType: 'WASTE',
      quantity: '10.0000',
      unitCost: '2.5000',
      reference: 'INV-2001',
      notes: 'Delivery docket 2001',
      timestamp: '2027-04-01T00:00:00.000Z',
    });
    // 100 + 7 − (3 + 10)
    expect(updated.data!.updateLineMovement.line).toMatchObject({
      purchases: '7.0000',
      waste: '13.0000',
      expectedQty: '94.0000',
      expectedDisplayFullUnits: '1',
      expectedDisplayPartialUnits: '6.00',
      version: 5,
    });
  });

  it('deleting a movement recalculates the line and names the deleted movement', async () => {
    const { early, late, inside } = await recordThree(2028);
    ok(await correctToWaste(2028, early.movement.id));
    const guinness = april(2028).guinness;
    const wasteId = late.movement.id;
    const deleted = await t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId: wasteId });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteLineMovement.deletedMovementId).toBe(wasteId);
    expect(deleted.data!.deleteLineMovement.line).toMatchObject({
      purchases: '7.0000',
      waste: '10.0000',
      expectedQty: '97.0000',
      version: 6,
    });
    const listed = await t.graphql(LineMovementsDocument, { lineId: guinness.id });
    expect(listed.data!.lineMovements.map((m) => [m.id, m.movementType, m.quantity])).toEqual([
      [inside.movement.id, 'PURCHASE', '7.0000'],
      [early.movement.id, 'WASTE', '10.0000'],
    ]);
  });

  it('a count naming the current version succeeds and bumps it; naming the old one is a CONFLICT', async () => {
    // The line as the deleting test leaves it: 100 + 7 − 10 = 97 expected, at version 6.
    const { early, late } = await recordThree(2029);
    ok(await correctToWaste(2029, early.movement.id));
    const guinness = april(2029).guinness;
    ok(await t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId: late.movement.id }));

    expect(
      await count(t, guinness.id, { countedFullUnits: '1', countedPartialUnits: '9', expectedVersion: 6 }),
    ).toMatchObject({
      countedQty: '97.0000',
      varianceQty: '0.0000',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '0',
      version: 7,
    });
    const stale = await t.graphql(UpdateStocktakeLineDocument, {
      id: guinness.id,
      input: { countedFullUnits: '2', expectedVersion: 6 },
    });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 7 });
    const current = await t.graphql(StocktakeLineDocument, { id: guinness.id });
    expect(current.data!.stocktakeLine).toMatchObject({ countedFullUnits: '1.00', countedQty: '97.0000', version: 7 });
  });
});

describe('manual purchases value and category totals (June 2025: Guinness opens at 97, Heineken keg at 50)', () => {
  let t: TestApp;
  let id: string;
  let lines: readonly LineFieldsFragment[];
  /** The lines of a June of its own (2026), for the test of the manual purchases value. */
  let manualLines: readonly LineFieldsFragment[];

  beforeAll(async () => {
    t = await startTestApp();
    // Guinness: 88 + 12 bought in February, then 7 bought and 10 wasted in April: 97.
    // Heineken keg: 52.8 bought and 2.8 wasted in March: 50.
    await recordFebruaryGuinness(t);
    await recordInPeriod(t, '2025-03-01', '2025-03-31', [
      { sku: 'D0040', movementType: 'PURCHASE', quantity: '52.8' },
      { sku: 'D0040', movementType: 'WASTE', quantity: '2.8' },
    ]);
    await recordInPeriod(t, '2025-04-01', '2025-04-30', [
      { sku: 'D0030', movementType: 'PURCHASE', quantity: '7' },
      { sku: 'D0030', movementType: 'WASTE', quantity: '10' },
    ]);
    ({ id, lines } = await createPopulated(t, '2025-06-01', '2025-06-30'));
    ({ lines: manualLines } = await createPopulated(t, '2026-06-01', '2026-06-30'));
  });
  afterAll(() => t.close());

  it('opens each line at the stock left by the earlier periods', () => {
    expect(lines.map((line) => [line.itemSku, line.openingQty])).toEqual([
      ['B0070', '30.0000'],
      ['D0030', '97.0000'],
      ['D0040', '50.0000'],
      ['M0010', '24.0000'],
      ['S0010', '40.0000'],
      ['S0020', '10.0000'],
    ]);
  });

  it('sets a manual purchases value, keeps it through other edits, and clears it with an explicit null', async () => {
    // Lines of their own: the totals below stay as that test counts them.
    const guinness = lineOf(manualLines, 'D0030');
    const heineken = lineOf(manualLines, 'D0040');
    expect(guinness.manualPurchasesValue).toBeNull();
    expect(await count(t, guinness.id, { manualPurchasesValue: '150.5' })).toMatchObject({
      manualPurchasesValue: '150.50',
      version: 2,
    });
    expect(await count(t, heineken.id, { manualPurchasesValue: '99.5' })).toMatchObject({
      manualPurchasesValue: '99.50',
    });
    // Omitted: stays as it is.
    expect(await count(t, guinness.id, { countedFullUnits: '1', countedPartialUnits: '0' })).toMatchObject({
      manualPurchasesValue: '150.50',
      countedQty: '88.0000',
      version: 3,
    });
    expect(await count(t, guinness.id, { manualPurchasesValue: null })).toMatchObject({
      manualPurchasesValue: null,
      countedQty: '88.0000',
      version: 4,
    });
    const reread = await t.graphql(StocktakeLineDocument, { id: guinness.id });
    expect(reread.data!.stocktakeLine.manualPurchasesValue).toBeNull();
  });

  it('sums every category with lines, in category order, and one category on request', async () => {
    const guinness = lineOf(lines, 'D0030');
    const heineken = lineOf(lines, 'D0040');
    await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '8' },
    });
    await t.graphql(AddLineMovementDocument, {
      lineId: heineken.id,
      input: { movementType: 'WASTE', quantity: '1.5' },
    });
    await count(t, guinness.id, { countedFullUnits: '1', countedPartialUnits: '0' });
    await count(t, heineken.id, { countedFullUnits: '0', countedPartialUnits: '50', manualPurchasesValue: '99.5' });
    await count(t, lineOf(lines, 'S0010').id, { countedFullUnits: '2', countedPartialUnits: '0.70' });

    const zero = '0.0000';
    const bottled = {
      categoryCode: 'B',
      categoryName: 'Bottled Beer',
      itemCount: 1,
      openingQty: '30.0000',
      purchases: zero,
      waste: zero,
      transfersIn: zero,
      transfersOut: zero,
      adjustments: zero,
      expectedQty: '30.0000',
      countedQty: zero,
      varianceQty: '-30.0000',
      expectedValue: '45.00',
      countedValue: '0.00',
      varianceValue: '-45.00',
      manualPurchasesValue: '0.00',
    };
    // Guinness: 97 + 8 = 105 expected, 88 counted, at 2.50.
    // Heineken keg: 50 − 1.5 = 48.5 expected (119.41185 → 119.41), 50 counted (123.105 → 123.10, half-even), at 2.4621.
    const draught = {
      categoryCode: 'D',
      categoryName: 'Draught Beer',
      itemCount: 2,
      openingQty: '147.0000',
      purchases: '8.0000',
      waste: '1.5000',
      transfersIn: zero,
      transfersOut: zero,
      adjustments: zero,
      expectedQty: '153.5000',
      countedQty: '138.0000',
      varianceQty: '-15.5000',
      expectedValue: '381.91',
      countedValue: '343.10',
      varianceValue: '-38.81',
      manualPurchasesValue: '99.50',
    };
    const minerals = {
      categoryCode: 'M',
      categoryName: 'Minerals & Syrups',
      itemCount: 1,
      openingQty: '24.0000',
      purchases: zero,
      waste: zero,
      transfersIn: zero,
      transfersOut: zero,
      adjustments: zero,
      expectedQty: '24.0000',
      countedQty: zero,
      varianceQty: '-24.0000',
      expectedValue: '19.20',
      countedValue: '0.00',
      varianceValue: '-19.20',
      manualPurchasesValue: '0.00',
    };
    // Jameson 40 expected, 54 counted at 1.225; the gin 10 expected, none counted, at 1.00.
    const spirits = {
      categoryCode: 'S',
      categoryName: 'Spirits',
      itemCount: 2,
      openingQty: '50.0000',
      purchases: zero,
      waste: zero,
      transfersIn: zero,
      transfersOut: zero,
      adjustments: zero,
      expectedQty: '50.0000',
      countedQty: '54.0000',
      varianceQty: '4.0000',
      expectedValue: '59.00',
      countedValue: '66.15',
      varianceValue: '7.15',
      manualPurchasesValue: '0.00',
    };

    const all = await t.graphql(CategoryTotalsDocument, { stocktakeId: id });
    expect(all.errors).toBeUndefined();
    expect(all.data!.categoryTotals).toEqual([bottled, draught, minerals, spirits]);

    const one = await t.graphql(CategoryTotalsDocument, { stocktakeId: id, category: 'D' });
    expect(one.data!.categoryTotals).toEqual([draught]);

    const detail = await t.graphql(StocktakeDocument, { id });
    expect(detail.data!.stocktake).toMatchObject({ lineCount: 6, totalValue: '505.11', totalVarianceValue: '-95.86' });
  });

  it('gives an empty list for a category without lines (the only wine is retired and empty)', async () => {
    const wine = await t.graphql(CategoryTotalsDocument, { stocktakeId: id, category: 'W' });
    expect(wine.errors).toBeUndefined();
    expect(wine.data!.categoryTotals).toEqual([]);
  });
});

describe('the stocktake list, notes and deleting a draft', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('changes the notes of a stocktake', async () => {
    const id = await createStocktake(t, '2025-07-01', '2025-07-31');
    const updated = await t.graphql(UpdateStocktakeDocument, { id, input: { notes: 'Cellar recounted on 1 August' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateStocktake).toMatchObject({ id, notes: 'Cellar recounted on 1 August', status: 'DRAFT' });
    const reread = await t.graphql(StocktakeDocument, { id });
    expect(reread.data!.stocktake.notes).toBe('Cellar recounted on 1 August');
  });

  it('deletes a draft with its lines; it is then not found', async () => {
    const { id, lines } = await createPopulated(t, '2025-08-01', '2025-08-31');
    expect(lines).toHaveLength(6);
    const deleted = await t.graphql(DeleteStocktakeDocument, { id });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteStocktake).toBe(id);
    const gone = await t.graphql(StocktakeDocument, { id });
    expect(codes(gone)).toEqual(['NOT_FOUND']);
    const goneLine = await t.graphql(StocktakeLineDocument, { id: lines[0]!.id });
    expect(codes(goneLine)).toEqual(['NOT_FOUND']);
  });

  it('lists stocktakes newest period first, and filters by status', async () => {
    // Created out of order; the March stocktake is created before the one inside it and ends later.
    const draftIds = new Set<string>();
    for (const [periodStart, periodEnd] of [
      ['2025-06-01', '2025-06-30'],
      ['2025-03-01', '2025-03-31'],
      ['2025-02-01', '2025-02-28'],
      ['2025-03-10', '2025-03-20'],
      ['2025-04-01', '2025-04-30'],
    ] as const) {
      draftIds.add(await createStocktake(t, periodStart, periodEnd));
    }
    const approvedId = await createStocktake(t, '2025-09-01', '2025-09-30');
    const approved = await t.graphql(ApproveStocktakeDocument, { id: approvedId });
    expect(approved.errors).toBeUndefined();
    // The other tests of this block add stocktakes of their own: only this test's are checked.
    const mine = <T extends { id: string }>(listed: readonly T[]) =>
      listed.filter((s) => s.id === approvedId || draftIds.has(s.id));

    const all = await t.graphql(StocktakesDocument, { hotel: HOTEL });
    expect(all.errors).toBeUndefined();
    expect(mine(all.data!.stocktakes.nodes).map((s) => [s.periodStart, s.periodEnd, s.status])).toEqual([
      ['2025-09-01', '2025-09-30', 'APPROVED'],
      ['2025-06-01', '2025-06-30', 'DRAFT'],
      ['2025-04-01', '2025-04-30', 'DRAFT'],
      ['2025-03-01', '2025-03-31', 'DRAFT'],
      ['2025-03-10', '2025-03-20', 'DRAFT'],
      ['2025-02-01', '2025-02-28', 'DRAFT'],
    ]);

    const onlyApproved = await t.graphql(StocktakesDocument, { hotel: HOTEL, status: 'APPROVED' });
    expect(new Set(onlyApproved.data!.stocktakes.nodes.map((s) => s.status))).toEqual(new Set(['APPROVED']));
    expect(mine(onlyApproved.data!.stocktakes.nodes).map((s) => [s.id, s.status, s.isLocked])).toEqual([
      [approvedId, 'APPROVED', true],
    ]);

    const onlyDrafts = await t.graphql(StocktakesDocument, { hotel: HOTEL, status: 'DRAFT' });
    expect(new Set(onlyDrafts.data!.stocktakes.nodes.map((s) => s.status))).toEqual(new Set(['DRAFT']));
    expect(mine(onlyDrafts.data!.stocktakes.nodes).map((s) => s.periodStart)).toEqual([
      '2025-06-01',
      '2025-04-01',
      '2025-03-01',
      '2025-03-10',
      '2025-02-01',
    ]);
  });
});

/**
 * The worked example of docs/domain.md and the life of one stocktake, as a
 * manager would drive it over HTTP: populate, count, add purchases,
 * approve, find it locked, reopen, approve again, and open the next period
 * at the counted stock.
 *
 * Each describe block has an app of its own (a fresh database with the
 * fixtures), and no test relies on what another test recorded: the counting
 * step of the worked example records the example's purchases and waste on a
 * line of its own, and the life of a stocktake starts from the same October,
 * recorded in its block's beforeAll.
 */
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  PopulateStocktakeDocument,
  ReopenStocktakeDocument,
  StocktakeDocument,
  UpdateLineMovementDocument,
  UpdateStocktakeLineDocument,
  type LineFieldsFragment,
} from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { ISO_Z } from './support/payload-matchers';
import { recordInPeriod } from './support/periods';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

async function createPopulated(t: TestApp, periodStart: string, periodEnd: string) {
  const created = await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } });
  const id = created.data!.createStocktake.id;
  const populated = await t.graphql(PopulateStocktakeDocument, { id });
  const detail = await t.graphql(StocktakeDocument, { id });
  return { id, populated: populated.data!.populateStocktake, lines: detail.data!.stocktake.lines };
}

const lineOf = (lines: readonly LineFieldsFragment[], sku: string) => lines.find((line) => line.itemSku === sku)!;

describe('the worked example: a Guinness keg, uom 88, valued at 2.50 a pint', () => {
  let t: TestApp;
  let stocktakeId: string;
  let guinness: LineFieldsFragment;
  /** The Guinness line of an October of its own (2026), for the counting test. */
  let countedGuinness: LineFieldsFragment;

  beforeAll(async () => {
    t = await startTestApp();
    const { id, lines } = await createPopulated(t, '2025-10-01', '2025-10-31');
    stocktakeId = id;
    guinness = lineOf(lines, 'D0030');
    // Populated before any test records a movement: it opens at 88 too.
    countedGuinness = lineOf((await createPopulated(t, '2026-10-01', '2026-10-31')).lines, 'D0030');
  });
  afterAll(() => t.close());

  it('opens at the stock bought before the period', () => {
    expect(guinness).toMatchObject({
      openingQty: '88.0000',
      purchases: '0.0000',
      waste: '0.0000',
      expectedQty: '88.0000',
      valuationCost: '2.5000',
      itemUom: '88.00',
      version: 1,
    });
  });

  it('adds 176 pints of purchases and 5 of waste: expected 259, shown as 2 kegs and 83.00 pints', async () => {
    const purchase = await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '176', unitCost: '2.50', reference: 'INV-1001' },
    });
    expect(purchase.errors).toBeUndefined();
    expect(purchase.data!.addLineMovement.movement).toMatchObject({
      movementType: 'PURCHASE',
      quantity: '176.0000',
      unitCost: '2.5000',
      reference: 'INV-1001',
      itemSku: 'D0030',
      staffId: 'manager-1',
      staffName: 'Mary Manager',
      // "now" is after October 2025, so the movement is clamped to the period's last instant.
      timestamp: '2025-10-31T23:59:59.999Z',
    });
    const waste = await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'WASTE', quantity: '5' },
    });
    expect(waste.data!.addLineMovement.movement.reference).toBe(`Stocktake-${stocktakeId}`);
    expect(waste.data!.addLineMovement.line).toMatchObject({
      purchases: '176.0000',
      waste: '5.0000',
      expectedQty: '259.0000',
      expectedDisplayFullUnits: '2',
      expectedDisplayPartialUnits: '83.00',
      expectedValue: '647.50',
      version: 3,
    });
  });

  it('counts 2 kegs and 45.5 pints: 221.5 counted, variance −37.5 pints = −93.75', async () => {
    // The purchases and waste of the test above, on a line of its own: expected 259, at version 3.
    for (const input of [
      { movementType: 'PURCHASE', quantity: '176', unitCost: '2.50', reference: 'INV-1001' },
      { movementType: 'WASTE', quantity: '5' },
    ] as const) {
      ok(await t.graphql(AddLineMovementDocument, { lineId: countedGuinness.id, input }));
    }
    const counted = await t.graphql(UpdateStocktakeLineDocument, {
      id: countedGuinness.id,
      input: { countedFullUnits: '2', countedPartialUnits: '45.5', expectedVersion: 3 },
    });
    expect(counted.errors).toBeUndefined();
    // Counted now, by the manager whose token sent it (docs/domain.md, "Progress and provenance").
    expect(counted.data!.updateStocktakeLine.countedAt).toMatch(ISO_Z);
    expect(counted.data!.updateStocktakeLine).toEqual({
      ...countedGuinness,
      purchases: '176.0000',
      waste: '5.0000',
      countedFullUnits: '2.00',
      countedPartialUnits: '45.50',
      countedQty: '221.5000',
      expectedQty: '259.0000',
      varianceQty: '-37.5000',
      openingDisplayFullUnits: '1',
      openingDisplayPartialUnits: '0.00',
      expectedDisplayFullUnits: '2',
      expectedDisplayPartialUnits: '83.00',
      countedDisplayFullUnits: '2',
      countedDisplayPartialUnits: '45.50',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '-37.50',
      expectedValue: '647.50',
      countedValue: '553.75',
      varianceValue: '-93.75',
      countedAt: counted.data!.updateStocktakeLine.countedAt,
      countedBy: { id: 'manager-1', name: 'Mary Manager' },
      version: 4,
    });
  });
});

describe('a stocktake from populate to the next period', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The worked example's October: 176 pints of Guinness bought and 5 wasted.
    await recordInPeriod(t, '2025-10-01', '2025-10-31', [
      { sku: 'D0030', movementType: 'PURCHASE', quantity: '176' },
      { sku: 'D0030', movementType: 'WASTE', quantity: '5' },
    ]);
  });
  afterAll(() => t.close());

  it('locks on approval, reopens without doubling adjustments, and opens the next period at the count', async () => {
    const { id, populated, lines } = await createPopulated(t, '2025-11-01', '2025-11-30');
    // Active items plus the inactive gin that still holds stock; not the retired wine with none.
    expect(populated.linesCreated).toBe(6);
    expect(lines.map((line) => line.itemSku)).toEqual(['B0070', 'D0030', 'D0040', 'M0010', 'S0010', 'S0020']);

    const guinness = lineOf(lines, 'D0030');
    const jameson = lineOf(lines, 'S0010');
    await t.graphql(UpdateStocktakeLineDocument, {
      id: guinness.id,
      input: { countedFullUnits: '1', countedPartialUnits: '10' },
    });
    const purchase = await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '88' },
    });
    // October's purchases and waste (recorded before the test) are part of November's opening: 88 + 176 − 5.
    expect(purchase.data!.addLineMovement.line).toMatchObject({
      openingQty: '259.0000',
      purchases: '88.0000',
      expectedQty: '347.0000',
      countedQty: '98.0000',
      varianceQty: '-249.0000',
    });
    // Jameson counted exactly as expected: no adjustment for it.
    await t.graphql(UpdateStocktakeLineDocument, {
      id: jameson.id,
      input: { countedFullUnits: '2', countedPartialUnits: '0' },
    });

    const approved = await t.graphql(ApproveStocktakeDocument, { id });
    expect(approved.errors).toBeUndefined();
    // Uncounted lines count 0: B0070, D0030, M0010 and S0020 differ from expected; Jameson
    // was counted exactly and the Heineken keg expects nothing.
    expect(approved.data!.approveStocktake.adjustmentsCreated).toBe(4);
    expect(approved.data!.approveStocktake.stocktake).toMatchObject({
      status: 'APPROVED',
      isLocked: true,
      approvedById: 'manager-1',
      approvedByName: 'Mary Manager',
    });

    const movementId = purchase.data!.addLineMovement.movement.id;
    const refusals = await Promise.all([
      t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedFullUnits: '3' } }),
      t.graphql(AddLineMovementDocument, { lineId: guinness.id, input: { movementType: 'WASTE', quantity: '1' } }),
      t.graphql(UpdateLineMovementDocument, { lineId: guinness.id, movementId, input: { quantity: '10' } }),
      t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId }),
      t.graphql(PopulateStocktakeDocument, { id }),
      t.graphql(ApproveStocktakeDocument, { id }),
      t.graphql(DeleteStocktakeDocument, { id }),
    ]);
    for (const refusal of refusals) {
      expect(refusal.errors?.map((e) => e.extensions?.code)).toEqual(['STOCKTAKE_LOCKED']);
    }

    const reopened = await t.graphql(ReopenStocktakeDocument, { id });
    expect(reopened.data!.reopenStocktake).toMatchObject({
      adjustmentsRemoved: 4,
      stocktake: { status: 'DRAFT', isLocked: false, approvedAt: null, approvedById: null },
    });
    const again = await t.graphql(ApproveStocktakeDocument, { id });
    expect(again.data!.approveStocktake.adjustmentsCreated).toBe(4);

    const next = await createPopulated(t, '2025-12-01', '2025-12-31');
    const counted = (await t.graphql(StocktakeDocument, { id })).data!.stocktake.lines;
    // The discontinued gin was counted empty, so the next period leaves it out.
    expect(counted.map((line) => line.itemSku)).toContain('S0020');
    expect(next.lines.map((line) => line.itemSku)).not.toContain('S0020');
    expect(next.lines.map((line) => [line.itemSku, line.openingQty])).toEqual(
      counted.filter((line) => line.itemSku !== 'S0020').map((line) => [line.itemSku, line.countedQty]),
    );
    expect(lineOf(next.lines, 'D0030').openingQty).toBe('98.0000');
  });
});

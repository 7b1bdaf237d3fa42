/**
 * Stock history for a test that needs a period to open at more than the
 * fixture stock: purchases and waste recorded in an earlier period the way
 * staff record them, from the lines of a stocktake of that period. The
 * stocktake is deleted afterwards and its movements stay (see
 * docs/domain.md, Deleting), so the history adds no stocktake to the
 * hotel's list; it only moves the opening of every later period.
 */
import {
  AddLineMovementDocument,
  CreateStocktakeDocument,
  DeleteStocktakeDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  type MovementType,
} from '../__generated__/graphql';
import { HOTEL } from './fixtures';
import type { TestApp } from './test-app';
import { ok } from './waiting';

export interface EarlierMovement {
  sku: string;
  movementType: Extract<MovementType, 'PURCHASE' | 'WASTE'>;
  /** Servings. */
  quantity: string;
}

/**
 * Records `movements` of the fixture hotel inside the period (stamped at its
 * last instant), leaving no stocktake behind.
 */
export async function recordInPeriod(
  t: TestApp,
  periodStart: string,
  periodEnd: string,
  movements: readonly EarlierMovement[],
): Promise<void> {
  const { id } = ok(
    await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } }),
  ).createStocktake;
  ok(await t.graphql(PopulateStocktakeDocument, { id }));
  const { lines } = ok(await t.graphql(StocktakeDocument, { id })).stocktake;
  for (const { sku, movementType, quantity } of movements) {
    const line = lines.find((l) => l.itemSku === sku);
    if (!line) throw new Error(`no line for ${sku} in ${periodStart}..${periodEnd}`);
    const timestamp = `${periodEnd}T23:59:59.999Z`;
    ok(await t.graphql(AddLineMovementDocument, { lineId: line.id, input: { movementType, quantity, timestamp } }));
  }
  ok(await t.graphql(DeleteStocktakeDocument, { id }));
}

/**
 * A line's history (docs/domain.md, "A line's history"): what each entry
 * records of the line before and after a change. The figures are taken from
 * the line as clients see it (LINE_VIEW's formats: quantities to 4 places,
 * counts and money to 2), so an entry reads like the line did then.
 */
import type { LineChangeKind } from './entities/LineHistoryEntry';
import type { UserRef } from './events';
import type { LineView } from './line-view';

/** The figures of a line a count or a movement changes, as decimal strings. */
export const LINE_FIGURES = [
  'countedFullUnits',
  'countedPartialUnits',
  'countedQty',
  'manualPurchasesValue',
  'purchases',
  'waste',
  'salesQty',
  'transfersIn',
  'transfersOut',
  'adjustments',
  'expectedQty',
  'varianceQty',
  'countedValue',
  'varianceValue',
] as const satisfies readonly (keyof LineView)[];

export type LineFigures = { [K in (typeof LINE_FIGURES)[number]]: LineView[K] };

/** The line's figures, from its view. */
export function lineFigures(line: LineView): LineFigures {
  return Object.fromEntries(LINE_FIGURES.map((name) => [name, line[name]])) as LineFigures;
}

/** What a change to a line is, by whom and when: what writeLine (line-change.ts) records with the figures. */
export interface LineChange {
  kind: LineChangeKind;
  by: UserRef;
  at: Date;
  /** The movement added, corrected or deleted; absent for a count. */
  movementId?: number;
}

/** One entry of a line's history, as clients see it. */
export interface LineHistoryView {
  /** The entry's own id (increasing in the order changes were made). */
  id: string;
  lineId: number;
  kind: LineChangeKind;
  movementId: number | null;
  by: UserRef;
  /** ISO-8601 UTC. */
  at: string;
  /** The line's version after the change. */
  lineVersion: number;
  before: LineFigures;
  after: LineFigures;
}

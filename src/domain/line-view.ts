/**
 * What every client sees of a stocktake line, declared once: each field with
 * its format, what it means, and how it is written from the stored line
 * (line-shape.ts). From LINE_VIEW come the LineView type and its mapper
 * describeLineRecord here, the GraphQL StocktakeLine type
 * (src/graphql/types/stocktake-line.ts) and the formats of the Pusher line
 * object (the event catalog), so a figure clients see is one entry here.
 * docs/architecture.md, "The line's shape".
 */
import type { CategoryCode } from './entities/StockCategory';
import { fixedText as fixed } from './fixed-point';
import { displaySplit, type ItemUnits } from './line-calculations';
import type { LineRecord } from './line-shape';

/**
 * How a shown field is written. Each transport maps a format to its own type:
 * GraphQL to ID, Int, String or Decimal; Pusher to a number or a string with
 * a pattern (the original API's formats).
 */
export type LineViewFormat =
  /** A database id: a number on Pusher, an ID in GraphQL. */
  | 'id'
  /** The line's version, 1 and up. */
  | 'version'
  | 'text'
  | 'categoryCode'
  /** Servings, exactly 4 places ("88.0000"). */
  | 'quantity'
  /** Counts and money, exactly 2 places ("221.50"). */
  | 'twoPlaces'
  /** Cost per serving, exactly 4 places. */
  | 'fourPlaces'
  /** The original's display figures: whole units, or a remainder ("0", "-37.50", "2"). */
  | 'display'
  /** An instant, ISO-8601 UTC with milliseconds ("2025-11-09T14:30:00.000Z"). */
  | 'instant'
  /** A user as their token names them: `{ id, name }`. */
  | 'user';

/** The TypeScript value of each format. */
interface FormatValues {
  id: number;
  version: number;
  text: string;
  categoryCode: CategoryCode;
  quantity: string;
  twoPlaces: string;
  fourPlaces: string;
  display: string;
  instant: string;
  user: { id: string; name: string };
}

/** A quantity shown split into whole units and the rest, computed once per line. */
type Splits = Record<'opening' | 'expected' | 'counted' | 'variance', { full: string; partial: string }>;

/** One field clients see: its format, whether it can be null, what it means, and how it is written. */
interface LineViewField<F extends LineViewFormat = LineViewFormat, V = FormatValues[F]> {
  format: F;
  nullable: null extends V ? true : false;
  description?: string;
  write(line: LineRecord, splits: Splits): V;
}

type StoredOf<V> = { [K in keyof LineRecord]: LineRecord[K] extends V ? K : never }[keyof LineRecord];

const shown = <F extends LineViewFormat>(
  format: F,
  write: (line: LineRecord, splits: Splits) => FormatValues[F],
  description?: string,
): LineViewField<F> => ({ format, nullable: false as LineViewField<F>['nullable'], description, write });

/** A stored field shown as it is (ids, names, codes, the version). */
const asStored = <F extends 'id' | 'version' | 'text' | 'categoryCode'>(
  format: F,
  stored: StoredOf<FormatValues[F]>,
  description?: string,
) => shown(format, (line) => line[stored] as FormatValues[F], description);

const quantity = (stored: StoredOf<string>, description?: string) =>
  shown('quantity', (line) => fixed(line[stored], 4), description);
const twoPlaces = (stored: StoredOf<string>, description?: string) =>
  shown('twoPlaces', (line) => fixed(line[stored], 2), description);
const split = (of: keyof Splits, part: 'full' | 'partial') => shown('display', (_line, splits) => splits[of][part]);

export const LINE_VIEW = {
  id: asStored('id', 'id'),
  stocktakeId: asStored('id', 'stocktakeId'),
  itemId: asStored('id', 'itemId'),
  itemSku: asStored('text', 'itemSku'),
  itemName: asStored('text', 'itemName'),
  categoryCode: asStored('categoryCode', 'categoryCode'),
  categoryName: asStored('text', 'categoryName'),
  itemSize: asStored('text', 'size'),
  itemUom: twoPlaces('uom', 'Servings per full unit.'),
  openingQty: quantity('openingQty', 'Servings on hand at the start of the period.'),
  purchases: quantity('purchases'),
  salesQty: quantity('salesQty', 'SALE movements in the period (display only).'),
  waste: quantity('waste'),
  transfersIn: quantity('transfersIn'),
  transfersOut: quantity('transfersOut'),
  adjustments: quantity('adjustments'),
  manualPurchasesValue: {
    format: 'twoPlaces',
    nullable: true,
    description: 'Optional EUR override entered by hand.',
    write: (line) => (line.manualPurchasesValue === null ? null : fixed(line.manualPurchasesValue, 2)),
  } satisfies LineViewField<'twoPlaces', string | null>,
  countedFullUnits: twoPlaces('countedFullUnits', 'Kegs, cases or bottles counted.'),
  countedPartialUnits: twoPlaces(
    'countedPartialUnits',
    'Pints or loose bottles (draught, Doz, LT sizes) or a fraction of a bottle (others).',
  ),
  countedQty: quantity('countedQty'),
  expectedQty: quantity('expectedQty', 'opening + purchases − waste.'),
  varianceQty: quantity('varianceQty', 'counted − expected; negative is a shortage.'),
  openingDisplayFullUnits: split('opening', 'full'),
  openingDisplayPartialUnits: split('opening', 'partial'),
  expectedDisplayFullUnits: split('expected', 'full'),
  expectedDisplayPartialUnits: split('expected', 'partial'),
  countedDisplayFullUnits: split('counted', 'full'),
  countedDisplayPartialUnits: split('counted', 'partial'),
  varianceDisplayFullUnits: split('variance', 'full'),
  varianceDisplayPartialUnits: split('variance', 'partial'),
  valuationCost: shown(
    'fourPlaces',
    (line) => fixed(line.valuationCost, 4),
    'Cost per serving, fixed when the line was created.',
  ),
  expectedValue: twoPlaces('expectedValue'),
  countedValue: twoPlaces('countedValue'),
  varianceValue: twoPlaces('varianceValue'),
  countedAt: {
    format: 'instant',
    nullable: true,
    description: 'When counts were last entered; null until the line is counted (not the same as a zero count).',
    write: (line) => line.countedAt,
  } satisfies LineViewField<'instant', string | null>,
  countedBy: {
    format: 'user',
    nullable: true,
    description: 'Who last entered counts; null until the line is counted.',
    write: (line) =>
      line.countedById === null ? null : { id: line.countedById, name: line.countedByName ?? line.countedById },
  } satisfies LineViewField<'user', { id: string; name: string } | null>,
  version: asStored('version', 'version', 'Changes with every update; send it back as expectedVersion.'),
} as const;

type ShownFields = typeof LINE_VIEW;

/** A line as every client sees it: fixed-place strings and the display splits (LINE_VIEW). */
export type LineView = { -readonly [K in keyof ShownFields]: ReturnType<ShownFields[K]['write']> };

/**
 * Writes every shown field into one object literal: generated once from LINE_VIEW, so each field's writer is
 * called from a call site of its own and the object gets its final shape at once. A loop over the fields is
 * about 1.7 times slower (one call site for all the writers), and a 10,000-line stocktake is described per request.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from LINE_VIEW's own keys, never from input
const writeView = new Function(
  'fields',
  'line',
  'splits',
  `return { ${Object.keys(LINE_VIEW)
    .map((name) => `${JSON.stringify(name)}: fields.${name}.write(line, splits)`)
    .join(', ')} };`,
) as (fields: typeof LINE_VIEW, line: LineRecord, splits: Splits) => LineView;

/** The line as every client sees it, from what is stored. */
export function describeLineRecord(line: LineRecord): LineView {
  const units: ItemUnits = { categoryCode: line.categoryCode, size: line.size, uom: line.uom };
  const splits: Splits = {
    opening: displaySplit(units, line.openingQty),
    expected: displaySplit(units, line.expectedQty),
    counted: displaySplit(units, line.countedQty),
    variance: displaySplit(units, line.varianceQty),
  };
  return writeView(LINE_VIEW, line, splits);
}

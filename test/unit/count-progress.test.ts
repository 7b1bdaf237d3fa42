/**
 * The pure rules of progress and provenance (docs/domain.md, "Progress and
 * provenance", "A line's history"): what makes a line counted and by whom,
 * the progress from a stocktake's totals, and the figures a history entry
 * keeps.
 */
import { LineChangeKind } from '../../src/domain/entities';
import { LINE_FIGURES, lineFigures, type LineChange } from '../../src/domain/line-history';
import type { LineRecord } from '../../src/domain/line-shape';
import { describeLineRecord } from '../../src/domain/line-view';
import { countedLine } from '../../src/domain/services/line-service';
import { NO_LINES, describeProgress, uncountedLines } from '../../src/domain/views';

/** The worked example's Guinness keg, not counted yet: 88 servings expected at 2.50. */
const GUINNESS: LineRecord = {
  id: 7,
  stocktakeId: 3,
  itemId: 11,
  itemSku: 'D0030',
  itemName: 'Guinness',
  categoryCode: 'D',
  categoryName: 'Draught Beer',
  size: '50Lt',
  uom: '88.00',
  openingQty: '88.0000',
  purchases: '0.0000',
  salesQty: '0.0000',
  waste: '0.0000',
  transfersIn: '0.0000',
  transfersOut: '0.0000',
  adjustments: '0.0000',
  manualPurchasesValue: null,
  countedFullUnits: '0.00',
  countedPartialUnits: '0.00',
  countedQty: '0.0000',
  expectedQty: '88.0000',
  varianceQty: '-88.0000',
  valuationCost: '2.5000',
  expectedValue: '220.00',
  countedValue: '0.00',
  varianceValue: '-220.00',
  countedAt: null,
  countedById: null,
  countedByName: null,
  version: 1,
};

const AOIFE: LineChange = {
  kind: LineChangeKind.COUNT,
  by: { id: 'u-7', name: 'Aoife Byrne' },
  at: new Date('2026-03-14T21:05:09.123Z'),
};

const provenance = (line: LineRecord) => ({
  countedAt: line.countedAt,
  countedById: line.countedById,
  countedByName: line.countedByName,
});

describe('what makes a line counted', () => {
  it('entering either count stamps the line with who and when', () => {
    for (const counts of [
      { full: '1', partial: undefined, manual: undefined },
      { full: undefined, partial: '40', manual: undefined },
    ]) {
      expect(provenance(countedLine(GUINNESS, counts, AOIFE))).toEqual({
        countedAt: '2026-03-14T21:05:09.123Z',
        countedById: 'u-7',
        countedByName: 'Aoife Byrne',
      });
    }
  });

  it('a count of zero is a count: the line is counted, with its whole expected stock short', () => {
    const zero = countedLine(GUINNESS, { full: '0', partial: '0', manual: undefined }, AOIFE);
    expect({ ...provenance(zero), varianceValue: zero.varianceValue }).toEqual({
      countedAt: '2026-03-14T21:05:09.123Z',
      countedById: 'u-7',
      countedByName: 'Aoife Byrne',
      varianceValue: '-220.00',
    });
  });

  it('changing only the purchases override leaves the provenance as it was', () => {
    const overridden = countedLine(GUINNESS, { full: undefined, partial: undefined, manual: '12.30' }, AOIFE);
    expect(provenance(overridden)).toEqual({ countedAt: null, countedById: null, countedByName: null });
    const earlier = { ...GUINNESS, countedAt: '2026-03-01T08:00:00.000Z', countedById: 'u-1', countedByName: 'Dan' };
    expect(provenance(countedLine(earlier, { full: undefined, partial: undefined, manual: null }, AOIFE))).toEqual(
      provenance(earlier),
    );
  });

  it('a recount by someone else takes the provenance over', () => {
    const first = countedLine(GUINNESS, { full: '1', partial: undefined, manual: undefined }, AOIFE);
    const again = countedLine(
      first,
      { full: '1', partial: undefined, manual: undefined },
      { ...AOIFE, by: { id: 'u-9', name: 'Dan' }, at: new Date('2026-03-14T22:00:00.000Z') },
    );
    expect(provenance(again)).toEqual({
      countedAt: '2026-03-14T22:00:00.000Z',
      countedById: 'u-9',
      countedByName: 'Dan',
    });
  });
});

describe('progress from the totals', () => {
  it('counts lines and sums value and variance over counted lines only, to 2 places', () => {
    const progress = describeProgress({
      lineCount: 6,
      totalValue: '343.2',
      totalVarianceValue: '-319.2',
      countedLines: 2,
      countedValue: '244.5',
      varianceValueCounted: '-24.5',
    });
    expect(progress).toEqual({
      countedLines: 2,
      totalLines: 6,
      countedValue: '244.50',
      varianceValueCounted: '-24.50',
    });
    expect(uncountedLines(progress)).toBe(4);
  });

  it('a stocktake without lines has nothing counted and nothing uncounted', () => {
    const progress = describeProgress(NO_LINES);
    expect(progress).toEqual({ countedLines: 0, totalLines: 0, countedValue: '0.00', varianceValueCounted: '0.00' });
    expect(uncountedLines(progress)).toBe(0);
  });
});

describe("a history entry's figures", () => {
  it("keeps the line's counted figures and movement totals as the line shows them", () => {
    const counted = countedLine(GUINNESS, { full: '1', partial: '40', manual: undefined }, AOIFE);
    expect(lineFigures(describeLineRecord(counted))).toEqual({
      countedFullUnits: '1.00',
      countedPartialUnits: '40.00',
      countedQty: '128.0000',
      manualPurchasesValue: null,
      purchases: '0.0000',
      waste: '0.0000',
      salesQty: '0.0000',
      transfersIn: '0.0000',
      transfersOut: '0.0000',
      adjustments: '0.0000',
      expectedQty: '88.0000',
      varianceQty: '40.0000',
      countedValue: '320.00',
      varianceValue: '100.00',
    });
    expect(Object.keys(lineFigures(describeLineRecord(GUINNESS)))).toEqual([...LINE_FIGURES]);
  });
});

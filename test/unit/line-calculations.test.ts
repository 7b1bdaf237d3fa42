/**
 * The count-sheet arithmetic the legacy frontends depend on (docs/domain.md,
 * "Counting a line"): what a count of full units + partial units means in
 * servings (loose servings for draught, `Doz` and `…LT` items, a fraction of
 * a bottle for everything else), expected = opening + purchases − waste,
 * variance = counted − expected, every value at the line's valuation cost
 * (unit cost / uom, 4 places) rounded half-even to cents, and how a
 * quantity is shown as whole units + a signed remainder.
 *
 * Every expected figure is a decimal string worked out by hand; none is
 * computed with JS numbers.
 */
import type { CategoryCode } from '../../src/domain/entities/StockCategory';
import { formatFixed } from '../../src/domain/fixed-point';
import {
  countedQty,
  deriveLine,
  displaySplit,
  expectedQty,
  money,
  partialIsServings,
  valuationCost,
  type ItemUnits,
} from '../../src/domain/line-calculations';

function item(categoryCode: CategoryCode, size: string, uom: string): ItemUnits {
  return { categoryCode, size, uom };
}

const guinnessKeg = item('D', '50Lt', '88'); // D0030
const vodka = item('S', '70cl', '20');
const houseWine = item('W', '75cl', '6');
const bottledBeer = item('B', '330ml', '12');
const mineralsCase = item('M', 'Doz', '12');
const bagInBox = item('M', '18LT', '200');

describe('partialIsServings', () => {
  it.each([
    ['draught, whatever its size', item('D', '30L', '52'), true],
    ['draught with an empty size', item('D', '', '88'), true],
    ['a `Doz` case of minerals', item('M', 'Doz', '12'), true],
    ['a `Doz` case of bottled beer', item('B', 'Doz', '12'), true],
    ['`Doz` inside a longer size', item('M', '24Doz', '24'), true],
    ['`doz` in lower case (`Doz` is case-sensitive)', item('M', 'doz', '12'), false],
    ['`DOZ` in upper case', item('M', 'DOZ', '12'), false],
    ['bag-in-box `18LT`', item('M', '18LT', '200'), true],
    ['bag-in-box `10Lt` (`LT` is case-insensitive)', item('M', '10Lt', '50'), true],
    ['bag-in-box `5lt`', item('M', '5lt', '25'), true],
    // Kept from the original: any size containing "lt" counts in servings, even a spirit.
    ['a one-litre spirit sized `1Lt`', item('S', '1Lt', '28'), true],
    ['a spirit `70cl`', item('S', '70cl', '20'), false],
    ['a wine `75cl`', item('W', '75cl', '6'), false],
    ['bottled beer `330ml`', item('B', '330ml', '12'), false],
    ['a mineral `1L` (no T)', item('M', '1L', '4'), false],
  ])('%s → %s', (_label, units, expected) => {
    expect(partialIsServings(units)).toBe(expected);
  });
});

describe('countedQty', () => {
  it.each([
    // full × uom + partial
    ['Guinness keg: 2 kegs + 45.5 pints', guinnessKeg, '2', '45.5', '221.5000'],
    ['draught: partial over a keg is not folded', guinnessKeg, '1', '100', '188.0000'],
    ['draught: only pints', guinnessKeg, '0', '0.25', '0.2500'],
    ['`Doz` minerals: 3 cases + 7 bottles', mineralsCase, '3', '7', '43.0000'],
    ['`Doz` bottled beer: 2 cases + 5 bottles', item('B', 'Doz', '12'), '2', '5', '29.0000'],
    ['bag-in-box: 1 box + 35.5 servings', bagInBox, '1', '35.5', '235.5000'],
    // (full + partial) × uom
    ['spirits: 2 bottles + 0.70 of a bottle at uom 20', vodka, '2', '0.70', '54.0000'],
    ['spirits: 0.1 + 0.2 of a bottle (no float drift)', vodka, '0.1', '0.2', '6.0000'],
    ['wine: 1 bottle + half a bottle at 6 glasses', houseWine, '1', '0.5', '9.0000'],
    ['bottled beer sized 330ml counts fractions of a case', bottledBeer, '2', '0.25', '27.0000'],
    ['a fractional uom', item('S', '70cl', '28.57'), '1', '0.5', '42.8550'],
    ['nothing counted (draught)', guinnessKeg, '0', '0', '0.0000'],
    ['nothing counted (spirits)', vodka, '0', '0', '0.0000'],
  ])('%s → %s', (_label, units, full, partial, expected) => {
    expect(formatFixed(countedQty(units, full, partial), 4)).toBe(expected);
  });
});

describe('expectedQty = opening + purchases − waste', () => {
  it.each([
    ['the Guinness example', '88', '176', '5', '259.0000'],
    ['nothing at all', '0', '0', '0', '0.0000'],
    ['only an opening', '12.5', '0', '0', '12.5000'],
    ['waste beyond stock goes negative', '10.5', '0', '12.25', '-1.7500'],
    ['0.1 + 0.2 (no float drift)', '0.1', '0.2', '0', '0.3000'],
    ['4 decimal places kept', '1.0001', '2.0002', '0.0003', '3.0000'],
    ['4 decimal places kept (not cancelling)', '1.0001', '0.0010', '0.0100', '0.9911'],
  ])('%s: %s + %s − %s = %s', (_label, opening, purchases, waste, expected) => {
    expect(formatFixed(expectedQty(opening, purchases, waste), 4)).toBe(expected);
  });
});

describe('valuationCost = unit cost / uom, 4 places', () => {
  it.each([
    ['Guinness keg €220 / 88 pints', '220', '88', '2.5000'],
    ['a case €30 / 12 bottles', '30', '12', '2.5000'],
    ['€25.99 / 28 shots', '25.99', '28', '0.9282'], // 0.92821428…
    ['€10 / 3 (repeating, rounds down)', '10', '3', '3.3333'],
    ['€20 / 3 (repeating, rounds up)', '20', '3', '6.6667'],
    ['exactly half a ten-thousandth rounds up', '1.0001', '2', '0.5001'], // 0.50005; half-even would give 0.5000
    ['a fractional uom', '24.00', '28.57', '0.8400'], // 0.840042…
    ['a zero cost', '0', '88', '0.0000'],
  ])('%s → %s', (_label, unitCost, uom, expected) => {
    expect(valuationCost(unitCost, uom)).toBe(expected);
  });
});

describe('money: cents, half-even', () => {
  it.each([
    ['93.75', '93.75'],
    ['-93.75', '-93.75'],
    ['12', '12.00'],
    ['0', '0.00'],
    ['93.745', '93.74'], // half, 4 is even: down
    ['93.755', '93.76'], // half, 5 is odd: up
    ['-93.745', '-93.74'],
    ['-93.755', '-93.76'],
    ['0.005', '0.00'],
    ['0.015', '0.02'],
    ['0.025', '0.02'],
    ['1.005', '1.00'], // half-up would give 1.01
    ['2.675', '2.68'], // a JS float gives 2.67 (2.675 is 2.67499… as a double)
    ['1.0051', '1.01'], // just over half
    ['1.0049', '1.00'],
    ['647.5000', '647.50'],
    ['-0.004', '0.00'], // never "-0.00"
    ['-0.005', '0.00'], // half-even to zero, no sign
    ['-0.0051', '-0.01'],
    ['123456789.125', '123456789.12'],
  ])('%s → %s', (value, expected) => {
    expect(money(value)).toBe(expected);
  });
});

describe('displaySplit: whole units + signed remainder', () => {
  it.each([
    // Guinness worked example (uom 88).
    ['expected 259 pints', guinnessKeg, '259', '2', '83.00'],
    ['counted 221.5 pints', guinnessKeg, '221.5', '2', '45.50'],
    ['a shortage under one keg keeps its sign', guinnessKeg, '-37.5', '0', '-37.50'],
    ['a shortage over one keg', guinnessKeg, '-100', '-1', '-12.00'],
    ['a shortage of exactly two kegs', guinnessKeg, '-176', '-2', '0.00'],
    ['exactly two kegs', guinnessKeg, '176', '2', '0.00'],
    ['just under one keg truncates to 0', guinnessKeg, '87.99', '0', '87.99'],
    ['just under minus one keg truncates to 0', guinnessKeg, '-87.99', '0', '-87.99'],
    ['a large quantity', guinnessKeg, '1000000', '11363', '56.00'],
    ['zero', guinnessKeg, '0', '0', '0'],
    ['zero written with places', guinnessKeg, '0.0000', '0', '0'],
    // Everything but B and `Doz` M: 2 places, half-up (in servings, even for spirits).
    ['spirits: 54 shots at uom 20', vodka, '54', '2', '14.00'],
    ['spirits: half a cent rounds up (half-even would give 14.12)', vodka, '54.125', '2', '14.13'],
    ['spirits: a negative half rounds away from zero', vodka, '-54.125', '-2', '-14.13'],
    ['spirits: below half rounds down', vodka, '54.1249', '2', '14.12'],
    ['wine: 9 glasses at uom 6', houseWine, '9', '1', '3.00'],
    ['bag-in-box minerals (no `Doz`): 2 places', bagInBox, '235.125', '1', '35.13'],
    ['`doz` minerals (lower case): 2 places', item('M', 'doz', '12'), '29.5', '2', '5.50'],
    // Bottled beer and `Doz` minerals: whole bottles, half-even.
    ['bottled beer: 6.5 bottles → 6', bottledBeer, '30.5', '2', '6'],
    ['bottled beer: 7.5 bottles → 8', bottledBeer, '31.5', '2', '8'],
    ['bottled beer: 6.6 bottles → 7', bottledBeer, '30.6', '2', '7'],
    ['bottled beer: −6.5 bottles → −6', bottledBeer, '-30.5', '-2', '-6'],
    ['bottled beer: −7.5 bottles → −8', bottledBeer, '-31.5', '-2', '-8'],
    ['bottled beer: half a bottle → 0', bottledBeer, '0.5', '0', '0'],
    ['bottled beer: minus half a bottle → 0, no sign', bottledBeer, '-0.5', '0', '0'],
    ['bottled beer: a whole number of cases', bottledBeer, '24', '2', '0'],
    ['`Doz` minerals: 5.5 bottles → 6', mineralsCase, '29.5', '2', '6'],
    ['`Doz` minerals: 4.5 bottles → 4', mineralsCase, '28.5', '2', '4'],
    ['`Doz` minerals: −4.5 bottles → −4', mineralsCase, '-28.5', '-2', '-4'],
  ])('%s: %s', (_label, units, servings, full, partial) => {
    expect(displaySplit(units, servings)).toEqual({ full, partial });
  });
});

describe('deriveLine', () => {
  it('works the Guinness example (docs/domain.md, "Worked example")', () => {
    expect(valuationCost('220', '88')).toBe('2.5000');
    const line = {
      ...guinnessKeg,
      countedFullUnits: '2',
      countedPartialUnits: '45.5',
      openingQty: '88',
      purchases: '176',
      waste: '5',
      valuationCost: '2.5000',
    };
    expect(deriveLine(line)).toEqual({
      countedQty: '221.5000',
      expectedQty: '259.0000',
      varianceQty: '-37.5000',
      expectedValue: '647.50',
      countedValue: '553.75',
      varianceValue: '-93.75',
    });
    expect(displaySplit(guinnessKeg, '259')).toEqual({ full: '2', partial: '83.00' });
    expect(displaySplit(guinnessKeg, '-37.5')).toEqual({ full: '0', partial: '-37.50' });
  });

  // prettier-ignore
  it.each([
    [
      'spirits: a fraction of a bottle (2 + 0.70 at uom 20 = 54 shots)',
      { ...vodka, countedFullUnits: '2', countedPartialUnits: '0.70', openingQty: '60', purchases: '20', waste: '1', valuationCost: '1.2000' },
      { countedQty: '54.0000', expectedQty: '79.0000', varianceQty: '-25.0000', expectedValue: '94.80', countedValue: '64.80', varianceValue: '-30.00' },
    ],
    [
      // counted 3 × 0.125 = 0.375 → 0.38; expected 0.125 → 0.12; variance 0.25 (not 0.38 − 0.12 = 0.26)
      'values half-even, variance rounded once from the unrounded values',
      { ...mineralsCase, countedFullUnits: '0', countedPartialUnits: '3', openingQty: '1', purchases: '0', waste: '0', valuationCost: '0.1250' },
      { countedQty: '3.0000', expectedQty: '1.0000', varianceQty: '2.0000', expectedValue: '0.12', countedValue: '0.38', varianceValue: '0.25' },
    ],
    [
      // counted 0.125 → 0.12; expected 0.25; variance −0.125 → −0.12 (not 0.12 − 0.25 = −0.13)
      'a negative variance value rounds half-even too',
      { ...guinnessKeg, countedFullUnits: '0', countedPartialUnits: '1', openingQty: '2', purchases: '0', waste: '0', valuationCost: '0.1250' },
      { countedQty: '1.0000', expectedQty: '2.0000', varianceQty: '-1.0000', expectedValue: '0.25', countedValue: '0.12', varianceValue: '-0.12' },
    ],
    [
      // counted 2 × 0.3333 = 0.6666 → 0.67; expected 0.3333 → 0.33; variance 0.3333 → 0.33 (not 0.34)
      'a repeating cost: the variance value is not the difference of the rounded values',
      { ...vodka, countedFullUnits: '0', countedPartialUnits: '0.1', openingQty: '1', purchases: '0', waste: '0', valuationCost: '0.3333' },
      { countedQty: '2.0000', expectedQty: '1.0000', varianceQty: '1.0000', expectedValue: '0.33', countedValue: '0.67', varianceValue: '0.33' },
    ],
    [
      'a surplus',
      { ...bottledBeer, countedFullUnits: '3', countedPartialUnits: '0', openingQty: '24', purchases: '12', waste: '2', valuationCost: '1.5000' },
      { countedQty: '36.0000', expectedQty: '34.0000', varianceQty: '2.0000', expectedValue: '51.00', countedValue: '54.00', varianceValue: '3.00' },
    ],
    [
      'counted exactly as expected: zero variance, unsigned',
      { ...guinnessKeg, countedFullUnits: '2', countedPartialUnits: '83', openingQty: '88', purchases: '176', waste: '5', valuationCost: '2.5000' },
      { countedQty: '259.0000', expectedQty: '259.0000', varianceQty: '0.0000', expectedValue: '647.50', countedValue: '647.50', varianceValue: '0.00' },
    ],
    [
      'a line never counted: the whole expected quantity is a shortage',
      { ...houseWine, countedFullUnits: '0', countedPartialUnits: '0', openingQty: '30', purchases: '12', waste: '0.5', valuationCost: '1.6650' },
      // expected 41.5 × 1.665 = 69.0975 → 69.10
      { countedQty: '0.0000', expectedQty: '41.5000', varianceQty: '-41.5000', expectedValue: '69.10', countedValue: '0.00', varianceValue: '-69.10' },
    ],
    [
      'decimal quantities with 4 places',
      { ...guinnessKeg, countedFullUnits: '0', countedPartialUnits: '0.3', openingQty: '0.1', purchases: '0.2', waste: '0.0001', valuationCost: '2.5000' },
      // expected 0.2999 × 2.5 = 0.74975 → 0.75; counted 0.75; variance 0.0001 × 2.5 = 0.00025 → 0.00
      { countedQty: '0.3000', expectedQty: '0.2999', varianceQty: '0.0001', expectedValue: '0.75', countedValue: '0.75', varianceValue: '0.00' },
    ],
  ])('%s', (_label, line, expected) => {
    expect(deriveLine(line)).toEqual(expected);
  });
});

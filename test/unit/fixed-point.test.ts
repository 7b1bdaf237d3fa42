/**
 * The exact arithmetic the line formulas run on: decimal strings in,
 * decimal strings out, no float anywhere, rounding exactly as asked.
 */
import {
  absFixed,
  compareFixed,
  decimalPlaces,
  divide,
  divideTruncated,
  fixedText,
  isDecimalText,
  formatFixed,
  minus,
  parseFixed,
  plus,
  sameDecimal,
  sumFixed,
  times,
} from '../../src/domain/fixed-point';

const text = (value: { units: bigint; scale: number }, places = value.scale) => formatFixed(value, places);

describe('reading and writing', () => {
  // prettier-ignore
  it.each([
    ['88', 4, '88.0000'],
    ['-0.5', 2, '-0.50'],
    ['221.5000', 1, '221.5'],
    ['0', 0, '0'],
    ['007.10', 2, '7.10'],
  ])('%s with %i places is %s', (input, places, expected) => {
    expect(fixedText(input, places)).toBe(expected);
  });

  it.each(['', '1.', '.5', '1e3', ' 1', '1,5', 'NaN'])('refuses %p', (input) => {
    expect(() => parseFixed(input)).toThrow(RangeError);
  });
});

describe('rounding when places are dropped', () => {
  // prettier-ignore
  it.each([
    ['2.675', 2, 'half-up', '2.68'],
    ['2.665', 2, 'half-even', '2.66'],
    ['2.675', 2, 'half-even', '2.68'],
    ['-2.675', 2, 'half-up', '-2.68'],
    ['-2.665', 2, 'half-even', '-2.66'],
    ['0.5', 0, 'half-even', '0'],
    ['1.5', 0, 'half-even', '2'],
    ['-0.5', 0, 'half-even', '0'],
    ['-0.004', 2, 'half-up', '0.00'],
    ['0.00005', 4, 'half-up', '0.0001'],
  ] as const)('%s to %i places %s is %s', (input, places, rounding, expected) => {
    expect(fixedText(input, places, rounding)).toBe(expected);
  });
});

describe('operations', () => {
  it('adds, subtracts and multiplies exactly across scales', () => {
    expect(text(plus(parseFixed('0.1'), parseFixed('0.2')))).toBe('0.3');
    expect(text(minus(parseFixed('10.5'), parseFixed('12.25')))).toBe('-1.75');
    expect(text(times(parseFixed('2.70'), parseFixed('20.00')))).toBe('54.0000');
    expect(text(sumFixed(['1.0001', '2.0002', '-0.0003']))).toBe('3.0000');
  });

  it('divides half-up to the places asked', () => {
    expect(text(divide(parseFixed('25.99'), parseFixed('28'), 4))).toBe('0.9282');
    expect(text(divide(parseFixed('1'), parseFixed('3'), 4))).toBe('0.3333');
    expect(text(divide(parseFixed('2'), parseFixed('3'), 4))).toBe('0.6667');
    expect(text(divide(parseFixed('-2'), parseFixed('3'), 4))).toBe('-0.6667');
  });

  it('divides truncating toward zero, the remainder keeping the sign of the dividend', () => {
    const positive = divideTruncated(parseFixed('259'), parseFixed('88'));
    expect([positive.quotient, text(positive.remainder, 2)]).toEqual([2n, '83.00']);
    const negative = divideTruncated(parseFixed('-37.5'), parseFixed('88'));
    expect([negative.quotient, text(negative.remainder, 2)]).toEqual([0n, '-37.50']);
    const whole = divideTruncated(parseFixed('-176'), parseFixed('88'));
    expect([whole.quotient, text(whole.remainder, 2)]).toEqual([-2n, '0.00']);
  });
});

describe('fixed text', () => {
  // prettier-ignore
  it.each([
    ['12.0000', 4, '12.0000'], ['12', 4, '12.0000'], ['12.00004', 4, '12.0000'], ['-1.23450', 4, '-1.2345'],
    ['-0.0000', 4, '0.0000'], ['007.0000', 4, '7.0000'], ['1.005', 2, '1.01'], ['-3.25', 2, '-3.25'],
    ['05', 0, '5'], ['-0', 0, '0'],
  ])('%s to %i places is %s, whether or not it was already written so', (text, places, expected) => {
    expect(fixedText(text, places)).toBe(expected);
  });
});

describe('comparing and reading decimal text', () => {
  it('compares across scales and signs', () => {
    expect(compareFixed(parseFixed('1.50'), parseFixed('1.5'))).toBe(0);
    expect(compareFixed(parseFixed('-2'), parseFixed('1.9999'))).toBe(-1);
    expect(compareFixed(parseFixed('100000000000'), parseFixed('99999999999.9999'))).toBe(1);
    expect(text(absFixed(parseFixed('-37.50')), 2)).toBe('37.50');
    expect([sameDecimal('0.0000', '0'), sameDecimal('12.5', '12.50'), sameDecimal('12.5', '12.51')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('accepts plain decimal text only and counts its places', () => {
    expect(['12', '-0.5', '45.50'].map(isDecimalText)).toEqual([true, true, true]);
    expect(['1e5', ' 1', '1.', '.5', '+1', '0x10', ''].map(isDecimalText)).toEqual(Array(7).fill(false));
    expect(['12', '12.50', '-0.0001'].map(decimalPlaces)).toEqual([0, 2, 4]);
  });
});

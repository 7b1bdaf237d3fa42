/**
 * The stored line is declared once (src/domain/line-shape.ts): the select
 * list, the fields a change writes and the record's schema all come from that
 * one declaration, so they cannot disagree.
 */
import { Value } from '@sinclair/typebox/value';
import { LINE_FIELDS, LINE_SELECT, LINE_WRITES, LineRecordSchema } from '../../src/domain/line-shape';

describe('the stored line, declared once', () => {
  it('selects every field under its own name', () => {
    const aliases = [...LINE_SELECT.matchAll(/ as "(\w+)"/g)].map((match) => match[1]);
    expect(aliases).toEqual(Object.keys(LINE_FIELDS));
    expect(Object.keys(LineRecordSchema.properties)).toEqual(Object.keys(LINE_FIELDS));
  });

  it("writes the counts, the purchases override, the movement totals, the derived figures and the count's provenance, never keys or item data", () => {
    expect(LINE_WRITES.map(({ name, column }) => `${name}:${column}`)).toEqual([
      'purchases:purchases',
      'salesQty:sales_qty',
      'waste:waste',
      'transfersIn:transfers_in',
      'transfersOut:transfers_out',
      'adjustments:adjustments',
      'manualPurchasesValue:manual_purchases_value',
      'countedFullUnits:counted_full_units',
      'countedPartialUnits:counted_partial_units',
      'countedQty:counted_qty',
      'expectedQty:expected_qty',
      'varianceQty:variance_qty',
      'expectedValue:expected_value',
      'countedValue:counted_value',
      'varianceValue:variance_value',
      'countedAt:counted_at',
      'countedById:counted_by_id',
      'countedByName:counted_by_name',
    ]);
  });

  it('types decimals as text and refuses a float', () => {
    const record = Object.fromEntries(
      Object.keys(LINE_FIELDS).map((name) => [
        name,
        ['id', 'stocktakeId', 'itemId', 'version'].includes(name) ? 1 : '1.00',
      ]),
    );
    const line = { ...record, categoryCode: 'D', manualPurchasesValue: null };
    expect(Value.Check(LineRecordSchema, line)).toBe(true);
    expect(Value.Check(LineRecordSchema, { ...line, countedQty: 1.5 })).toBe(false);
    expect(Value.Check(LineRecordSchema, { ...line, categoryCode: 'X' })).toBe(false);
  });
});

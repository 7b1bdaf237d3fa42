/**
 * What clients see of a line is declared once (src/domain/line-view.ts): the
 * mapper writes every declared field in its format, and the GraphQL type and
 * the Pusher line object carry exactly those fields, typed by their format.
 */
import 'reflect-metadata';
import { getNamedType, isNonNullType, type GraphQLObjectType } from 'graphql';
import { describeLineRecord, LINE_VIEW } from '../../src/domain/line-view';
import type { LineRecord } from '../../src/domain/line-shape';
import { createSchema } from '../../src/graphql/schema';
import { PUSHER_LINE_FIELDS, PusherLineSchema } from '../../src/realtime/event-catalog/pusher-schemas';

/** A draught keg line as PostgreSQL returns it: numerics as text with the column's scale. */
const KEG: LineRecord = {
  id: 7,
  stocktakeId: 3,
  itemId: 11,
  itemSku: 'D0001',
  itemName: 'Guinness 50L Keg',
  categoryCode: 'D',
  categoryName: 'Draught',
  size: '50Lt',
  uom: '88.0000',
  openingQty: '176.0000',
  purchases: '88.0000',
  salesQty: '0.0000',
  waste: '1.5000',
  transfersIn: '0.0000',
  transfersOut: '0.0000',
  adjustments: '0.0000',
  manualPurchasesValue: null,
  countedFullUnits: '2.0000',
  countedPartialUnits: '40.5000',
  countedQty: '216.5000',
  expectedQty: '262.5000',
  varianceQty: '-46.0000',
  valuationCost: '2.1591',
  expectedValue: '566.7600',
  countedValue: '467.4400',
  varianceValue: '-99.3200',
  countedAt: '2025-11-09T14:30:00.000Z',
  countedById: 'u-7',
  countedByName: 'Aoife Byrne',
  version: 4,
};

describe('the line clients see, declared once', () => {
  it('is written field by field in the declared formats, with the display splits', () => {
    expect(describeLineRecord(KEG)).toEqual({
      id: 7,
      stocktakeId: 3,
      itemId: 11,
      itemSku: 'D0001',
      itemName: 'Guinness 50L Keg',
      categoryCode: 'D',
      categoryName: 'Draught',
      itemSize: '50Lt',
      itemUom: '88.00',
      openingQty: '176.0000',
      purchases: '88.0000',
      salesQty: '0.0000',
      waste: '1.5000',
      transfersIn: '0.0000',
      transfersOut: '0.0000',
      adjustments: '0.0000',
      manualPurchasesValue: null,
      countedFullUnits: '2.00',
      countedPartialUnits: '40.50',
      countedQty: '216.5000',
      expectedQty: '262.5000',
      varianceQty: '-46.0000',
      openingDisplayFullUnits: '2',
      openingDisplayPartialUnits: '0.00',
      expectedDisplayFullUnits: '2',
      expectedDisplayPartialUnits: '86.50',
      countedDisplayFullUnits: '2',
      countedDisplayPartialUnits: '40.50',
      varianceDisplayFullUnits: '0',
      varianceDisplayPartialUnits: '-46.00',
      valuationCost: '2.1591',
      expectedValue: '566.76',
      countedValue: '467.44',
      varianceValue: '-99.32',
      countedAt: '2025-11-09T14:30:00.000Z',
      countedBy: { id: 'u-7', name: 'Aoife Byrne' },
      version: 4,
    });
    expect(Object.keys(describeLineRecord(KEG))).toEqual(Object.keys(LINE_VIEW));
  });

  it('is the GraphQL StocktakeLine type: every field, typed and nullable as declared, with its description', async () => {
    const line = (await createSchema()).getType('StocktakeLine') as GraphQLObjectType;
    const graphqlType = {
      id: 'ID',
      version: 'Int',
      text: 'String',
      categoryCode: 'String',
      display: 'String',
      instant: 'DateTime',
      user: 'User',
    };
    const fields = line.getFields();
    for (const [name, { format, nullable, description }] of Object.entries(LINE_VIEW)) {
      const field = fields[name];
      expect({
        name,
        type: field && getNamedType(field.type).name,
        nonNull: field && isNonNullType(field.type),
      }).toEqual({
        name,
        type: graphqlType[format as keyof typeof graphqlType] ?? 'Decimal',
        nonNull: !nullable,
      });
      expect(field!.description ?? undefined).toBe(description);
    }
  });

  it('gives the Pusher line object the format and description of the field each key carries', () => {
    const keys = Object.entries(PUSHER_LINE_FIELDS);
    expect(new Set(keys.map(([, field]) => field))).toEqual(new Set(Object.keys(LINE_VIEW)));
    const properties = PusherLineSchema.properties as Record<string, { description?: string; anyOf?: unknown[] }>;
    expect(properties.manual_purchases_value!.anyOf).toHaveLength(2);
    expect(properties.expected_qty!.description).toBe(LINE_VIEW.expectedQty.description);
    expect(properties.version!.description).toBe(LINE_VIEW.version.description);
    expect(properties.counted_at!.anyOf).toHaveLength(2);
    expect(properties.counted_by!.anyOf).toHaveLength(2);
  });

  it('shows an uncounted line with no counter and no count time', () => {
    const uncounted = describeLineRecord({ ...KEG, countedAt: null, countedById: null, countedByName: null });
    expect({ countedAt: uncounted.countedAt, countedBy: uncounted.countedBy }).toEqual({
      countedAt: null,
      countedBy: null,
    });
  });
});

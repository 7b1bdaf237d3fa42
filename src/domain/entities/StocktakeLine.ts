import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref, OptionalProps } from '@mikro-orm/core';
import { Stocktake } from './Stocktake';
import { StockItem } from './StockItem';
import { numeric } from './numeric-column';
import type { CategoryCode } from './StockCategory';

type DerivedField = 'countedQty' | 'expectedQty' | 'varianceQty' | 'expectedValue' | 'countedValue' | 'varianceValue';

/**
 * One item in one stocktake. Movement totals are refreshed from stock
 * movements; counts are entered by staff; the item's units, category and
 * cost are fixed when the line is created. The derived quantities and values
 * are stored too, written by `deriveLine` (domain/line-calculations.ts)
 * whenever an input changes, so lists and totals are plain SQL.
 */
@Entity({ tableName: 'stocktake_line' })
@Unique({ properties: ['stocktake', 'item'] })
export class StocktakeLine {
  [OptionalProps]?:
    | 'openingQty'
    | 'purchases'
    | 'salesQty'
    | 'waste'
    | 'transfersIn'
    | 'transfersOut'
    | 'adjustments'
    | 'manualPurchasesValue'
    | 'countedFullUnits'
    | 'countedPartialUnits'
    | 'version'
    | 'countedAt'
    | 'countedById'
    | 'countedByName'
    | DerivedField;

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Stocktake, { ref: true, deleteRule: 'cascade' })
  stocktake!: Ref<Stocktake>;

  @ManyToOne(() => StockItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<StockItem>;

  @Property(numeric(15, 4, { default: '0' }))
  openingQty: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  purchases: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  salesQty: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  waste: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  transfersIn: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  transfersOut: string = '0';

  @Property(numeric(15, 4, { default: '0' }))
  adjustments: string = '0';

  @Property(numeric(15, 2, { nullable: true }))
  manualPurchasesValue: string | null = null;

  @Property(numeric(10, 2, { default: '0' }))
  countedFullUnits: string = '0';

  @Property(numeric(10, 2, { default: '0' }))
  countedPartialUnits: string = '0';

  /** Cost per serving (`unit_cost / uom`), fixed when the line is created. */
  @Property(numeric(10, 4))
  valuationCost!: string;

  /**
   * The item's units as they were when the line was created. Counting rules
   * and values use these, so editing the catalogue later never rewrites a
   * stocktake (least of all an approved one).
   */
  @Property(numeric(10, 2))
  uom!: string;

  @Property({ type: 'string', length: 50 })
  size!: string;

  /** The item's category when the line was created: with uom and size it decides the counting rule. */
  @Property({ type: 'string', length: 1 })
  categoryCode!: CategoryCode;

  // ---- derived (see deriveLine); never set directly -------------------------

  @Property(numeric(24, 4, { default: '0' }))
  countedQty: string = '0';

  @Property(numeric(24, 4, { default: '0' }))
  expectedQty: string = '0';

  @Property(numeric(24, 4, { default: '0' }))
  varianceQty: string = '0';

  @Property(numeric(24, 2, { default: '0' }))
  expectedValue: string = '0';

  @Property(numeric(24, 2, { default: '0' }))
  countedValue: string = '0';

  @Property(numeric(24, 2, { default: '0' }))
  varianceValue: string = '0';

  // ---- provenance of the count (docs/domain.md, "Progress and provenance") --

  /** When counts were last entered; null until the line is counted (an uncounted line is not a zero count). */
  @Property({ type: 'datetime', nullable: true })
  countedAt: Date | null = null;

  /** Who last entered counts, as their token names them; null until counted. */
  @Property({ type: 'string', length: 128, nullable: true })
  countedById: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  countedByName: string | null = null;

  /** Bumped by every change; clients send it back as `expectedVersion`. */
  @Property({ type: 'integer', version: true })
  version!: number;
}

import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref, OptionalProps } from '@mikro-orm/core';
import { Hotel } from './Hotel';
import { StockCategory } from './StockCategory';
import { numeric } from './numeric-column';

@Entity({ tableName: 'stock_item' })
@Unique({ properties: ['hotel', 'sku'] })
export class StockItem {
  [OptionalProps]?: 'sizeValue' | 'sizeUnit' | 'menuPrice' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Hotel, { ref: true, deleteRule: 'cascade' })
  hotel!: Ref<Hotel>;

  /** The first letter is the category code (`D0030` is draught). */
  @Property({ type: 'string', length: 50 })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => StockCategory, { ref: true, deleteRule: 'restrict' })
  category!: Ref<StockCategory>;

  /** Display text such as `50Lt`, `Doz`, `70cl`; it also selects the counting rule. */
  @Property({ type: 'string', length: 50 })
  size!: string;

  @Property(numeric(10, 2, { nullable: true }))
  sizeValue: string | null = null;

  @Property({ type: 'string', length: 10, default: '' })
  sizeUnit: string = '';

  /** Servings per full unit (pints per keg, bottles per case, shots per bottle); always > 0. */
  @Property(numeric(10, 2))
  uom!: string;

  /** Cost of one full unit (keg, case, bottle). */
  @Property(numeric(10, 4))
  unitCost!: string;

  @Property(numeric(10, 2, { nullable: true }))
  menuPrice: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

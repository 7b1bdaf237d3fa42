import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Hotel } from './Hotel';
import { StockItem } from './StockItem';
import { Stocktake } from './Stocktake';
import { numeric } from './numeric-column';

export enum MovementType {
  PURCHASE = 'PURCHASE',
  SALE = 'SALE',
  WASTE = 'WASTE',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
  ADJUSTMENT = 'ADJUSTMENT',
}

@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['item', 'timestamp'] })
export class StockMovement {
  [OptionalProps]?: 'unitCost' | 'reference' | 'notes' | 'staffId' | 'staffName' | 'approvalOf' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Hotel, { ref: true, deleteRule: 'cascade' })
  hotel!: Ref<Hotel>;

  @ManyToOne(() => StockItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<StockItem>;

  @Enum({ items: () => MovementType, nativeEnumName: 'movement_type' })
  movementType!: MovementType;

  /** In servings; only ADJUSTMENT may be negative. */
  @Property(numeric(15, 4))
  quantity!: string;

  /** Cost per serving, when known. */
  @Property(numeric(10, 4, { nullable: true }))
  unitCost: string | null = null;

  @Property({ type: 'string', length: 100, default: '' })
  reference: string = '';

  @Property({ type: 'text', default: '' })
  notes: string = '';

  @Property({ type: 'string', length: 128, nullable: true })
  staffId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  staffName: string | null = null;

  /** Decides which period the movement belongs to. */
  @Property({ type: 'datetime' })
  timestamp!: Date;

  /** Set on the ADJUSTMENTs an approval wrote, so that reopening can remove exactly those. */
  @ManyToOne(() => Stocktake, { ref: true, nullable: true, deleteRule: 'set null' })
  approvalOf: Ref<Stocktake> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

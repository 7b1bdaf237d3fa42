import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref, OptionalProps } from '@mikro-orm/core';
import { Hotel } from './Hotel';

export enum StocktakeStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
}

@Entity({ tableName: 'stocktake' })
@Unique({ properties: ['hotel', 'periodStart', 'periodEnd'] })
@Check({ name: 'stocktake_period_order', expression: 'period_end >= period_start' })
export class Stocktake {
  [OptionalProps]?: 'status' | 'notes' | 'createdAt' | 'approvedAt' | 'approvedById' | 'approvedByName' | 'isLocked';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Hotel, { ref: true, deleteRule: 'cascade' })
  hotel!: Ref<Hotel>;

  /** Calendar dates (`YYYY-MM-DD`) in the hotel's time zone, both inclusive. */
  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Enum({ items: () => StocktakeStatus, nativeEnumName: 'stocktake_status', default: StocktakeStatus.DRAFT })
  status: StocktakeStatus = StocktakeStatus.DRAFT;

  @Property({ type: 'text', default: '' })
  notes: string = '';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  /** The approver as named by their token (users live in the identity provider, not here). */
  @Property({ type: 'string', length: 128, nullable: true })
  approvedById: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  approvedByName: string | null = null;

  get isLocked(): boolean {
    return this.status === StocktakeStatus.APPROVED;
  }
}

import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Stocktake } from './Stocktake';
import { StocktakeLine } from './StocktakeLine';

/** What a line history entry records: a count, or a movement of the line added, corrected or deleted. */
export enum LineChangeKind {
  COUNT = 'COUNT',
  /** Only the manual purchases value changed: the line is not counted by it. */
  PURCHASES_VALUE = 'PURCHASES_VALUE',
  MOVEMENT_ADDED = 'MOVEMENT_ADDED',
  MOVEMENT_UPDATED = 'MOVEMENT_UPDATED',
  MOVEMENT_DELETED = 'MOVEMENT_DELETED',
}

/**
 * One change to a stocktake line (docs/domain.md, "A line's history"): who,
 * when, what kind, and the line's figures before and after, written in the
 * transaction of the change (services/line-history-records.ts). Kept as long as the
 * line (deleted with its stocktake), never pruned with the outbox. Rows are
 * written and read with plain SQL; the entity declares the table for the
 * migrations.
 */
@Entity({ tableName: 'line_history' })
@Index({ properties: ['line', 'id'] })
export class LineHistoryEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => StocktakeLine, { ref: true, deleteRule: 'cascade', index: false })
  line!: Ref<StocktakeLine>;

  @ManyToOne(() => Stocktake, { ref: true, deleteRule: 'cascade' })
  stocktake!: Ref<Stocktake>;

  @Enum({ items: () => LineChangeKind, nativeEnumName: 'line_change_kind' })
  kind!: LineChangeKind;

  /** The movement added, corrected or deleted; null for a count. */
  @Property({ type: 'integer', nullable: true })
  movementId!: number | null;

  @Property({ type: 'string', length: 128 })
  actorId!: string;

  @Property({ type: 'string', length: 200 })
  actorName!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** The line's version after the change. */
  @Property({ type: 'integer' })
  lineVersion!: number;

  /** The line's figures before and after (LineFigures: decimal strings). */
  @Property({ type: 'json' })
  before!: Record<string, string | null>;

  @Property({ type: 'json' })
  after!: Record<string, string | null>;
}

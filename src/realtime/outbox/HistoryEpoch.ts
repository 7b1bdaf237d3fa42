import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The random part of every channel's epoch (docs/realtime.md, "Positions and
 * epochs"): one row, id 1, created by its migration. The epoch itself is
 * never stored: the SQL function `current_history_epoch()` derives it from
 * this seed and what a restore changes (the database's and the outbox
 * table's identities, the cluster and its timeline), so a restored copy of
 * this row still yields a new epoch. Rotating the seed (done by triggers when
 * `channel_sequence` is emptied or the outbox truncated) starts a new one.
 */
@Entity({ tableName: 'history_epoch' })
export class HistoryEpoch {
  /** Always 1. */
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Property({ type: 'uuid' })
  seed!: string;

  /** When the seed was last drawn (the migration, or the last reset). */
  @Property({ type: 'datetime' })
  rotatedAt!: Date;
}

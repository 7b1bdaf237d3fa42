/**
 * Every row of the tables a mutation can change, the outbox included, for
 * asserting that a refused mutation changed nothing and emitted nothing.
 */
import type { MikroORM } from '@mikro-orm/postgresql';

/** Column lists where the whole row is not the point: the relay updates delivery state in the background. */
const COLUMNS: Record<string, string> = {
  outbox_event: 'id, event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at',
};
const TABLES = ['hotel', 'stock_item', 'stocktake', 'stocktake_line', 'stock_movement', 'channel_sequence', 'outbox_event'] as const;

export async function snapshotDatabase(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const connection = orm.em.getConnection();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    snapshot[table] = await connection.execute(`select ${COLUMNS[table] ?? '*'} from "${table}" order by 1`);
  }
  return snapshot;
}

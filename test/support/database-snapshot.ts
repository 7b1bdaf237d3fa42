/**
 * Every row of the tables a mutation can change, for asserting that a
 * refused mutation changed nothing at all.
 */
import type { MikroORM } from '@mikro-orm/postgresql';

const TABLES = ['hotel', 'stock_item', 'stocktake', 'stocktake_line', 'stock_movement'] as const;

export async function snapshotDatabase(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const connection = orm.em.getConnection();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    snapshot[table] = await connection.execute(`select * from "${table}" order by 1`);
  }
  return snapshot;
}

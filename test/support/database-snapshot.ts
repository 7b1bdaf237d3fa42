/**
 * Every row of the tables a mutation can change, the outbox included, for
 * asserting that a refused mutation changed nothing and emitted nothing.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';

/** Column lists where the whole row is not the point: the relay updates delivery state in the background. */
const COLUMNS: Record<string, string> = {
  outbox_event: 'id, event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at',
};
const TABLES = [
  'hotel',
  'stock_item',
  'stocktake',
  'stocktake_line',
  'stock_movement',
  'channel_sequence',
  'outbox_event',
] as const;

export async function snapshotDatabase(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const connection = orm.em.getConnection();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    snapshot[table] = await connection.execute(`select ${COLUMNS[table] ?? '*'} from "${table}" order by 1`);
  }
  return snapshot;
}

/** The part of a GraphQL response a refusal check reads. */
export interface GraphQLReply {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

/** Sends a request that must be refused with exactly one error, and checks that nothing changed or was emitted. */
export async function refusedWithoutChange(
  orm: MikroORM,
  send: () => Promise<GraphQLReply>,
): Promise<GraphQLFormattedError> {
  const before = await snapshotDatabase(orm);
  const response = await send();
  expect({ errorCount: response.errors?.length ?? 0, data: response.data ?? null }).toEqual({
    errorCount: 1,
    data: null,
  });
  expect(await snapshotDatabase(orm)).toEqual(before);
  return response.errors![0]!;
}

/**
 * Hand-written SQL with its values sent as bind parameters. Placeholders are
 * `?`, as with `em.execute`; a value is never `undefined` (pass null).
 *
 * Two ways to run it:
 * - through an EntityManager (`sqlRows(em, …)`), in its transaction when it
 *   is in one: for services that also load and flush entities. MikroORM's
 *   own `em.execute` would write every value into the statement text,
 *   escaping each one, so even there the values go as parameters;
 * - through a `Sql` session on a connection of MikroORM's own pool, without
 *   the ORM's transaction machinery or knex's per-statement query building
 *   (`pooledSql`, `sqlTransaction`): the paths that run for every count and
 *   every relayed event, where those cost several times the statements
 *   themselves (README, "Performance").
 */
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';

/** Runs statements: on a connection of its own (a transaction), or each on any connection of the pool. */
export interface Sql {
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Where a statement runs: an EntityManager (its transaction, if any) or a Sql session. */
export type SqlTarget = EntityManager | Sql;

export async function sqlRows<T>(target: SqlTarget, text: string, params: readonly unknown[] = []): Promise<T[]> {
  if (isSql(target)) return target.rows<T>(text, params);
  const knex: Knex = target.getTransactionContext<Knex.Transaction>() ?? target.getKnex();
  const result = await knex.raw<{ rows: T[] }>(text, params as Knex.RawBinding[]);
  return result.rows;
}

function isSql(target: SqlTarget): target is Sql {
  return typeof (target as Partial<Sql>).rows === 'function';
}

/** What node-postgres' Client offers that is used here. */
interface PgClient {
  query<T>(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: T[] }>;
  query(text: string): Promise<unknown>;
}

/** The pool MikroORM's knex keeps: the same connections, limits and settings as every other statement. */
interface ConnectionPool {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

function poolOf(orm: MikroORM): ConnectionPool {
  const { client } = orm.em.getKnex() as { client: ConnectionPool };
  return client;
}

/** Statements that each run on their own (autocommit), on a connection borrowed from the pool for the statement. */
export function pooledSql(orm: MikroORM): Sql {
  const pool = poolOf(orm);
  return {
    async rows<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const connection = await pool.acquireConnection();
      try {
        return (await connection.query<T>(statement(text, params))).rows;
      } finally {
        await pool.releaseConnection(connection);
      }
    },
  };
}

/**
 * Runs `work` in a transaction on one connection of the pool: committed when
 * it returns, rolled back when it throws (and the error rethrown).
 */
export async function sqlTransaction<T>(orm: MikroORM, work: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = poolOf(orm);
  const connection = await pool.acquireConnection();
  try {
    await connection.query('begin');
    let value: T;
    try {
      value = await work({
        rows: async <R>(text: string, params: readonly unknown[] = []) =>
          (await connection.query<R>(statement(text, params))).rows,
      });
    } catch (error) {
      // A broken connection cannot roll back; the pool discards it when it is next validated.
      await connection.query('rollback').catch(() => undefined);
      throw error;
    }
    await connection.query('commit');
    return value;
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * Statement texts with `?` turned into `$1, $2 …`, by text, each with a name:
 * node-postgres prepares a named statement once per connection, so
 * PostgreSQL parses and plans the few statements that run all the time once
 * per connection rather than on every call (its CPU is the app's on one
 * machine). Texts past the first thousand run unnamed.
 */
const numbered = new Map<string, { name: string; text: string; count: number }>();
const MAX_NAMED = 1_000;

function statement(
  text: string,
  params: readonly unknown[],
): { name?: string; text: string; values: readonly unknown[] } {
  let known = numbered.get(text);
  if (!known && numbered.size < MAX_NAMED) {
    known = { name: `stocktake_${numbered.size + 1}`, ...numberPlaceholders(text) };
    numbered.set(text, known);
  }
  const { name, text: numberedText, count } = known ?? { name: undefined, ...numberPlaceholders(text) };
  if (count !== params.length) {
    throw new Error(`Expected ${count} bind parameters, got ${params.length}: ${text.slice(0, 80)}`);
  }
  if (params.includes(undefined)) throw new Error(`An undefined bind parameter: ${text.slice(0, 80)}`);
  return { name, text: numberedText, values: params };
}

/** `?` becomes `$n`; `\?` is a literal `?` (knex's own rule, so a statement means the same on both paths). */
export function numberPlaceholders(text: string): { text: string; count: number } {
  let count = 0;
  const converted = text.replace(/(\\*)\?/g, (_match: string, escapes: string) => {
    if (escapes.length % 2) return '?';
    count += 1;
    return `$${count}`;
  });
  return { text: converted, count };
}

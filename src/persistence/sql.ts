/**
 * The one way hand-written SQL runs (docs/architecture.md, "Which path a
 * query takes"). Statements are texts with `?` placeholders and their values
 * always go as bind parameters, never into the text: a JS array is a
 * PostgreSQL array parameter (`= any(?::int[])`), never a literal built here.
 *
 * Every statement runs on a connection of MikroORM's own pool (the same
 * connections, limits and settings as the ORM's statements), straight
 * through node-postgres: no knex query building per statement, and each text
 * prepared once per connection (see `statement`). Three ways in:
 * - `pooledSql`: each statement on its own (autocommit);
 * - `sqlTransaction`: a transaction on one connection, for the paths that run
 *   for every count and every relayed event, without the ORM's transaction
 *   machinery;
 * - `entitySql`: on an EntityManager's connection, in its transaction when it
 *   is in one, for work that also loads and flushes entities.
 *
 * knex's pool and its transaction's connection are reached through knex's
 * `client.acquireConnection`, not part of its typed API: this file is the
 * only place that does (test/sql-module.test.ts fails on the upgrade that
 * breaks it).
 */
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { Sql } from '../domain/sql';

/** What node-postgres' Client offers that is used here. */
interface PgClient {
  query<T>(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: T[] }>;
  query(text: string): Promise<unknown>;
}

/** A knex client's connections: the pool's, or (in a transaction) the transaction's one connection. */
interface Connections {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

function connectionsOf(knex: Knex): Connections {
  return (knex as unknown as { client: Connections }).client;
}

/** A Sql whose statements run through `run`; checkedRows checks what rows returns. */
function sqlOf(run: <T>(text: string, params: readonly unknown[]) => Promise<T[]>): Sql {
  return {
    rows: <T>(text: string, params: readonly unknown[] = []) => run<T>(text, params),
    async checkedRows<S extends TSchema>(row: S, text: string, params: readonly unknown[] = []) {
      return checked(row, await run<unknown>(text, params), text);
    },
  };
}

function sqlOn(connections: () => Connections): Sql {
  return sqlOf(async <T>(text: string, params: readonly unknown[]) => {
    const pool = connections();
    const connection = await pool.acquireConnection();
    try {
      return (await connection.query<T>(statement(text, params))).rows;
    } finally {
      await pool.releaseConnection(connection);
    }
  });
}

/** Compiled once per schema: a check is then a plain function call per row. */
const checkers = new WeakMap<TSchema, TypeCheck<TSchema>>();

/** The rows, if every one matches `schema`; otherwise an error naming the first mismatch and the statement. */
export function checked<S extends TSchema>(schema: S, rows: readonly unknown[], text: string): Static<S>[] {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    checkers.set(schema, checker);
  }
  for (const row of rows) {
    if (!checker.Check(row)) {
      const [first] = checker.Errors(row);
      throw new Error(`A row of "${text.slice(0, 80)}" does not match its type: ${first?.path} ${first?.message}`);
    }
  }
  return rows as Static<S>[];
}

/** Statements that each run on their own (autocommit), on a connection borrowed from the pool for the statement. */
export function pooledSql(orm: MikroORM): Sql {
  const pool = connectionsOf(orm.em.getKnex());
  return sqlOn(() => pool);
}

/**
 * Statements on the EntityManager's connection: inside its transaction when
 * it is in one (so they see, and commit or roll back with, what it flushed),
 * otherwise each on its own.
 */
export function entitySql(em: EntityManager): Sql {
  // Looked up per statement: an EntityManager used outside a transaction may later be used inside one.
  return sqlOn(() => connectionsOf(em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()));
}

/**
 * Runs `work` in a transaction on one connection of the pool: committed when
 * it returns, rolled back when it throws (and the error rethrown).
 */
export async function sqlTransaction<T>(orm: MikroORM, work: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = connectionsOf(orm.em.getKnex());
  const connection = await pool.acquireConnection();
  try {
    await connection.query('begin');
    let value: T;
    try {
      value = await work(
        sqlOf(
          async <R>(text: string, params: readonly unknown[]) =>
            (await connection.query<R>(statement(text, params))).rows,
        ),
      );
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

/** `?` becomes `$n`; `\?` is a literal `?` (as knex reads it, so statements written for knex mean the same). */
export function numberPlaceholders(text: string): { text: string; count: number } {
  let count = 0;
  const converted = text.replace(/(\\*)\?/g, (_match: string, escapes: string) => {
    if (escapes.length % 2) return '?';
    count += 1;
    return `$${count}`;
  });
  return { text: converted, count };
}

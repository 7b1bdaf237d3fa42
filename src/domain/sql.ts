/**
 * How the domain reaches hand-written SQL: an interface it owns, implemented
 * by the SQL module (src/persistence/sql.ts), the only place statements are
 * run. Placeholders are `?`; values always go as bind parameters (a JS array
 * is a PostgreSQL array parameter); a value is never `undefined` (pass null).
 * Which path a new query takes: docs/architecture.md, "Which path a query takes".
 */
import type { Static, TSchema } from '@sinclair/typebox';

/** Runs statements: on a connection of its own (a transaction), or each on any connection of the pool. */
export interface Sql {
  /** The rows as PostgreSQL returned them, typed by assertion: for the hot paths (every count, every event). */
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The rows, each checked against `row` (a TypeBox schema); a row that does not match is an error, not data. */
  checkedRows<S extends TSchema>(row: S, text: string, params?: readonly unknown[]): Promise<Static<S>[]>;
}

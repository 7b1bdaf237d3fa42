/**
 * Hand-written SQL with its values sent as bind parameters, in the entity
 * manager's transaction when it is in one. MikroORM's `em.execute` writes
 * every value into the statement text instead, escaping each one (a line's
 * JSON payload among them) on every call; the paths that run for every
 * count use this. Placeholders are `?`, as with `em.execute`; a value is
 * never `undefined` (pass null).
 */
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

export async function sqlRows<T>(em: EntityManager, text: string, params: readonly unknown[] = []): Promise<T[]> {
  const knex: Knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const result = await knex.raw<{ rows: T[] }>(text, params as Knex.RawBinding[]);
  return result.rows;
}

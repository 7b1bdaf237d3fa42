/**
 * Every mutation is one database transaction, all or nothing. Services hand
 * their work to a UnitOfWork, which gives them a transactional EntityManager
 * and a recorder for the events the change produces; the implementation
 * decides what happens to those events (stored with the change, published
 * after commit).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, EventRecorder } from './events';
import type { Sql } from './sql';
import type { Actor } from './viewer';

/** Work with entities; `sql` runs hand-written SQL in the same transaction. */
export type Work<T> = (em: EntityManager, events: EventRecorder, sql: Sql) => Promise<T>;
export type SqlWork<T> = (sql: Sql, events: EventRecorder) => Promise<T>;

export interface UnitOfWork {
  /** A transaction with an EntityManager: for work that loads, changes and flushes entities. */
  run<T>(actor: Actor, work: Work<T>): Promise<T>;
  /**
   * A transaction for work done in hand-written SQL alone (sql.ts): the same
   * guarantees as `run` (idempotency key, events stored with the change and
   * released after commit) without the ORM's transaction machinery. The
   * paths every count takes use it.
   */
  runSql<T>(actor: Actor, work: SqlWork<T>): Promise<T>;
  /** Hand-written SQL on an EntityManager's connection (in its transaction when it is in one): for reads. */
  sqlOf(em: EntityManager): Sql;
}

/** Where a unit of work's events go: stored with the change, then released after commit. */
export interface EventJournal<Stored> {
  /** Inside the transaction, after the work: persist the events with the change. */
  append(sql: Sql, events: readonly DomainEvent[], actor: Actor): Promise<Stored>;
  /** After a successful commit, with what `append` stored. */
  committed(stored: Stored): void;
}

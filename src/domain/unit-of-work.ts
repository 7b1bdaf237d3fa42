/**
 * Every mutation is one database transaction, all or nothing. Services hand
 * their work to a UnitOfWork, which gives them a transactional EntityManager
 * and a recorder for the events the change produces; the implementation
 * decides what happens to those events (stored with the change, published
 * after commit).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, EventRecorder } from './events';
import type { Actor } from './viewer';

export type Work<T> = (em: EntityManager, events: EventRecorder) => Promise<T>;

export interface UnitOfWork {
  run<T>(actor: Actor, work: Work<T>): Promise<T>;
}

/** Where a unit of work's events go: stored with the change, then released after commit. */
export interface EventJournal<Stored> {
  /** Inside the transaction, after the work: persist the events with the change. */
  append(em: EntityManager, events: readonly DomainEvent[], actor: Actor): Promise<Stored>;
  /** After a successful commit, with what `append` stored. */
  committed(stored: Stored): void;
}

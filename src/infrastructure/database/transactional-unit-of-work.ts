/**
 * The UnitOfWork the app runs with: one database transaction per mutation.
 * The events a mutation records are handed to the journal inside the same
 * transaction (so they commit or roll back with the change), and the
 * journal is told once the commit has happened.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../domain/events';
import type { UnitOfWork, Work } from '../../domain/unit-of-work';
import type { Actor } from '../../domain/viewer';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface EventJournal {
  /** Inside the transaction, after the work: persist the events with the change. */
  append(em: EntityManager, events: readonly DomainEvent[], actor: Actor): Promise<void>;
  /** After a successful commit. */
  committed(): void;
}

/** Until events are published, a committed change simply has nothing more to do. */
export const NO_JOURNAL: EventJournal = { append: async () => undefined, committed: () => undefined };

export class TransactionalUnitOfWork implements UnitOfWork {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: EventJournal = NO_JOURNAL,
  ) {}

  async run<T>(actor: Actor, work: Work<T>): Promise<T> {
    const result = await this.orm.em.fork().transactional(async (em) => {
      const events: DomainEvent[] = [];
      const value = await work(em, { record: (event) => events.push(event) });
      await this.journal.append(em, events, actor);
      return value;
    });
    this.journal.committed();
    return result;
  }
}

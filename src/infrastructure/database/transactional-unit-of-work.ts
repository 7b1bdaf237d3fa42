/**
 * The UnitOfWork the app runs with: one database transaction per mutation.
 * The events a mutation records are handed to the journal inside the same
 * transaction (so they commit or roll back with the change), and the
 * journal is told once the commit has happened.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../domain/events';
import type { EventJournal, UnitOfWork, Work } from '../../domain/unit-of-work';
import type { Actor } from '../../domain/viewer';

export class TransactionalUnitOfWork<Stored> implements UnitOfWork {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: EventJournal<Stored>,
  ) {}

  async run<T>(actor: Actor, work: Work<T>): Promise<T> {
    const { value, stored } = await this.orm.em.fork().transactional(async (em) => {
      const events: DomainEvent[] = [];
      const value = await work(em, { record: (event) => events.push(event) });
      return { value, stored: await this.journal.append(em, events, actor) };
    });
    this.journal.committed(stored);
    return value;
  }
}

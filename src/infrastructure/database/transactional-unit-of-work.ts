/**
 * The UnitOfWork the app runs with: one database transaction per mutation.
 * The events a mutation records are handed to the journal inside the same
 * transaction (so they commit or roll back with the change), and the
 * journal is told once the commit has happened.
 *
 * A mutation sent with an idempotency key (domain/idempotency.ts) takes the
 * key first, in the same transaction: the insert waits for a concurrent
 * transaction holding the same key, so two duplicates never both run; the
 * one that finds the key committed returns its stored result and records
 * nothing. A mutation without a key writes nothing extra.
 *
 * What is stored is the whole answer: the mutation's result with whatever the
 * response reads beyond it (IdempotentRequest.capture), read in the same
 * transaction, and the first request is answered from that same stored form,
 * so a replay answers exactly as the first did. Stored with it are the role
 * checks the mutation passed; a replay is answered only after they pass for
 * the caller of now, and is refused as the request itself would be
 * (docs/collaboration.md, "Idempotency keys").
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ForbiddenError, IdempotencyKeyReusedError } from '../../domain/errors';
import type { DomainEvent, EventRecorder } from '../../domain/events';
import { takeIdempotentRequest, type IdempotentRequest } from '../../domain/idempotency';
import type { Sql } from '../../domain/sql';
import { entitySql, sqlTransaction } from '../../persistence/sql';
import type { EventJournal, SqlWork, UnitOfWork, Work } from '../../domain/unit-of-work';
import { checkAccess, type AccessNeeded, type Actor } from '../../domain/viewer';

export class TransactionalUnitOfWork<Stored> implements UnitOfWork {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: EventJournal<Stored>,
  ) {}

  run<T>(actor: Actor, work: Work<T>): Promise<T> {
    return this.transaction(actor, (recordWith) =>
      this.orm.em.fork().transactional((em) => {
        const sql = entitySql(em);
        return recordWith(sql, (events) => work(em, events, sql));
      }),
    );
  }

  sqlOf(em: EntityManager): Sql {
    return entitySql(em);
  }

  runSql<T>(actor: Actor, work: SqlWork<T>): Promise<T> {
    return this.transaction(actor, (recordWith) =>
      sqlTransaction(this.orm, (sql) => recordWith(sql, (events) => work(sql, events))),
    );
  }

  /**
   * What both kinds share: inside the transaction (`inside`), the idempotency
   * key first, then the work, its events and its stored result; after the
   * commit, the journal is told.
   */
  private async transaction<T>(
    actor: Actor,
    inside: (
      recordWith: (target: Sql, work: (events: EventRecorder) => Promise<T>) => Promise<Outcome<T, Stored>>,
    ) => Promise<Outcome<T, Stored>>,
  ): Promise<T> {
    const request = takeIdempotentRequest();
    const outcome = await inside(async (target, work) => {
      if (request) {
        const earlier = await takeKey(target, request);
        if (earlier) return { value: earlier.value as T, stored: undefined };
      }
      const events: DomainEvent[] = [];
      const value = await work({ record: (event) => events.push(event) });
      const stored = await this.journal.append(target, events, actor);
      if (request) {
        // Stored as JSON and answered from the parsed JSON, so the first answer and every replay are the same.
        const result = JSON.parse(JSON.stringify({ value: value ?? null })) as { value: unknown };
        if (request.capture) await request.capture(result.value, target);
        const text = JSON.stringify(result);
        await target.rows('update idempotency_key set result = ?, access = ? where user_id = ? and key = ?', [
          text,
          JSON.stringify(request.accessNeeded),
          request.viewer.id,
          request.key,
        ]);
        return { value: (JSON.parse(text) as { value: T }).value, stored };
      }
      return { value, stored };
    });
    if (outcome.stored !== undefined) this.journal.committed(outcome.stored);
    return outcome.value;
  }
}

interface Outcome<T, Stored> {
  value: T;
  /** Undefined when an earlier run's result was returned: nothing was recorded. */
  stored: Stored | undefined;
}

/**
 * Takes the key for this request; the earlier result when it was already
 * done and the caller may still do it. A refusal throws inside the
 * transaction, so it changes nothing.
 */
async function takeKey(target: Sql, request: IdempotentRequest): Promise<{ value: unknown } | null> {
  for (;;) {
    const inserted = await target.rows<unknown>(
      `insert into idempotency_key (user_id, key, request_hash, result, created_at) values (?, ?, ?, null, now())
       on conflict do nothing returning key`,
      [request.viewer.id, request.key, request.requestHash],
    );
    if (inserted.length > 0) return null;
    const [row] = await target.rows<{
      request_hash: string;
      result: { value: unknown } | null;
      access: AccessNeeded[] | null;
    }>('select request_hash, result, access from idempotency_key where user_id = ? and key = ?', [
      request.viewer.id,
      request.key,
    ]);
    // Pruned between the two statements: take it afresh.
    if (!row) continue;
    if (row.request_hash !== request.requestHash) throw new IdempotencyKeyReusedError(request.key);
    // A key stored before access was recorded with it cannot be checked: refused rather than trusted.
    if (!row.access)
      throw new ForbiddenError(
        'This request was made before its access could be checked on a retry; reload to see its outcome',
      );
    for (const needed of row.access) checkAccess(request.viewer, needed);
    return row.result ?? { value: null };
  }
}

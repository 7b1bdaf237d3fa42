/**
 * Safe retries (docs/collaboration.md, "Idempotency keys"): a mutation sent
 * with an idempotency key runs under this context, and the unit of work
 * takes the key in the mutation's own transaction. A repeat with the same
 * key and the same request gets the stored result and does nothing; a repeat
 * with other input is IDEMPOTENCY_KEY_REUSED. The transport layer says
 * which key and request; the domain services never see it.
 *
 * A stored result is returned only to a caller who may still do what the
 * first request did: every role check the mutation passed (viewer.ts,
 * `authorize`) is noted here and stored with the result, and a replay runs
 * those checks again against the caller's token of now.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sql } from './sql';
import type { AccessNeeded, Viewer } from './viewer';

export interface IdempotentRequest {
  /** Who is asking now: a replay is checked against this token's hotels and roles. */
  viewer: Viewer;
  key: string;
  /** sha256 of what the request asked for (document, operation name, variables). */
  requestHash: string;
  /**
   * Reads, in the mutation's transaction, what the response shows beyond
   * the mutation's result (fields resolved on their own, such as a
   * stocktake's lines), adding them to the result about to be stored, so a
   * replay answers whole from what was stored and never mixes in later data.
   */
  capture?: (result: unknown, target: Sql) => Promise<void>;
  /** Set by the first unit of work that takes the key, so a second one in the same request cannot. */
  taken: boolean;
  /** The role checks the mutation passed, in order, as `authorize` noted them. */
  accessNeeded: AccessNeeded[];
}

const current = new AsyncLocalStorage<IdempotentRequest>();

/** Runs `work` (one mutation) under an idempotency key. */
export function withIdempotencyKey<T>(request: Omit<IdempotentRequest, 'taken' | 'accessNeeded'>, work: () => T): T {
  return current.run({ ...request, taken: false, accessNeeded: [] }, work);
}

/** The key of the mutation running now, the first time a unit of work asks; undefined otherwise. */
export function takeIdempotentRequest(): IdempotentRequest | undefined {
  const request = current.getStore();
  if (!request || request.taken) return undefined;
  request.taken = true;
  return request;
}

/** Notes a role check the mutation running under a key passed (nothing without a key). */
export function noteAccessNeeded(needed: AccessNeeded): void {
  const request = current.getStore();
  if (!request) return;
  const same = (other: AccessNeeded) =>
    other.hotel === needed.hotel &&
    other.role === needed.role &&
    other.record?.entity === needed.record?.entity &&
    other.record?.id === needed.record?.id;
  if (!request.accessNeeded.some(same)) request.accessNeeded.push(needed);
}

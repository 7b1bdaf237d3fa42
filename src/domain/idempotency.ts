/**
 * Safe retries (docs/collaboration.md, "Idempotency keys"): a mutation sent
 * with an idempotency key runs under this context, and the unit of work
 * takes the key in the mutation's own transaction. A repeat with the same
 * key and the same request gets the stored result and does nothing; a repeat
 * with other input is IDEMPOTENCY_KEY_REUSED. The transport layer says
 * which key and request; the domain services never see it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface IdempotentRequest {
  userId: string;
  key: string;
  /** sha256 of what the request asked for (document, operation name, variables). */
  requestHash: string;
  /** Set by the first unit of work that takes the key, so a second one in the same request cannot. */
  taken: boolean;
}

const current = new AsyncLocalStorage<IdempotentRequest>();

/** Runs `work` (one mutation) under an idempotency key. */
export function withIdempotencyKey<T>(request: Omit<IdempotentRequest, 'taken'>, work: () => T): T {
  return current.run({ ...request, taken: false }, work);
}

/** The key of the mutation running now, the first time a unit of work asks; undefined otherwise. */
export function takeIdempotentRequest(): IdempotentRequest | undefined {
  const request = current.getStore();
  if (!request || request.taken) return undefined;
  request.taken = true;
  return request;
}

/**
 * Errors the domain raises on purpose. Each carries the `extensions.code`
 * clients switch on (docs/operations.md, "Errors"); anything else is an
 * internal error.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'STOCKTAKE_LOCKED'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'HISTORY_EXPIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** graphql-js copies these onto the GraphQLError it wraps this in (subscriptions rely on it). */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export class BadInputError extends DomainError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string | number) {
    super('NOT_FOUND', `${entity} ${id} not found`, { entity, id: String(id) });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class LockedError extends DomainError {
  constructor(stocktakeId: number, action: string) {
    super('STOCKTAKE_LOCKED', `Stocktake ${stocktakeId} is approved; cannot ${action}`, {
      stocktakeId: String(stocktakeId),
    });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

/**
 * A dependency (the database) cannot be reached. The request was most likely
 * not carried out; if the connection broke during the commit it may have
 * been, so retry mutations with the same idempotency key.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(message = 'The service is temporarily unavailable; retry shortly') {
    super('SERVICE_UNAVAILABLE', message, { retryable: true });
  }
}

/** A catch-up from before the oldest event still kept: the client must reload instead. */
export class HistoryExpiredError extends DomainError {
  constructor(channel: string, afterSequence: number, oldestSequence: number) {
    super(
      'HISTORY_EXPIRED',
      `Events of ${channel} after ${afterSequence} are no longer kept (the oldest is ${oldestSequence}); reload the data, then follow from the latest sequence`,
      {
        channel,
        oldestSequence,
      },
    );
  }
}

/** An idempotency key the user already used for a different operation or different variables. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      `The idempotency key ${key} was already used for a different request; use a new key for a new request`,
      { idempotencyKey: key },
    );
  }
}

/**
 * The caller has spent their share for now (docs/operations.md, "Per-token budgets"): retry after
 * `retryAfterMs`. `limit` names which budget: `cost` (spending per second), `connections`,
 * `subscriptions` or `presenceSessions` (what one user may hold open; retry once one is closed).
 */
export class RateLimitedError extends DomainError {
  constructor(message: string, limit: string, retryAfterMs: number, max?: number) {
    super('RATE_LIMITED', message, {
      limit,
      retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
      retryable: true,
      ...(max === undefined ? {} : { max }),
    });
  }
}

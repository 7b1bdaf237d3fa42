/**
 * Errors the domain raises on purpose. Each carries the `extensions.code`
 * clients switch on (docs/operations.md, "Errors"); anything else is an
 * internal error.
 */
type ErrorCode =
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

/** Where a channel's history stands when a catch-up is refused: what the client follows from after reloading. */
export interface CurrentHistory {
  /** The current epoch. */
  epoch: string;
  /** The channel's latest sequence in it (0 when it has none yet). */
  sequence: number;
  /** The first sequence still kept (retention). */
  oldestSequence: number;
}

/**
 * A position the history can no longer continue from (docs/realtime.md, "Positions and epochs"): the
 * events after it were pruned, it belongs to another epoch (the database was restored or reset), or it is
 * ahead of the channel (its history went back). The client reloads its data, then follows the channel from
 * `epoch` and `sequence`.
 */
export class HistoryExpiredError extends DomainError {
  private constructor(message: string, channel: string, current: CurrentHistory) {
    super('HISTORY_EXPIRED', message, {
      channel,
      oldestSequence: current.oldestSequence,
      epoch: current.epoch,
      sequence: current.sequence,
    });
  }

  /** A catch-up from before the oldest event still kept. */
  static pruned(channel: string, afterSequence: number, current: CurrentHistory): HistoryExpiredError {
    return new HistoryExpiredError(
      `Events of ${channel} after ${afterSequence} are no longer kept (the oldest is ${current.oldestSequence}); reload the data, then follow from the latest sequence`,
      channel,
      current,
    );
  }

  /** A position of an epoch that is over: its sequences mean nothing in the current one. */
  static otherEpoch(channel: string, heldEpoch: string, current: CurrentHistory): HistoryExpiredError {
    return new HistoryExpiredError(
      `The history of ${channel} restarted: epoch ${heldEpoch} is over, the current one is ${current.epoch} (the database was restored or reset); reload the data, then follow from sequence ${current.sequence} of epoch ${current.epoch}`,
      channel,
      current,
    );
  }

  /** A sequence the channel has not reached: its history went back (a restore), or the client mixed up channels. */
  static ahead(channel: string, afterSequence: number, current: CurrentHistory): HistoryExpiredError {
    return new HistoryExpiredError(
      `afterSequence ${afterSequence} is ahead of ${channel}, which is at ${current.sequence} in epoch ${current.epoch}; reload the data, then follow from sequence ${current.sequence} of epoch ${current.epoch}`,
      channel,
      current,
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

/**
 * Errors the domain raises on purpose. Each carries the `extensions.code`
 * clients switch on (SPEC §4); anything else is an internal error.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'STOCKTAKE_LOCKED'
  | 'CONFLICT';

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
    super('STOCKTAKE_LOCKED', `Stocktake ${stocktakeId} is approved; cannot ${action}`, { stocktakeId: String(stocktakeId) });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

/**
 * Turns errors into what clients see, on every transport: domain errors keep
 * their code and details; a database that cannot be reached becomes a
 * retryable SERVICE_UNAVAILABLE that names no host; anything else unexpected
 * is logged with its stack and reported without internals (never a stack
 * trace, SQL or field suggestions in production).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors';

interface ErrorFormatterOptions {
  log: Logger;
  isProduction: boolean;
  /** Recognises failures of infrastructure (e.g. the database is down) as a domain error to report instead. */
  translate?: (error: unknown) => DomainError | null;
}

/** graphql-js appends `Did you mean "…"?` to unknown names: that reveals the schema when introspection is off. */
const SUGGESTION = /\s*Did you mean .+\?$/;

export function createErrorFormatter({ log, isProduction, translate }: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const domain = original instanceof DomainError ? original : (translate?.(original) ?? null);
    if (domain) {
      if (domain !== original) log.warn({ err: original, path: formatted.path }, domain.message);
      return {
        message: domain.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: domain.code, ...domain.details },
      };
    }
    const code = formatted.extensions?.code;
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
      if (isProduction)
        return {
          message: 'Internal server error',
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
    }
    // A stack says nothing about a refused request; only internal errors keep theirs, and only in development.
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    if (!isProduction) return code === 'INTERNAL_SERVER_ERROR' && stacktrace ? formatted : { ...formatted, extensions };
    return { ...formatted, message: formatted.message.replace(SUGGESTION, ''), extensions };
  };
}

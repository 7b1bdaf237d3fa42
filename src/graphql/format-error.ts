/**
 * Turns errors into what clients see: domain errors keep their code and
 * details; anything unexpected is logged and reported without internals
 * (never a stack trace in production).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../domain/errors';
import type { Logger } from '../infrastructure/logger';

export function createErrorFormatter(log: Logger, isProduction: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...original.details } };
    }
    const code = formatted.extensions?.code;
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
      if (isProduction) return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    if (isProduction && formatted.extensions?.stacktrace) {
      const { stacktrace: _omitted, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };
}

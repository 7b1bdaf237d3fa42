/**
 * Recognises "the database cannot be reached" among the errors the driver
 * and the pool raise (refused or dropped connections, a server shutting
 * down or starting up, a pool that cannot hand out a connection), so that
 * clients get a retryable SERVICE_UNAVAILABLE instead of an internal error
 * that names the database host.
 */
import { ServiceUnavailableError } from '../../domain/errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up), 53300 (too many connections). */
const SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
// "timeout expired": node-postgres' handshake took longer than connectionTimeoutMillis (a server, or this instance's
// own event loop, too busy to complete it).
const MESSAGES =
  /Connection terminated|Connection ended|connection timeout|^timeout expired$|Timeout acquiring a connection|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, previous, originalError, thrownValue } = error as Record<string, unknown>;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  // graphql-js wraps a thrown value that is not an Error (another realm's, say) as NonErrorThrown.thrownValue.
  return [cause, previous, originalError, thrownValue].some(
    (inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1),
  );
}

export function translateDatabaseErrors(error: unknown): ServiceUnavailableError | null {
  return isDatabaseUnavailable(error)
    ? new ServiceUnavailableError('The database cannot be reached right now; retry shortly')
    : null;
}

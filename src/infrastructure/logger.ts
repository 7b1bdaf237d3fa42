/**
 * Structured JSON logs on stderr (pino), filtered by LOG_LEVEL. Errors go
 * under the `err` key, which pino serialises with their type, message and
 * stack. A line logged while an HTTP request's work runs carries its
 * `requestId` (request-context.ts). Everything that logs takes a pino `Logger`, so tests pass
 * `silentLogger` and the server passes the configured one.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';
import { currentRequestId } from './request-context';

export type { Logger };

export function createLogger(
  level: LogLevel,
  destination: DestinationStream = pino.destination({ dest: 2, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

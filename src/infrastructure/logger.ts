/**
 * Structured JSON logs on stderr (pino), filtered by LOG_LEVEL. Errors go
 * under the `err` key, which pino serialises with their type, message and
 * stack. Everything that logs takes a pino `Logger`, so tests pass
 * `silentLogger` and the server passes the configured one.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

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
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

/** One-line structured logs on stderr, filtered by LOG_LEVEL. */
import type { LogLevel } from './config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export function createLogger(minimum: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Log {
  return (level, message, fields) => {
    if (ORDER[level] < ORDER[minimum]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  };
}

export const silentLog: Log = () => undefined;

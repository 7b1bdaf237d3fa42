/** Structured logging hook; the app passes its own logger, the default discards everything. */
export type PusherLogLevel = 'debug' | 'info' | 'warn' | 'error';

export type PusherLogger = (level: PusherLogLevel, message: string, fields?: Record<string, unknown>) => void;

export const silentLogger: PusherLogger = () => undefined;

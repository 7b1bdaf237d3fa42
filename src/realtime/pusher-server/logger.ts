/** The server logs through pino; without a logger it logs nothing. */
import pino, { type Logger } from 'pino';

/** A pino logger; the server logs with `pusher-server:` messages and structured fields. */
export type PusherLogger = Logger;

/** The default: logs nothing. */
export const silentLogger: PusherLogger = pino({ level: 'silent' });

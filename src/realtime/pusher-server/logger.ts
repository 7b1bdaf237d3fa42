/** The server logs through pino; without a logger it logs nothing. */
import pino, { type Logger } from 'pino';

export type PusherLogger = Logger;

export const silentLogger: PusherLogger = pino({ level: 'silent' });

/**
 * The `pusher` SDK configured for reliable publishing: a request timeout
 * (the SDK has none by default, so a stuck connection would hang forever)
 * and a keep-alive agent (reusing connections saves a TCP/TLS handshake per
 * request).
 */
import http from 'node:http';
import https from 'node:https';
import Pusher from 'pusher';

export interface PusherCredentials {
  appId: string;
  key: string;
  secret: string;
  cluster?: string;
  host?: string;
  port?: number;
  useTLS: boolean;
}

export const PUSHER_REQUEST_TIMEOUT_MS = 5_000;

export function createPusherClient(credentials: PusherCredentials, timeoutMs = PUSHER_REQUEST_TIMEOUT_MS): Pusher {
  const agent = credentials.useTLS ? new https.Agent({ keepAlive: true, maxSockets: 8 }) : new http.Agent({ keepAlive: true, maxSockets: 8 });
  return new Pusher({
    appId: credentials.appId,
    key: credentials.key,
    secret: credentials.secret,
    ...(credentials.host ? { host: credentials.host } : { cluster: credentials.cluster ?? 'mt1' }),
    ...(credentials.port !== undefined ? { port: String(credentials.port) } : {}),
    useTLS: credentials.useTLS,
    timeout: timeoutMs,
    agent,
  });
}

/**
 * Authenticates an HTTP API request: the app id in the path, then the signed query (key,
 * timestamp window, body_md5, HMAC) exactly as the hosted service checks it.
 */
import type { Request } from 'express';
import { truncate } from '../../pusher-limits';
import type { PusherLogger } from '../logger';
import { parseRawQuery, verifySignedRequest, type QueryPair, type SigningCredentials } from '../signature';
import { HttpError } from './errors';

export interface AppCredentials extends SigningCredentials {
  appId: string;
}

/** A request that passed authentication: its raw body and its query with lower-cased keys. */
interface AuthenticatedRequest {
  body: Buffer;
  query: Map<string, string>;
}

/** Throws HttpError 404 for another app id and 401 (with the hosted service's text) for a bad signature. */
export function authenticate(req: Request, app: AppCredentials, log: PusherLogger): AuthenticatedRequest {
  if (req.params.appId !== app.appId) {
    throw new HttpError(404, `Unknown app_id: ${truncate(String(req.params.appId), 40)}`);
  }
  // The signature covers the path and query exactly as sent, not Express's decoded view.
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const pairs: QueryPair[] = q === -1 ? [] : parseRawQuery(url.slice(q + 1));
  const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const result = verifySignedRequest({ method: req.method, path, query: pairs, body }, app);
  if (!result.ok) {
    log.warn({ path, reason: truncate(result.message, 200) }, 'pusher-server: rejected HTTP API request');
    throw new HttpError(401, result.message);
  }
  const query = new Map<string, string>();
  for (const [key, value] of pairs) query.set(key.toLowerCase(), value);
  return { body, query };
}

/**
 * Pusher's two signatures, checked the way the hosted service checks them: the signed query of
 * every HTTP API request, and the channel authorization a client presents when it subscribes to
 * a private or presence channel (see docs/pusher-server.md).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { LIMITS } from '../pusher-limits';

/** Hex HMAC-SHA256 of `message` keyed with `secret`: every Pusher signature is one of these. */
export function hmacSha256Hex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** Hex MD5 of a request body, as sent in `body_md5`. */
export function md5Hex(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}

/**
 * Constant-time string comparison. Hashing both sides first gives equal-length inputs for
 * timingSafeEqual, so not even the length of the expected value leaks through timing.
 */
function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/** One query parameter, in wire order (repeated keys are kept). */
export type QueryPair = [key: string, value: string];

/**
 * Splits a raw query string into pairs, decoding percent-escapes only. The Node SDK sends values
 * unescaped (commas, '+' and all), so form-decoding '+' as a space would break its signatures.
 */
export function parseRawQuery(rawQuery: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([percentDecode(rawKey), percentDecode(rawValue)]);
  }
  return pairs;
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape cannot have been signed by a real SDK; keep the raw text so the
    // signature check (not a decode exception) is what rejects the request.
    return value;
  }
}

/** "METHOD\nPATH\nk=v&k=v" with lower-cased keys, sorted, auth_signature excluded, unescaped. */
export function stringToSign(method: string, path: string, query: QueryPair[]): string {
  const params = query
    .map(([k, v]): QueryPair => [k.toLowerCase(), v])
    .filter(([k]) => k !== 'auth_signature')
    // Array.prototype.sort is stable, so repeated keys keep their wire order.
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${method.toUpperCase()}\n${path}\n${params}`;
}

/** The parts of an HTTP API request that its signature covers. */
interface SignedRequest {
  method: string;
  /** Path exactly as it appeared on the request line (before '?'). */
  path: string;
  query: QueryPair[];
  /** Raw body bytes; empty when the request had no body. */
  body: Buffer;
}

/** The app key and secret both signatures are made with. */
export interface SigningCredentials {
  key: string;
  secret: string;
}

type VerifyResult = { ok: true } | { ok: false; message: string };

/** Verifies a signed HTTP API request the way the hosted service does; messages mimic its 401 bodies. */
export function verifySignedRequest(
  request: SignedRequest,
  credentials: SigningCredentials,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): VerifyResult {
  const params = new Map<string, string>();
  for (const [k, v] of request.query) params.set(k.toLowerCase(), v);

  for (const required of ['auth_key', 'auth_timestamp', 'auth_version', 'auth_signature']) {
    if (!params.has(required)) {
      return { ok: false, message: `Missing authentication parameter: ${required}` };
    }
  }

  if (!safeEqual(params.get('auth_key')!, credentials.key)) {
    return { ok: false, message: 'Unknown auth_key' };
  }

  if (params.get('auth_version') !== '1.0') {
    return { ok: false, message: `Unsupported auth_version: '${params.get('auth_version')}' (expected 1.0)` };
  }

  const timestampText = params.get('auth_timestamp')!;
  const timestamp = /^\d+$/.test(timestampText) ? Number(timestampText) : NaN;
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > LIMITS.timestampWindowSeconds) {
    return {
      ok: false,
      message:
        `Timestamp expired: Given timestamp (${formatTimestamp(timestampText)}) not within ` +
        `${LIMITS.timestampWindowSeconds}s of server time (${isoSeconds(nowSeconds)})`,
    };
  }

  if (request.body.length > 0) {
    const given = params.get('body_md5');
    const actual = md5Hex(request.body);
    if (given === undefined) {
      return {
        ok: false,
        message: 'Missing authentication parameter: body_md5 (required when the request has a body)',
      };
    }
    if (!safeEqual(given.toLowerCase(), actual)) {
      return {
        ok: false,
        message: `Invalid body_md5: the MD5 of the request body is ${actual}, but you sent ${given}`,
      };
    }
  }

  const expectedInput = stringToSign(request.method, request.path, request.query);
  const expected = hmacSha256Hex(credentials.secret, expectedInput);
  const given = params.get('auth_signature')!;
  if (!safeEqual(given.toLowerCase(), expected)) {
    // Same shape as the hosted service: it shows the string to sign, never the expected digest.
    return {
      ok: false,
      message:
        `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(expectedInput)}, your_secret_key), ` +
        `but you sent ${JSON.stringify(given)}`,
    };
  }
  return { ok: true };
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function formatTimestamp(text: string): string {
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) && n < 1e11 ? isoSeconds(n) : text.slice(0, 40);
}

/** The string a channel auth signature covers: presence channels also sign the exact channel_data text. */
function channelAuthStringToSign(socketId: string, channel: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
}

/** The hex signature an auth endpoint puts after `key:` in a channel authorization. */
export function channelAuthSignature(secret: string, socketId: string, channel: string, channelData?: string): string {
  return hmacSha256Hex(secret, channelAuthStringToSign(socketId, channel, channelData));
}

type ChannelAuthResult = { ok: true } | { ok: false; message: string };

/**
 * Checks `auth = "<key>:<hex hmac>"` from a pusher:subscribe frame. Error texts follow the
 * hosted service so client logs look the same as in production.
 */
export function verifyChannelAuth(
  credentials: SigningCredentials,
  socketId: string,
  channel: string,
  auth: unknown,
  channelData?: string,
): ChannelAuthResult {
  if (typeof auth !== 'string' || auth.indexOf(':') <= 0) {
    return {
      ok: false,
      message: `Auth value for subscription to ${channel} is invalid: should be of format 'key:signature'`,
    };
  }
  const sep = auth.indexOf(':');
  const key = auth.slice(0, sep);
  const signature = auth.slice(sep + 1);
  if (!safeEqual(key, credentials.key)) {
    return { ok: false, message: `Invalid key in subscription auth data: '${key.slice(0, 64)}'` };
  }
  const signed = channelAuthStringToSign(socketId, channel, channelData);
  if (!safeEqual(signature.toLowerCase(), hmacSha256Hex(credentials.secret, signed))) {
    return {
      ok: false,
      message: `Invalid signature: Expected HMAC SHA256 hex digest of ${signed}, but got ${signature.slice(0, 128)}`,
    };
  }
  return { ok: true };
}

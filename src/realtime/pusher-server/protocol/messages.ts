/**
 * The vocabulary of Pusher WebSocket protocol 7 as this server speaks it: closed sets of event
 * names and close codes, typed payloads for what the server sends, the encoder that turns them
 * into text frames, and the parser for what clients send. No transport and no state.
 */

/** The only protocol version pusher-js 8 speaks; older protocols have different semantics. */
export const PROTOCOL_VERSION = 7;

/** Every event name the server sends or understands. Channel events published over HTTP are not here. */
export const PusherEvent = {
  ConnectionEstablished: 'pusher:connection_established',
  Error: 'pusher:error',
  Ping: 'pusher:ping',
  Pong: 'pusher:pong',
  Subscribe: 'pusher:subscribe',
  Unsubscribe: 'pusher:unsubscribe',
  /** User sign-in: understood only to refuse it. */
  Signin: 'pusher:signin',
  SubscriptionSucceeded: 'pusher_internal:subscription_succeeded',
  MemberAdded: 'pusher_internal:member_added',
  MemberRemoved: 'pusher_internal:member_removed',
  /** Not sent by real Pusher; see `subscriptionRejectedMessages`. */
  SubscriptionError: 'pusher:subscription_error',
} as const;
export type PusherEvent = (typeof PusherEvent)[keyof typeof PusherEvent];

/** Client events (`client-…`) are recognised by this prefix and refused. */
export const CLIENT_EVENT_PREFIX = 'client-';

/**
 * Close codes the server uses. pusher-js stops on 4000-4099 ("refused"), retries after a backoff
 * on 4100-4199, reconnects at once on 4200-4299, and reconnects normally below 4000.
 */
export const CloseCode = {
  /** Server shutting down: pusher-js reconnects after about a second. */
  GoingAway: 1001,
  UnknownAppKey: 4001,
  /** The `protocol` query parameter is not a number. */
  InvalidVersionFormat: 4006,
  UnsupportedProtocolVersion: 4007,
  NoProtocolVersion: 4008,
  /** Over capacity (a connection quota, quotas.ts): pusher-js reconnects after a backoff. */
  OverCapacity: 4100,
  /** Generic "reconnect now": pusher-js opens a new connection (new socket_id) at once. */
  Reconnect: 4200,
  PongTimeout: 4201,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export interface PresenceSnapshot {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

/** The JSON payload (before double encoding) of each protocol event the server sends. */
interface OutboundPayloads {
  [PusherEvent.ConnectionEstablished]: { socket_id: string; activity_timeout: number };
  [PusherEvent.Error]: { code: number | null; message: string };
  [PusherEvent.Ping]: Record<string, never>;
  [PusherEvent.Pong]: Record<string, never>;
  [PusherEvent.SubscriptionSucceeded]: { presence?: PresenceSnapshot };
  [PusherEvent.MemberAdded]: { user_id: string; user_info: unknown };
  [PusherEvent.MemberRemoved]: { user_id: string };
  /** `LimitReached` when a quota refused the channel (quotas.ts), `AuthError` for everything else. */
  [PusherEvent.SubscriptionError]: { type: 'AuthError' | 'LimitReached'; error: string };
}
type OutboundEvent = keyof OutboundPayloads;

/**
 * Encodes a protocol event. Server→client frames always carry `data` as a string holding JSON
 * ("double encoding"); key order is event, channel, data, as the hosted service sends it.
 */
export function encodeProtocolEvent<E extends OutboundEvent>(
  event: E,
  payload: OutboundPayloads[E],
  channel?: string,
): string {
  return encodeChannelEvent(event, JSON.stringify(payload), channel);
}

/** Encodes an event whose `data` is already the string to send (events published over HTTP). */
export function encodeChannelEvent(event: string, data: string, channel?: string): string {
  return JSON.stringify(channel === undefined ? { event, data } : { event, channel, data });
}

/** A connection-level `pusher:error`; the hosted service sends `code: null` for everything but close codes. */
export function encodeError(message: string, code: number | null = null): string {
  return encodeProtocolEvent(PusherEvent.Error, { code, message });
}

/** A message as a client sent it: only `event` is known to be a string. */
export interface InboundMessage {
  event: string;
  data: unknown;
  channel: unknown;
}

type ParsedInbound = { ok: true; message: InboundMessage } | { ok: false; error: string };

/** Parses one inbound text frame; the error is the text of the `pusher:error` to answer with. */
export function parseInbound(text: string): ParsedInbound {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Invalid JSON: could not parse the message' };
  }
  if (!isRecord(value) || typeof value.event !== 'string') {
    return { ok: false, error: "Invalid message: expected a JSON object with a string 'event'" };
  }
  return { ok: true, message: { event: value.event, data: value.data, channel: value.channel } };
}

/** pusher-js sends subscribe data as an object; tolerate clients that double-encode it. */
export function decodeData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Close reasons are limited to 123 bytes by RFC 6455 (ws throws on longer ones). */
export function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

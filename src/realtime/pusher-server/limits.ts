/**
 * Pusher's published limits and naming rules (see docs/pusher-reference.md §1.5, §3.2).
 *
 * The values mirror the hosted multi-tenant service rather than the more lenient defaults of
 * soketi/Reverb, so anything that passes against this server also passes against real Pusher.
 */

export const LIMITS = {
  /** Bytes of the `data` string of one event; the hosted service answers 413 above this. */
  defaultMaxEventBytes: 10240,
  maxChannelsPerEvent: 100,
  maxBatchEvents: 10,
  /** Pusher documents 164 characters including the prefix (the SDK allows 200; we follow the service). */
  maxChannelNameLength: 164,
  maxEventNameLength: 200,
  /** Signed HTTP requests older or newer than this are rejected with 401. */
  timestampWindowSeconds: 600,
  maxPresenceMembers: 100,
  maxPresenceUserInfoBytes: 1024,
  maxPresenceUserIdLength: 128,
  /** Upper bound on a raw HTTP body; a full batch is ~10 × 10 KB plus JSON overhead. */
  maxHttpBodyBytes: 512 * 1024,
  /** Upper bound on an inbound WebSocket frame; clients only send small control frames. */
  maxWebSocketFrameBytes: 64 * 1024,
} as const;

/** The only protocol version pusher-js 8 speaks; older protocols have different semantics. */
export const SUPPORTED_PROTOCOL = 7;

export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]+$/;
export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;

export function isPresenceChannel(channel: string): boolean {
  return channel.startsWith('presence-');
}

/** `private-encrypted-` channels are private too: same auth, the server never sees plaintext. */
export function isPrivateChannel(channel: string): boolean {
  return channel.startsWith('private-');
}

export function requiresAuth(channel: string): boolean {
  return isPrivateChannel(channel) || isPresenceChannel(channel);
}

export function isEncryptedChannel(channel: string): boolean {
  return channel.startsWith('private-encrypted-');
}

/** Returns a Pusher-style error message, or null when the name is acceptable. */
export function channelNameError(channel: unknown): string | null {
  if (typeof channel !== 'string' || channel.length === 0) {
    return 'Channel names must be non-empty strings';
  }
  if (channel.length > LIMITS.maxChannelNameLength) {
    return `Channel name too long: '${truncate(channel, 40)}' is ${channel.length} characters (maximum ${LIMITS.maxChannelNameLength})`;
  }
  if (!CHANNEL_NAME_PATTERN.test(channel)) {
    return `Invalid channel name: '${truncate(channel, 40)}' (allowed characters: A-Z a-z 0-9 _ - = @ , . ;)`;
  }
  return null;
}

export function eventNameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) {
    return 'Expected name parameter to be a string';
  }
  if (name.length > LIMITS.maxEventNameLength) {
    return `Event name too long: ${name.length} characters (maximum ${LIMITS.maxEventNameLength})`;
  }
  return null;
}

export function socketIdError(socketId: unknown): string | null {
  if (typeof socketId !== 'string' || !SOCKET_ID_PATTERN.test(socketId)) {
    return `Invalid socket_id: '${truncate(String(socketId), 40)}'`;
  }
  return null;
}

export function dataTooLargeMessage(maxEventBytes: number): string {
  return (
    `The data content of this event exceeds the allowed maximum (${maxEventBytes} bytes). ` +
    'See https://pusher.com/docs/channels/server_api/http-api#publishing-events for more info'
  );
}

/** Keeps client-supplied strings from bloating error bodies and logs. */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

/**
 * Pusher's published limits and naming rules, defined once for everything that talks to Pusher:
 * the relay checks events against them before publishing, the built-in server enforces them,
 * and the /pusher/auth route validates socket ids with them.
 *
 * The values mirror the hosted multi-tenant service rather than the more lenient defaults of
 * other compatible servers, so anything that passes here also passes against real Pusher
 * (see docs/pusher-server.md, "Limits").
 */

export const LIMITS = {
  /**
   * Bytes of the `data` string of one event; the hosted service answers 413 above this. Dedicated
   * clusters may allow more, and the built-in server can be configured differently.
   */
  defaultMaxEventBytes: 10_240,
  /** Channels named by one POST /events. */
  maxChannelsPerEvent: 100,
  /** Events in one POST /batch_events. */
  maxBatchEvents: 10,
  /** Pusher documents 164 characters including the prefix (the SDK allows 200; we follow the service). */
  maxChannelNameLength: 164,
  maxEventNameLength: 200,
  /** Signed HTTP requests older or newer than this are rejected with 401. */
  timestampWindowSeconds: 600,
  /** Distinct users (not connections) in one presence channel. */
  maxPresenceMembers: 100,
  /** Bytes of one member's JSON `user_info`. */
  maxPresenceUserInfoBytes: 1_024,
  maxPresenceUserIdLength: 128,
} as const;

const CHANNEL_NAME_CHARACTER = '[A-Za-z0-9_\\-=@,.;]';

/** A whole valid channel name: 1..164 of the allowed characters (`#` is reserved by Pusher). */
export const CHANNEL_NAME_PATTERN = new RegExp(`^${CHANNEL_NAME_CHARACTER}{1,${LIMITS.maxChannelNameLength}}$`);

/** Pusher socket ids are "digits.digits"; the server SDKs refuse anything else. */
export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;

/** Channel name prefixes that change a channel's behaviour. */
const CHANNEL_PREFIX = {
  private: 'private-',
  /** Private too (same auth); the server only ever sees ciphertext. */
  encrypted: 'private-encrypted-',
  presence: 'presence-',
} as const;

export function isPresenceChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX.presence);
}

/** `private-encrypted-` channels are private too: same auth, the server never sees plaintext. */
function isPrivateChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX.private);
}

/** Private and presence channels need a signed `auth` to subscribe. */
export function requiresAuth(channel: string): boolean {
  return isPrivateChannel(channel) || isPresenceChannel(channel);
}

export function isEncryptedChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX.encrypted);
}

/** Returns a Pusher-style error message, or null when the name is acceptable. */
export function channelNameError(channel: unknown): string | null {
  if (typeof channel !== 'string' || channel.length === 0) {
    return 'Channel names must be non-empty strings';
  }
  if (channel.length > LIMITS.maxChannelNameLength) {
    return (
      `Channel name too long: '${truncate(channel, 40)}' is ${channel.length} characters ` +
      `(maximum ${LIMITS.maxChannelNameLength})`
    );
  }
  if (!CHANNEL_NAME_PATTERN.test(channel)) {
    return `Invalid channel name: '${truncate(channel, 40)}' (allowed characters: A-Z a-z 0-9 _ - = @ , . ;)`;
  }
  return null;
}

/** Returns a Pusher-style error message, or null when the event name is acceptable. */
export function eventNameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) {
    return 'Expected name parameter to be a string';
  }
  if (name.length > LIMITS.maxEventNameLength) {
    return `Event name too long: ${name.length} characters (maximum ${LIMITS.maxEventNameLength})`;
  }
  return null;
}

/** Returns a Pusher-style error message, or null when the socket id is acceptable. */
export function socketIdError(socketId: unknown): string | null {
  if (typeof socketId !== 'string' || !SOCKET_ID_PATTERN.test(socketId)) {
    return `Invalid socket_id: '${truncate(String(socketId), 40)}'`;
  }
  return null;
}

/** The hosted service's 413 body for an event whose `data` is over `maxEventBytes`. */
export function dataTooLargeMessage(maxEventBytes: number): string {
  return (
    `The data content of this event exceeds the allowed maximum (${maxEventBytes} bytes). ` +
    'See https://pusher.com/docs/channels/server_api/http-api#publishing-events for more info'
  );
}

/** Shortens client-supplied text quoted in error messages and logs. */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

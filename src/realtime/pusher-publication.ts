/**
 * What Pusher subscribers get for a committed event, whoever hands it over:
 * the relay publishing to Pusher, or the built-in endpoint feeding its own
 * sockets (built-in-pusher-feed.ts). One event becomes one payload, or the
 * parts of one that splits to fit (bulk-lines-updated), or its slim form
 * (`refetch: true`) when neither fits, on the Pusher channel of its family
 * (docs/realtime.md, "Pusher payloads").
 */
import { pusherChannelName, pusherPayloadParts, slimPusherPayload, type ChannelPrefixes } from './event-catalog';
import type { StoredEvent } from './outbox/stored-event';
import { CHANNEL_NAME_PATTERN, LIMITS } from './pusher-limits';

/** Bytes of one event's `data`: hosted Pusher's limit. */
const PUSHER_MAX_EVENT_BYTES = LIMITS.defaultMaxEventBytes;

interface PusherPublication {
  /** The Pusher channel name, with its family's prefix. */
  channel: string;
  name: string;
  /** One payload, or the parts of an event that is split to fit. */
  data: string[];
  slimmed: boolean;
}

/** The bytes Pusher gets for `event`, or why it can never be sent. */
export function pusherPublication(
  event: StoredEvent,
  prefixes: ChannelPrefixes,
  options: { slim?: boolean; maxBytes?: number } = {},
): PusherPublication | { refusal: string } {
  const maxBytes = options.maxBytes ?? PUSHER_MAX_EVENT_BYTES;
  const channel = pusherChannelName(event.channel, prefixes);
  if (!CHANNEL_NAME_PATTERN.test(channel)) return { refusal: `invalid Pusher channel name "${channel}"` };
  if (!options.slim) {
    const parts = pusherPayloadParts(event, maxBytes);
    if (parts) return { channel, name: event.name, data: parts, slimmed: false };
  }
  const slim = JSON.stringify(slimPusherPayload(event));
  if (Buffer.byteLength(slim) <= maxBytes) return { channel, name: event.name, data: [slim], slimmed: true };
  return { refusal: `payload is ${Buffer.byteLength(slim)} bytes even in slim form (limit ${maxBytes})` };
}

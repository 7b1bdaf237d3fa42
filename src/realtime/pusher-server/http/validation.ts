/**
 * Validation of HTTP API input against Pusher's rules, with the hosted service's 400/413 texts:
 * one event of POST /events, a POST /batch_events body, and the `info` parameter.
 */
import {
  LIMITS,
  channelNameError,
  dataTooLargeMessage,
  eventNameError,
  isEncryptedChannel,
  socketIdError,
} from '../../pusher-limits';
import { isRecord } from '../protocol/messages';
import { HttpError } from './errors';

/** An event that passed validation, ready to fan out. */
export interface ValidEvent {
  name: string;
  data: string;
  /** Distinct, in request order. */
  channels: string[];
  /** The connection that must not receive the event. */
  socketId?: string;
  /** Requested `info` attributes. */
  info: Set<string>;
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** The comma-separated `info` parameter as a set of attribute names. */
export function parseInfo(info: unknown): Set<string> {
  if (info === undefined || info === null) return new Set();
  if (typeof info !== 'string') throw new HttpError(400, 'Expected info parameter to be a comma-separated string');
  return new Set(
    info
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
}

/** Validates a /batch_events body; all-or-nothing, like the hosted service: one bad item rejects the request. */
export function validateBatch(body: unknown, maxEventBytes: number): ValidEvent[] {
  if (!isRecord(body) || !Array.isArray(body.batch)) {
    throw new HttpError(400, 'Expected batch parameter to be an array of events');
  }
  const batch: unknown[] = body.batch;
  if (batch.length === 0) throw new HttpError(400, 'Batch must contain at least one event');
  if (batch.length > LIMITS.maxBatchEvents) {
    throw new HttpError(400, `Batch too large: ${batch.length} events (maximum ${LIMITS.maxBatchEvents} per request)`);
  }
  return batch.map((item, index) => {
    try {
      return validateEvent(item, 'batch', maxEventBytes);
    } catch (error) {
      if (error instanceof HttpError && error.status === 400) {
        throw new HttpError(400, `Batch event ${index}: ${error.message}`);
      }
      throw error;
    }
  });
}

/** Validates one event of /events (1..100 `channels` or one `channel`) or one batch item (`channel` only). */
export function validateEvent(raw: unknown, mode: 'events' | 'batch', maxEventBytes: number): ValidEvent {
  if (!isRecord(raw)) throw new HttpError(400, 'Expected the event to be a JSON object');

  const nameError = eventNameError(raw.name);
  if (nameError || typeof raw.name !== 'string') throw new HttpError(400, nameError ?? 'Invalid name');
  const name = raw.name;

  if (typeof raw.data !== 'string') throw new HttpError(400, 'Expected data parameter to be a string');
  const data = raw.data;
  if (Buffer.byteLength(data, 'utf8') > maxEventBytes) throw new HttpError(413, dataTooLargeMessage(maxEventBytes));

  const channels = validateChannels(mode === 'batch' ? batchItemChannels(raw) : eventChannels(raw));

  let socketId: string | undefined;
  if (raw.socket_id !== undefined && raw.socket_id !== null) {
    const error = socketIdError(raw.socket_id);
    if (error || typeof raw.socket_id !== 'string') throw new HttpError(400, error ?? 'Invalid socket_id');
    socketId = raw.socket_id;
  }

  return { name, data, channels: [...new Set(channels)], socketId, info: parseInfo(raw.info) };
}

/** /events takes `channels` (an array) or `channel`, not both. */
function eventChannels(raw: Record<string, unknown>): unknown[] {
  if (raw.channels !== undefined && raw.channel !== undefined) {
    throw new HttpError(400, 'Specify either channel or channels, not both');
  }
  if (raw.channels !== undefined) {
    if (!Array.isArray(raw.channels)) throw new HttpError(400, 'Expected channels parameter to be an array');
    return raw.channels;
  }
  if (raw.channel !== undefined) return [raw.channel];
  throw new HttpError(400, 'Missing channels parameter');
}

/** A batch item names exactly one `channel`. */
function batchItemChannels(raw: Record<string, unknown>): unknown[] {
  if (raw.channels !== undefined) {
    throw new HttpError(400, 'Batch events take a single channel parameter, not channels');
  }
  if (raw.channel === undefined) throw new HttpError(400, 'Missing channel parameter');
  return [raw.channel];
}

function validateChannels(channels: unknown[]): string[] {
  if (channels.length === 0) throw new HttpError(400, 'Expected at least one channel');
  if (channels.length > LIMITS.maxChannelsPerEvent) {
    throw new HttpError(400, `Too many channels: ${channels.length} (maximum ${LIMITS.maxChannelsPerEvent} per event)`);
  }
  const names: string[] = [];
  for (const channel of channels) {
    const error = channelNameError(channel);
    if (error || typeof channel !== 'string') throw new HttpError(400, error ?? 'Invalid channel');
    names.push(channel);
  }
  if (names.length > 1 && names.some(isEncryptedChannel)) {
    throw new HttpError(400, 'Cannot trigger an event on multiple channels when one of them is an encrypted channel');
  }
  return names;
}

/**
 * Pusher Channels HTTP API (reference §1): publish and query endpoints with the hosted service's
 * signing, limits, status codes and plain-text error bodies.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ChannelRegistry } from './channel-registry';
import {
  LIMITS,
  channelNameError,
  dataTooLargeMessage,
  eventNameError,
  isEncryptedChannel,
  isPresenceChannel,
  socketIdError,
  truncate,
} from './limits';
import type { PusherLogger } from './logger';
import { parseRawQuery, verifySignedRequest, type QueryPair } from './signature';

export interface HttpApiDeps {
  appId: string;
  key: string;
  secret: string;
  /** Read per request so a fault override can lower it at runtime. */
  maxEventBytes: () => number;
  registry: ChannelRegistry<unknown>;
  /** Fans an event out to a channel's subscribers, skipping `exceptSocketId`. */
  publish: (channel: string, name: string, data: string, exceptSocketId?: string) => number;
  /** Runs first for every publish request, before it is authenticated (a seam for tests to play the network). */
  beforePublish?: RequestHandler;
  /** Told of every accepted publish request, after its events were fanned out. */
  onPublished?: PublishObserver;
  log: PusherLogger;
}

export type PublishEndpoint = 'events' | 'batch_events';

/** The events of one accepted publish request, as sent. */
export type PublishedEvents = Array<{ name: string; data: string; channels: string[]; socketId?: string }>;

export type PublishObserver = (endpoint: PublishEndpoint, events: PublishedEvents) => void;

export interface HttpApi {
  router: Router;
}

/** What a handler sees after the body was read and the signature verified. */
interface Verified {
  body: Buffer;
  query: Map<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface ValidEvent {
  name: string;
  data: string;
  channels: string[];
  socketId?: string;
  info: Set<string>;
}

function sendText(res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.status(status).type('text/plain').send(text);
}

export function createHttpApi(deps: HttpApiDeps): HttpApi {
  const router = express.Router();

  // Parsed per route (not router-wide) so mounting this router at the app root never consumes
  // the body of some other route such as /graphql.
  const rawParser = express.raw({ type: () => true, limit: LIMITS.maxHttpBodyBytes });
  const readRawBody: RequestHandler = (req, res, next) => {
    rawParser(req, res, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: number }).status;
        if (status === 413) sendText(res, 413, `Request body too large (maximum ${LIMITS.maxHttpBodyBytes} bytes)`);
        else sendText(res, 400, 'Could not read the request body');
        return;
      }
      next();
    });
  };

  const beforePublish: RequestHandler[] = deps.beforePublish ? [deps.beforePublish] : [];

  const authenticate = (req: Request, res: Response): Verified | undefined => {
    if (req.params.appId !== deps.appId) {
      sendText(res, 404, `Unknown app_id: ${truncate(String(req.params.appId), 40)}`);
      return undefined;
    }
    // The signature covers the path and query exactly as sent, not Express's decoded view.
    const url = req.originalUrl;
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const pairs: QueryPair[] = q === -1 ? [] : parseRawQuery(url.slice(q + 1));
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = verifySignedRequest({ method: req.method, path, query: pairs, body }, deps);
    if (!result.ok) {
      deps.log.warn({ path, reason: truncate(result.message, 200) }, 'pusher-server: rejected HTTP API request');
      sendText(res, 401, result.message);
      return undefined;
    }
    const query = new Map<string, string>();
    for (const [k, v] of pairs) query.set(k.toLowerCase(), v);
    return { body, query };
  };

  /** Express 5 would forward thrown errors to the app's handler, which prints stacks in development. */
  const handle =
    (fn: (req: Request, res: Response, verified: Verified) => void): RequestHandler =>
    (req: Request, res: Response, _next: NextFunction) => {
      try {
        const verified = authenticate(req, res);
        if (verified) fn(req, res, verified);
      } catch (error) {
        if (error instanceof HttpError) {
          sendText(res, error.status, error.message);
        } else {
          deps.log.error({
            error: error instanceof Error ? error.message : String(error),
          }, 'pusher-server: HTTP API handler failed');
          sendText(res, 500, 'Internal Server Error');
        }
      }
    };

  const deliver = (endpoint: PublishEndpoint, events: ValidEvent[]): void => {
    const record: PublishedEvents = [];
    for (const event of events) {
      for (const channel of event.channels) deps.publish(channel, event.name, event.data, event.socketId);
      record.push({
        name: event.name,
        data: event.data,
        channels: event.channels,
        ...(event.socketId !== undefined ? { socketId: event.socketId } : {}),
      });
    }
    deps.onPublished?.(endpoint, record);
    deps.log.debug({
      endpoint,
      events: events.length,
      channels: events.reduce((n, e) => n + e.channels.length, 0),
    }, 'pusher-server: published');
  };

  /** Publish `info` attributes: only what applies to the channel type, never an error. */
  const publishAttributes = (channel: string, info: Set<string>): Record<string, number> => {
    const attrs: Record<string, number> = {};
    if (info.has('user_count') && isPresenceChannel(channel)) attrs.user_count = deps.registry.userCount(channel);
    if (info.has('subscription_count')) attrs.subscription_count = deps.registry.subscriptionCount(channel);
    return attrs;
  };

  router.post(
    '/apps/:appId/events',
    readRawBody,
    ...beforePublish,
    handle((_req, res, { body }) => {
      const event = validateEvent(parseJson(body), 'events', deps.maxEventBytes());
      deliver('events', [event]);
      if (event.info.size === 0) {
        res.status(200).json({});
        return;
      }
      const channels: Record<string, Record<string, number>> = {};
      for (const channel of event.channels) channels[channel] = publishAttributes(channel, event.info);
      res.status(200).json({ channels });
    }),
  );

  router.post(
    '/apps/:appId/batch_events',
    readRawBody,
    ...beforePublish,
    handle((_req, res, { body }) => {
      const parsed = parseJson(body);
      if (!isRecord(parsed) || !Array.isArray(parsed.batch)) {
        throw new HttpError(400, 'Expected batch parameter to be an array of events');
      }
      const batch: unknown[] = parsed.batch;
      if (batch.length === 0) throw new HttpError(400, 'Batch must contain at least one event');
      if (batch.length > LIMITS.maxBatchEvents) {
        throw new HttpError(400, `Batch too large: ${batch.length} events (maximum ${LIMITS.maxBatchEvents} per request)`);
      }
      const maxBytes = deps.maxEventBytes();
      // All-or-nothing, like the hosted service: one bad item rejects the whole request.
      const events = batch.map((item, index) => {
        try {
          return validateEvent(item, 'batch', maxBytes);
        } catch (error) {
          if (error instanceof HttpError && error.status === 400) {
            throw new HttpError(400, `Batch event ${index}: ${error.message}`);
          }
          throw error;
        }
      });
      deliver('batch_events', events);
      if (events.every((e) => e.info.size === 0)) {
        res.status(200).json({});
        return;
      }
      res.status(200).json({ batch: events.map((e) => publishAttributes(e.channels[0], e.info)) });
    }),
  );

  router.get(
    '/apps/:appId/channels',
    readRawBody,
    handle((_req, res, { query }) => {
      const prefix = query.get('filter_by_prefix') ?? '';
      const info = parseInfo(query.get('info'));
      if (info.has('user_count') && !prefix.startsWith('presence-')) {
        throw new HttpError(400, 'info=user_count is only supported together with filter_by_prefix=presence-');
      }
      const channels: Record<string, Record<string, number>> = {};
      for (const [name, counts] of deps.registry.info()) {
        if (!name.startsWith(prefix)) continue;
        const attrs: Record<string, number> = {};
        if (info.has('user_count') && counts.userCount !== undefined) attrs.user_count = counts.userCount;
        if (info.has('subscription_count')) attrs.subscription_count = counts.subscriptionCount;
        channels[name] = attrs;
      }
      res.status(200).json({ channels });
    }),
  );

  router.get(
    '/apps/:appId/channels/:channel',
    readRawBody,
    handle((req, res, { query }) => {
      const channel = String(req.params.channel);
      const nameError = channelNameError(channel);
      if (nameError) throw new HttpError(400, nameError);
      const info = parseInfo(query.get('info'));
      if (info.has('user_count') && !isPresenceChannel(channel)) {
        throw new HttpError(400, `Cannot retrieve the user count unless the channel is a presence channel (${channel})`);
      }
      const result: Record<string, boolean | number> = { occupied: deps.registry.isOccupied(channel) };
      if (info.has('user_count')) result.user_count = deps.registry.userCount(channel);
      if (info.has('subscription_count')) result.subscription_count = deps.registry.subscriptionCount(channel);
      res.status(200).json(result);
    }),
  );

  router.get(
    '/apps/:appId/channels/:channel/users',
    readRawBody,
    handle((req, res) => {
      const channel = String(req.params.channel);
      const nameError = channelNameError(channel);
      if (nameError) throw new HttpError(400, nameError);
      if (!isPresenceChannel(channel)) {
        throw new HttpError(400, `Users can only be retrieved for presence channels (${channel})`);
      }
      res.status(200).json({ users: deps.registry.presence(channel).ids.map((id) => ({ id })) });
    }),
  );

  return { router };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

function parseInfo(info: unknown): Set<string> {
  if (info === undefined || info === null) return new Set();
  if (typeof info !== 'string') throw new HttpError(400, 'Expected info parameter to be a comma-separated string');
  return new Set(
    info
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
}

/** Validates one event of /events (1..100 `channels` or one `channel`) or one batch item (`channel` only). */
function validateEvent(raw: unknown, mode: 'events' | 'batch', maxEventBytes: number): ValidEvent {
  if (!isRecord(raw)) throw new HttpError(400, 'Expected the event to be a JSON object');

  const nameError = eventNameError(raw.name);
  if (nameError) throw new HttpError(400, nameError);
  const name = raw.name as string;

  if (typeof raw.data !== 'string') throw new HttpError(400, 'Expected data parameter to be a string');
  const data = raw.data;
  if (Buffer.byteLength(data, 'utf8') > maxEventBytes) throw new HttpError(413, dataTooLargeMessage(maxEventBytes));

  let channels: unknown[];
  if (mode === 'batch') {
    if (raw.channels !== undefined) throw new HttpError(400, 'Batch events take a single channel parameter, not channels');
    if (raw.channel === undefined) throw new HttpError(400, 'Missing channel parameter');
    channels = [raw.channel];
  } else {
    if (raw.channels !== undefined && raw.channel !== undefined) {
      throw new HttpError(400, 'Specify either channel or channels, not both');
    }
    if (raw.channels !== undefined) {
      if (!Array.isArray(raw.channels)) throw new HttpError(400, 'Expected channels parameter to be an array');
      channels = raw.channels;
    } else if (raw.channel !== undefined) {
      channels = [raw.channel];
    } else {
      throw new HttpError(400, 'Missing channels parameter');
    }
  }
  if (channels.length === 0) throw new HttpError(400, 'Expected at least one channel');
  if (channels.length > LIMITS.maxChannelsPerEvent) {
    throw new HttpError(400, `Too many channels: ${channels.length} (maximum ${LIMITS.maxChannelsPerEvent} per event)`);
  }
  for (const channel of channels) {
    const error = channelNameError(channel);
    if (error) throw new HttpError(400, error);
  }
  const names = channels as string[];
  if (names.length > 1 && names.some(isEncryptedChannel)) {
    throw new HttpError(400, 'Cannot trigger an event on multiple channels when one of them is an encrypted channel');
  }

  let socketId: string | undefined;
  if (raw.socket_id !== undefined && raw.socket_id !== null) {
    const error = socketIdError(raw.socket_id);
    if (error) throw new HttpError(400, error);
    socketId = raw.socket_id as string;
  }

  return { name, data, channels: [...new Set(names)], socketId, info: parseInfo(raw.info) };
}

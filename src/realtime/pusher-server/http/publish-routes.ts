/**
 * POST /apps/:appId/events and /batch_events: validate, fan out through the channel adapter,
 * tell the observer, and answer `{}` or the requested `info` attributes.
 */
import type { Request, Response } from 'express';
import { isPresenceChannel } from '../../pusher-limits';
import { encodeChannelEvent } from '../protocol/messages';
import type { HttpApiDeps, PublishEndpoint, PublishedEvents } from './api-deps';
import { authenticate } from './authenticate';
import { parseJson, validateBatch, validateEvent, type ValidEvent } from './validation';

type ChannelAttributes = Record<string, number>;

/** Handler of POST /events: one event on 1..100 channels. */
export function eventsHandler(deps: HttpApiDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const { body } = authenticate(req, deps.app, deps.log);
    const event = validateEvent(parseJson(body), 'events', deps.maxEventBytes());
    await deliver(deps, 'events', [event]);
    if (event.info.size === 0) {
      res.status(200).json({});
      return;
    }
    const channels: Record<string, ChannelAttributes> = {};
    for (const channel of event.channels) channels[channel] = await publishAttributes(deps, channel, event.info);
    res.status(200).json({ channels });
  };
}

/** Handler of POST /batch_events: up to 10 events, one channel each, all or nothing. */
export function batchEventsHandler(deps: HttpApiDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const { body } = authenticate(req, deps.app, deps.log);
    const events = validateBatch(parseJson(body), deps.maxEventBytes());
    await deliver(deps, 'batch_events', events);
    if (events.every((event) => event.info.size === 0)) {
      res.status(200).json({});
      return;
    }
    const batch: ChannelAttributes[] = [];
    // A batch event has exactly one channel (validation refuses `channels` in a batch).
    for (const event of events) batch.push(await publishAttributes(deps, event.channels[0]!, event.info));
    res.status(200).json({ batch });
  };
}

/** Fans the events out in request order, then tells the observer. */
async function deliver(deps: HttpApiDeps, endpoint: PublishEndpoint, events: ValidEvent[]): Promise<void> {
  const record: PublishedEvents = [];
  for (const event of events) {
    for (const channel of event.channels) {
      await deps.adapter.publish(channel, encodeChannelEvent(event.name, event.data, channel), event.socketId);
    }
    record.push({
      name: event.name,
      data: event.data,
      channels: event.channels,
      ...(event.socketId !== undefined ? { socketId: event.socketId } : {}),
    });
  }
  deps.onPublished?.(endpoint, record);
  deps.log.debug(
    {
      endpoint,
      events: events.length,
      channels: events.reduce((n, e) => n + e.channels.length, 0),
    },
    'pusher-server: published',
  );
}

/** Publish `info` attributes: only what applies to the channel type, never an error. */
async function publishAttributes(deps: HttpApiDeps, channel: string, info: Set<string>): Promise<ChannelAttributes> {
  const attributes: ChannelAttributes = {};
  if (info.has('user_count') && isPresenceChannel(channel)) {
    attributes.user_count = await deps.adapter.userCount(channel);
  }
  if (info.has('subscription_count')) attributes.subscription_count = await deps.adapter.subscriptionCount(channel);
  return attributes;
}

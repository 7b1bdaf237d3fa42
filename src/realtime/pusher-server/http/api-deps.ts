/**
 * What the HTTP API is built from, and the types of its observation seam. Kept apart from the
 * route modules so that each of them depends on these facts only, not on one another.
 */
import type { RequestHandler } from 'express';
import type { ChannelAdapter } from '../adapter/channel-adapter';
import type { PusherLogger } from '../logger';
import type { AppCredentials } from './authenticate';

export type PublishEndpoint = 'events' | 'batch_events';

/** The events of one accepted publish request, as sent. */
export type PublishedEvents = Array<{ name: string; data: string; channels: string[]; socketId?: string }>;

/** Told of every accepted publish request, after its events were fanned out. */
export type PublishObserver = (endpoint: PublishEndpoint, events: PublishedEvents) => void;

export interface HttpApiDeps {
  app: AppCredentials;
  /** Read per request so a fault override can change it at runtime. */
  maxEventBytes: () => number;
  /** Channel state and fan-out. */
  adapter: ChannelAdapter;
  /** Runs first for every publish request, before it is authenticated (a seam for tests to play the network). */
  beforePublish?: RequestHandler;
  onPublished?: PublishObserver;
  log: PusherLogger;
}

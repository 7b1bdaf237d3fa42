/**
 * The Pusher Channels HTTP API as an Express router: publish and query endpoints with the hosted
 * service's signing, limits, status codes and plain-text error bodies. This module only mounts
 * the pieces; see docs/pusher-server.md for what is implemented.
 */
import express, { type Router } from 'express';
import { SERVER_LIMITS } from '../limits';
import type { HttpApiDeps } from './api-deps';
import { answering } from './errors';
import { batchEventsHandler, eventsHandler } from './publish-routes';
import { channelHandler, channelsHandler, usersHandler } from './query-routes';
import { rawBodyReader } from './read-body';

export type { HttpApiDeps, PublishEndpoint, PublishObserver, PublishedEvents } from './api-deps';

/** Builds the router for /apps/:appId/...; mount it before any JSON body parser. */
export function createHttpApiRouter(deps: HttpApiDeps): Router {
  const router = express.Router();
  const readBody = rawBodyReader(SERVER_LIMITS.maxHttpBodyBytes);
  // The fault seam runs after the body was read and before anything else looks at the request.
  const beforePublish = deps.beforePublish ? [deps.beforePublish] : [];

  router.post('/apps/:appId/events', readBody, ...beforePublish, answering(deps.log, eventsHandler(deps)));
  router.post('/apps/:appId/batch_events', readBody, ...beforePublish, answering(deps.log, batchEventsHandler(deps)));
  router.get('/apps/:appId/channels', readBody, answering(deps.log, channelsHandler(deps)));
  router.get('/apps/:appId/channels/:channel', readBody, answering(deps.log, channelHandler(deps)));
  router.get('/apps/:appId/channels/:channel/users', readBody, answering(deps.log, usersHandler(deps)));
  return router;
}

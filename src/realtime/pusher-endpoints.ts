/**
 * What legacy frontends need besides the channels themselves:
 * - GET /pusher/config: the pusher-js settings in effect (never the secret),
 *   so a frontend can configure itself;
 * - POST /pusher/auth: authorization for `private-` channels (when
 *   PUSHER_CHANNEL_PREFIX=private-), for members of the channel's hotel.
 */
import express, { type Router } from 'express';
import type Pusher from 'pusher';
import { DomainError } from '../domain/errors';
import { isMember } from '../domain/viewer';
import { bearerToken, type TokenVerifier } from '../infrastructure/auth/tokens';
import { parseChannel } from './event-catalog';

export interface PusherClientSettings {
  key: string;
  cluster: string;
  /** Absent for hosted Pusher (pusher-js derives ws-{cluster}.pusher.com). */
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export interface PusherEndpointOptions {
  /** Settings as seen from a client; `wsHost: undefined` for the built-in endpoint means "the host you called". */
  settings: (requestHost: string | undefined) => PusherClientSettings;
  channelPrefix: string;
  pusher: Pusher;
  verifyToken: TokenVerifier;
}

export function pusherEndpoints(options: PusherEndpointOptions): Router {
  const router = express.Router();

  router.get('/pusher/config', (request, response) => {
    response.json({
      ...options.settings(request.hostname),
      enabledTransports: ['ws', 'wss'],
      channelPrefix: options.channelPrefix,
      channelAuthorization: { endpoint: '/pusher/auth', transport: 'ajax' },
    });
  });

  router.post('/pusher/auth', express.urlencoded({ extended: false }), express.json(), async (request, response) => {
    const socketId = String(request.body?.socket_id ?? '');
    const channelName = String(request.body?.channel_name ?? '');
    try {
      const token = bearerToken(request.headers.authorization);
      if (token === null) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
      const viewer = await options.verifyToken(token);
      const channel = parseChannel(channelName);
      if (!channel || !channelName.startsWith('private-')) {
        response.status(403).type('text/plain').send(`Unknown channel ${channelName}`);
        return;
      }
      if (!isMember(viewer, channel.hotel)) {
        response.status(403).type('text/plain').send(`Not a member of ${channel.hotel}`);
        return;
      }
      if (!/^\d+\.\d+$/.test(socketId)) {
        response.status(400).type('text/plain').send('Invalid socket_id');
        return;
      }
      response.json(options.pusher.authorizeChannel(socketId, channelName));
    } catch (error) {
      if (error instanceof DomainError) response.status(401).type('text/plain').send(error.message);
      else throw error;
    }
  });

  return router;
}

/**
 * What legacy frontends need besides the channels themselves:
 * - GET /pusher/config: the pusher-js settings in effect (never the secret),
 *   so a frontend can configure itself;
 * - POST /pusher/auth: authorization for `private-` channels (when
 *   PUSHER_CHANNEL_PREFIX=private-) and `presence-` detail channels (when
 *   PUSHER_PRESENCE_CHANNELS=true, signed with `channel_data` naming the
 *   token's user, so pusher-js members are the users GraphQL presence
 *   shows), by the same channel access policy as every other transport
 *   (realtime/channel-access.ts).
 */
import express, { type Request, type Router } from 'express';
import type Pusher from 'pusher';
import { DomainError } from '../../domain/errors';
import { authorizeChannel } from '../../realtime/channel-access';
import { parseChannel, type ChannelPrefixes } from '../../realtime/event-catalog/channels';
import { SOCKET_ID_PATTERN } from '../../realtime/pusher-limits';
import { bearerToken, type TokenVerifier } from '../auth/tokens';

export interface PusherClientSettings {
  key: string;
  cluster: string;
  /** Absent for hosted Pusher (pusher-js derives ws-{cluster}.pusher.com). */
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
  /**
   * POST /pusher/auth as an absolute URL: pusher-js resolves a relative one against the page's
   * origin, which fails from a frontend served elsewhere. `authEndpoint` is the option of
   * pusher-js before 7.2; `channelAuthorization` is the current one.
   */
  authEndpoint: string;
  channelAuthorization: { endpoint: string; transport: 'ajax' };
}

interface PusherRoutesOptions {
  /** Settings for a client that reached the API at `apiUrl` (origin and any path prefix). */
  settings: (apiUrl: string) => PusherClientSettings;
  /** PUBLIC_URL: the API's address as browsers reach it; otherwise each request's (see apiUrlOf). */
  publicUrl: string | undefined;
  channelPrefixes: ChannelPrefixes;
  /** Signs channel authorizations with the app secret. */
  pusher: Pusher;
  verifyToken: TokenVerifier;
}

/**
 * The API's origin as this request reached it: the Host header and the connection's protocol, or
 * X-Forwarded-Host/Proto when Express trusts the proxy (TRUST_PROXY; docs/operations.md).
 */
function apiUrlOf(request: Request): string {
  return `${request.protocol}://${request.host}`;
}

export function pusherRoutes(options: PusherRoutesOptions): Router {
  const router = express.Router();

  router.get('/pusher/config', (request, response) => {
    response.json({
      ...options.settings(options.publicUrl ?? apiUrlOf(request)),
      enabledTransports: ['ws', 'wss'],
      channelPrefix: options.channelPrefixes.list,
      detailChannelPrefix: options.channelPrefixes.detail,
    });
  });

  router.post(
    '/pusher/auth',
    express.urlencoded({ extended: false, limit: '16kb' }),
    express.json({ limit: '16kb' }),
    async (request, response) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const socketId = typeof body.socket_id === 'string' ? body.socket_id : '';
      const channelName = typeof body.channel_name === 'string' ? body.channel_name : '';
      let viewer;
      try {
        const token = bearerToken(request.headers.authorization);
        if (token === null) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
        viewer = await options.verifyToken(token);
      } catch (error) {
        if (error instanceof DomainError) {
          response.status(401).type('text/plain').send(error.message);
          return;
        }
        throw error;
      }
      const channel = parseChannel(channelName);
      // Presence channels are stocktake details only: a hotel's list has no members.
      if (!channel || channel.prefix === '' || (channel.prefix === 'presence-' && channel.scope !== 'detail')) {
        response
          .status(403)
          .type('text/plain')
          .send(`Unknown channel ${channelName.slice(0, 200)}`);
        return;
      }
      try {
        authorizeChannel(viewer, channel);
      } catch (error) {
        if (error instanceof DomainError) {
          response.status(403).type('text/plain').send(`Not a member of ${channel.hotel}`);
          return;
        }
        throw error;
      }
      if (!SOCKET_ID_PATTERN.test(socketId)) {
        response.status(400).type('text/plain').send('Invalid socket_id');
        return;
      }
      response.json(
        channel.prefix === 'presence-'
          ? options.pusher.authorizeChannel(socketId, channelName, {
              user_id: viewer.id,
              user_info: { name: viewer.name },
            })
          : options.pusher.authorizeChannel(socketId, channelName),
      );
    },
  );

  return router;
}

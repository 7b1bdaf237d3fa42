/**
 * A built-in Pusher-compatible server, so pusher-js frontends and the `pusher` SDK work locally
 * with no Pusher account, and relay tests can inject the failures real Pusher produces.
 *
 * Wiring (one http.Server for the whole app):
 *   app.use(server.httpRouter);                  // before any JSON body parser
 *   httpServer.on('upgrade', (req, socket, head) => {
 *     if (!server.handleUpgrade(req, socket, head)) otherUpgradeHandler(req, socket, head);
 *   });
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler, Router } from 'express';
import { ChannelRegistry } from './channel-registry';
import { createHttpApi, type HttpApi, type PublishObserver } from './http-api';
import { LIMITS } from './limits';
import { silentLogger, type PusherLogger } from './logger';
import { ClientConnection, PusherWebSocketEndpoint } from './websocket';

export type { PublishEndpoint, PublishObserver, PublishedEvents } from './http-api';
export { LIMITS } from './limits';

export interface PusherServerOptions {
  appId: string;
  key: string;
  secret: string;
  /** Sent in connection_established, default 120. */
  activityTimeoutSeconds?: number;
  /** Default 10240 (bytes of the `data` string); a function is asked on every publish. */
  maxEventBytes?: number | (() => number);
  log?: PusherLogger;
  /** Runs first for every publish request, before authentication: a seam for tests to play a failing network. */
  beforePublish?: RequestHandler;
  /** Told of every accepted publish (tests observe batching with it). */
  onPublished?: PublishObserver;
}

/** pusher-js waits 30 s for a pong; we give clients the same grace. */
const PONG_TIMEOUT_MS = 30_000;

export class PusherCompatibleServer {
  /** Express 5 Router for /apps/:appId/...; reads its own raw body because body_md5 covers the exact bytes. */
  readonly httpRouter: Router;

  private readonly registry: ChannelRegistry<ClientConnection>;
  private readonly websocket: PusherWebSocketEndpoint;
  private readonly http: HttpApi;
  private closing: Promise<void> | undefined;

  constructor(options: PusherServerOptions) {
    for (const field of ['appId', 'key', 'secret'] as const) {
      if (typeof options[field] !== 'string' || options[field].length === 0) {
        throw new TypeError(`PusherCompatibleServer: ${field} must be a non-empty string`);
      }
    }
    const activityTimeoutSeconds = options.activityTimeoutSeconds ?? 120;
    if (!Number.isInteger(activityTimeoutSeconds) || activityTimeoutSeconds < 1) {
      // pusher-js treats 0 as "no activity timeout" and refuses the handshake.
      throw new RangeError('PusherCompatibleServer: activityTimeoutSeconds must be a positive integer');
    }
    const configured = options.maxEventBytes ?? LIMITS.defaultMaxEventBytes;
    const maxEventBytes = typeof configured === 'function' ? configured : () => configured;
    const log: PusherLogger = options.log ?? silentLogger;

    this.registry = new ChannelRegistry<ClientConnection>(LIMITS.maxPresenceMembers);
    this.websocket = new PusherWebSocketEndpoint({
      key: options.key,
      secret: options.secret,
      activityTimeoutSeconds,
      pongTimeoutMs: PONG_TIMEOUT_MS,
      registry: this.registry,
      log,
    });
    this.http = createHttpApi({
      appId: options.appId,
      key: options.key,
      secret: options.secret,
      maxEventBytes,
      registry: this.registry,
      publish: (channel, name, data, exceptSocketId) => this.websocket.publish(channel, name, data, exceptSocketId),
      beforePublish: options.beforePublish,
      onPublished: options.onPublished,
      log,
    });
    this.httpRouter = this.http.router;
  }

  /**
   * Call from http.Server 'upgrade'. Takes the socket and returns true for /app/:key (an unknown
   * key is closed with 4001 after the upgrade); returns false for any other path.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.websocket.handleUpgrade(request, socket, head);
  }

  /** Closes every WebSocket with `code` (4200: pusher-js reconnects at once with a new socket_id); returns how many. */
  dropConnections(code = 4200, reason = 'Connections dropped by the server'): number {
    return this.websocket.dropConnections(code, reason);
  }

  /** Occupied channels with subscription counts (what GET /channels reports). */
  channelInfo(): Map<string, { subscriptionCount: number; userCount?: number }> {
    return this.registry.info();
  }

  /** Closes every WebSocket with 1001 (pusher-js reconnects after ~1 s if the server comes back) and stops. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.websocket.close();
    })();
    return this.closing;
  }
}

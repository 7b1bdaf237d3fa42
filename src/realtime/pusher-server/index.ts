/**
 * A built-in Pusher-compatible server, so pusher-js frontends and the `pusher` SDK work locally
 * with no Pusher account, and relay tests can inject the failures real Pusher produces.
 * This class only wires the pieces together: the transport-free protocol core, the `ws`
 * transport, the HTTP API and the channel adapter they share (see docs/pusher-server.md).
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
import { LIMITS } from '../pusher-limits';
import type { ChannelAdapter, ChannelCounts } from './adapter/channel-adapter';
import { LocalChannelAdapter } from './adapter/local-adapter';
import { createHttpApiRouter, type PublishObserver } from './http/router';
import { silentLogger, type PusherLogger } from './logger';
import { CloseCode } from './protocol/messages';
import { ConnectionQuotas, UNLIMITED, type PusherQuotaLimits, type QuotaObserver } from './protocol/quotas';
import { PusherProtocolServer } from './protocol/server';
import { WsTransport, forwardedAddress, peerAddress } from './transport/ws-transport';

export type { PublishEndpoint, PublishObserver, PublishedEvents } from './http/router';
export type {
  ChannelAdapter,
  ChannelCounts,
  ChannelSubscriber,
  PresenceMember,
  PresenceSnapshot,
  SubscribeOutcome,
  UnsubscribeOutcome,
} from './adapter/channel-adapter';
export { LocalChannelAdapter } from './adapter/local-adapter';
export { LocallyFedAdapter, type LocalOccupancyListener } from './adapter/locally-fed-adapter';
export { CloseCode, PusherEvent, encodeChannelEvent } from './protocol/messages';
export {
  PusherProtocolServer,
  type HandshakeRequest,
  type ProtocolConnection,
  type PusherProtocolOptions,
  type PusherSocket,
} from './protocol/server';
export { WsTransport } from './transport/ws-transport';
export { OVER_CAPACITY, type PusherQuotaLimits, type QuotaObserver, type QuotaReason } from './protocol/quotas';
export { LIMITS } from '../pusher-limits';

export interface PusherServerOptions {
  appId: string;
  key: string;
  secret: string;
  /** Sent in connection_established; the server pings a connection silent this long. Default 120. */
  activityTimeoutSeconds?: number;
  /** How long a pinged connection may stay silent before it is closed with 4201. Default 30 000, what pusher-js waits. */
  pongTimeoutMs?: number;
  /** Default 10240 (bytes of the `data` string); a function is asked on every publish. */
  maxEventBytes?: number | (() => number);
  /** Where channel state lives and how events fan out. Default: this process only (LocalChannelAdapter). */
  adapter?: ChannelAdapter;
  log?: PusherLogger;
  /** Runs first for every publish request, before authentication: a seam for tests to play a failing network. */
  beforePublish?: RequestHandler;
  /** Told of every accepted publish (tests observe batching with it). */
  onPublished?: PublishObserver;
  /** Connections per app and per client address, channels per connection. Default: none. */
  quotas?: PusherQuotaLimits;
  /** Told of every quota refusal (metrics). */
  quotaObserver?: QuotaObserver;
  /** The client address is the last X-Forwarded-For entry (one trusted proxy in front); else the peer's. */
  trustProxy?: boolean;
}

const DEFAULT_ACTIVITY_TIMEOUT_SECONDS = 120;
/** pusher-js waits 30 s for a pong; we give clients the same grace. */
const DEFAULT_PONG_TIMEOUT_MS = 30_000;

export class PusherCompatibleServer {
  /** Express 5 Router for /apps/:appId/...; reads its own raw body because body_md5 covers the exact bytes. */
  readonly httpRouter: Router;

  private readonly adapter: ChannelAdapter;
  private readonly protocol: PusherProtocolServer;
  private readonly transport: WsTransport;
  private closing: Promise<void> | undefined;

  constructor(options: PusherServerOptions) {
    for (const field of ['appId', 'key', 'secret'] as const) {
      if (typeof options[field] !== 'string' || options[field].length === 0) {
        throw new TypeError(`PusherCompatibleServer: ${field} must be a non-empty string`);
      }
    }
    const activityTimeoutSeconds = options.activityTimeoutSeconds ?? DEFAULT_ACTIVITY_TIMEOUT_SECONDS;
    if (!Number.isInteger(activityTimeoutSeconds) || activityTimeoutSeconds < 1) {
      // pusher-js treats 0 as "no activity timeout" and refuses the handshake.
      throw new RangeError('PusherCompatibleServer: activityTimeoutSeconds must be a positive integer');
    }
    const pongTimeoutMs = options.pongTimeoutMs ?? DEFAULT_PONG_TIMEOUT_MS;
    if (!Number.isFinite(pongTimeoutMs) || pongTimeoutMs <= 0) {
      throw new RangeError('PusherCompatibleServer: pongTimeoutMs must be a positive number');
    }
    const configured = options.maxEventBytes ?? LIMITS.defaultMaxEventBytes;
    const maxEventBytes = typeof configured === 'function' ? configured : () => configured;
    const log: PusherLogger = options.log ?? silentLogger;

    this.adapter = options.adapter ?? new LocalChannelAdapter(LIMITS.maxPresenceMembers);
    this.protocol = new PusherProtocolServer({
      key: options.key,
      secret: options.secret,
      activityTimeoutSeconds,
      pongTimeoutMs,
      adapter: this.adapter,
      quotas: new ConnectionQuotas(options.quotas ?? UNLIMITED, options.quotaObserver),
      log,
    });
    this.transport = new WsTransport(this.protocol, log, options.trustProxy ? forwardedAddress : peerAddress);
    this.httpRouter = createHttpApiRouter({
      app: { appId: options.appId, key: options.key, secret: options.secret },
      maxEventBytes,
      adapter: this.adapter,
      beforePublish: options.beforePublish,
      onPublished: options.onPublished,
      log,
    });
  }

  /**
   * Call from http.Server 'upgrade'. Takes the socket and returns true for /app/:key (an unknown
   * key is closed with 4001 after the upgrade); returns false for any other path.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.transport.handleUpgrade(request, socket, head);
  }

  /** Closes every WebSocket with `code` (4200: pusher-js reconnects at once with a new socket_id); returns how many. */
  dropConnections(code: number = CloseCode.Reconnect, reason = 'Connections dropped by the server'): number {
    return this.protocol.dropConnections(code, reason);
  }

  /** Open WebSocket connections (accepted, not yet closed). */
  connectionCount(): number {
    return this.protocol.connectionCount();
  }

  /** The most connections one client address has open (what the per-address quota bounds). */
  busiestAddressConnections(): number {
    return this.protocol.busiestAddressConnections();
  }

  /** Occupied channels with subscription counts (what GET /channels reports), in the order they became occupied. */
  channelInfo(): Promise<Map<string, ChannelCounts>> {
    return this.adapter.channels();
  }

  /** Closes every WebSocket with 1001 (pusher-js reconnects after ~1 s if the server comes back) and stops. */
  close(): Promise<void> {
    this.closing ??= this.transport.close();
    return this.closing;
  }
}

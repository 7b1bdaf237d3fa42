/**
 * The Pusher protocol 7 server with no transport: a transport hands it an abstract socket and the
 * upgrade's app key and query, then feeds it inbound messages and tells it when the socket
 * closed; the core answers with frames and close codes on that socket. It owns the handshake,
 * the heartbeat, message dispatch, subscriptions (through the channel adapter) and disconnects.
 *
 * Kept free of `ws` and `node:http` so it can be driven by a fake socket in unit tests and put
 * behind another WebSocket library without change. See docs/pusher-server.md.
 */
import { randomInt } from 'node:crypto';
import { truncate } from '../../pusher-limits';
import type { ChannelAdapter } from '../adapter/channel-adapter';
import type { PusherLogger } from '../logger';
import { ClientConnection, type PusherSocket } from './connection';
import { refuseHandshake, type HandshakeRequest } from './handshake';
import {
  CLIENT_EVENT_PREFIX,
  CloseCode,
  PusherEvent,
  closeReason,
  decodeData,
  encodeError,
  encodeProtocolEvent,
  isRecord,
  parseInbound,
  type InboundMessage,
} from './messages';
import { ConnectionQuotas, UNLIMITED } from './quotas';
import { Subscriptions } from './subscriptions';

export type { PusherSocket } from './connection';
export type { HandshakeRequest } from './handshake';

export interface PusherProtocolOptions {
  key: string;
  secret: string;
  /** Announced in connection_established; the server pings after this long without traffic. */
  activityTimeoutSeconds: number;
  /** How long to wait for any sign of life after a ping before closing with 4201. */
  pongTimeoutMs: number;
  adapter: ChannelAdapter;
  /** Connections per app and per address, channels per connection (default: none). */
  quotas?: ConnectionQuotas;
  log: PusherLogger;
}

/** What a transport drives for one accepted socket. */
export interface ProtocolConnection {
  readonly socketId: string;
  /** Handles one inbound message; resolves once it has been handled (never rejects). */
  message(data: string, isBinary?: boolean): Promise<void>;
  /** A transport-level sign of life (a WebSocket ping or pong frame). */
  activity(): void;
  /** The socket closed; resolves once the connection has left its channels. Idempotent. */
  closed(): Promise<void>;
}

const CLIENT_EVENTS_DISABLED =
  'To send client events, you must enable this feature in the Settings page of your dashboard.';
const SIGNIN_UNSUPPORTED = 'User authentication (pusher:signin) is not supported by this server';

export class PusherProtocolServer {
  private readonly connections = new Map<string, ClientConnection>();
  /** The address each open connection counts against. */
  private readonly addresses = new Map<string, string>();
  private readonly subscriptions: Subscriptions;
  private readonly quotas: ConnectionQuotas;
  private closing = false;

  constructor(private readonly options: PusherProtocolOptions) {
    this.quotas = options.quotas ?? new ConnectionQuotas(UNLIMITED);
    this.subscriptions = new Subscriptions({
      credentials: { key: options.key, secret: options.secret },
      adapter: options.adapter,
      quotas: this.quotas,
      log: options.log,
    });
  }

  /**
   * A socket was opened (after the upgrade). Either closes it with a refusal code and returns
   * undefined, or sends pusher:connection_established and returns the connection to drive.
   */
  opened(socket: PusherSocket, request: HandshakeRequest): ProtocolConnection | undefined {
    const refusal = this.closing
      ? { code: CloseCode.GoingAway, reason: 'Server shutting down' }
      : refuseHandshake(request, this.options.key);
    if (refusal) {
      socket.close(refusal.code, closeReason(refusal.reason));
      if (refusal.code === CloseCode.UnknownAppKey) {
        const key = truncate(request.appKey, 40);
        this.options.log.warn({ key }, 'pusher-server: refused connection with unknown app key');
      }
      return undefined;
    }
    const address = request.address ?? '';
    const overQuota = this.quotas.admit(address);
    if (overQuota) {
      // As soketi does: the coded pusher:error (which pusher-js reads during the handshake), then the same close code.
      socket.send(encodeError(overQuota.message, overQuota.code));
      socket.close(overQuota.code, closeReason(overQuota.message));
      this.options.log.warn({ address, reason: overQuota.reason }, 'pusher-server: refused connection over quota');
      return undefined;
    }

    const socketId = this.newSocketId();
    const connection: ClientConnection = new ClientConnection(socketId, socket, {
      idleMs: this.options.activityTimeoutSeconds * 1000,
      pongTimeoutMs: this.options.pongTimeoutMs,
      onIdle: () => connection.send(encodeProtocolEvent(PusherEvent.Ping, {})),
      onPongTimeout: () => {
        this.options.log.info({ socketId }, 'pusher-server: closing silent connection');
        void this.end(connection, CloseCode.PongTimeout, 'Pong reply not received');
      },
    });
    this.connections.set(socketId, connection);
    this.addresses.set(socketId, address);
    connection.send(
      encodeProtocolEvent(PusherEvent.ConnectionEstablished, {
        socket_id: socketId,
        activity_timeout: this.options.activityTimeoutSeconds,
      }),
    );
    connection.startHeartbeat();
    this.options.log.debug({ socketId }, 'pusher-server: connection established');

    return {
      socketId,
      message: (data, isBinary = false) => this.received(connection, data, isBinary),
      activity: () => connection.activity(),
      closed: () => this.disconnect(connection),
    };
  }

  /** Open connections (accepted and not yet disconnected). */
  connectionCount(): number {
    return this.connections.size;
  }

  /** The most connections one client address has open. */
  busiestAddressConnections(): number {
    return this.quotas.busiestAddress();
  }

  /**
   * Disconnects every connection and closes its socket with `code` (4200 makes pusher-js
   * reconnect at once with a new socket_id); returns how many there were. Each socket leaves its
   * channels before its close frame is sent, and receives nothing more from the moment of the call.
   */
  dropConnections(code: number, reason: string): number {
    const victims = [...this.connections.values()];
    for (const connection of victims) void this.end(connection, code, reason);
    this.options.log.info({ count: victims.length, code }, 'pusher-server: dropped WebSocket connections');
    return victims.length;
  }

  /** Refuses new connections with 1001 and closes every open one with 1001, after it left its channels. */
  async close(): Promise<void> {
    this.closing = true;
    const connections = [...this.connections.values()];
    await Promise.all(
      connections.map((connection) => this.end(connection, CloseCode.GoingAway, 'Server shutting down')),
    );
  }

  /** Server-side close: leave the channels first, so a client that sees the close sees a finished disconnect. */
  private async end(connection: ClientConnection, code: number, reason: string): Promise<void> {
    await this.disconnect(connection);
    connection.closeSocket(code, closeReason(reason));
  }

  /** Idempotent: called on drop, on pong timeout, on shutdown and again when the socket closes. */
  private disconnect(connection: ClientConnection): Promise<void> {
    const address = this.addresses.get(connection.socketId);
    if (address !== undefined) {
      this.addresses.delete(connection.socketId);
      this.quotas.release(address);
    }
    this.connections.delete(connection.socketId);
    return connection.disconnect(async () => {
      try {
        await this.subscriptions.unsubscribeAll(connection);
      } catch (error) {
        this.logFailure(connection, 'disconnect', error);
      }
      this.options.log.debug({ socketId: connection.socketId }, 'pusher-server: connection closed');
    });
  }

  private received(connection: ClientConnection, data: string, isBinary: boolean): Promise<void> {
    connection.activity();
    if (connection.disconnected) return Promise.resolve();
    return connection.enqueue(async () => {
      if (connection.disconnected) return;
      try {
        await this.dispatch(connection, data, isBinary);
      } catch (error) {
        this.logFailure(connection, 'message', error);
        connection.send(encodeError('Internal server error'));
      }
    });
  }

  private async dispatch(connection: ClientConnection, data: string, isBinary: boolean): Promise<void> {
    if (isBinary) {
      connection.send(encodeError('Binary frames are not supported; send JSON text frames'));
      return;
    }
    const parsed = parseInbound(data);
    if (!parsed.ok) {
      connection.send(encodeError(parsed.error));
      return;
    }
    const message: InboundMessage = parsed.message;
    switch (message.event) {
      case PusherEvent.Ping:
        connection.send(encodeProtocolEvent(PusherEvent.Pong, {}));
        return;
      case PusherEvent.Pong:
        // received() already recorded the activity.
        return;
      case PusherEvent.Subscribe:
        await this.subscriptions.subscribe(connection, decodeData(message.data));
        return;
      case PusherEvent.Unsubscribe: {
        const payload = decodeData(message.data);
        if (isRecord(payload) && typeof payload.channel === 'string') {
          await this.subscriptions.unsubscribe(connection, payload.channel);
        }
        return;
      }
      case PusherEvent.Signin:
        connection.send(encodeError(SIGNIN_UNSUPPORTED));
        return;
      default:
        if (message.event.startsWith(CLIENT_EVENT_PREFIX)) {
          connection.send(encodeError(CLIENT_EVENTS_DISABLED));
          return;
        }
        this.options.log.debug(
          {
            socketId: connection.socketId,
            event: truncate(message.event, 60),
          },
          'pusher-server: ignored unknown event',
        );
    }
  }

  private newSocketId(): string {
    // Same "digits.digits" shape as Pusher; the server SDKs validate socket_id with /^\d+\.\d+$/.
    for (;;) {
      const id = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
      if (!this.connections.has(id)) return id;
    }
  }

  private logFailure(connection: ClientConnection, stage: string, error: unknown): void {
    this.options.log.error(
      {
        socketId: connection.socketId,
        stage,
        error: error instanceof Error ? error.message : String(error),
      },
      'pusher-server: connection handling failed',
    );
  }
}

/**
 * Pusher WebSocket protocol 7 endpoint (reference §3): enough for an unmodified pusher-js client.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomInt } from 'node:crypto';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { ChannelRegistry, type PresenceMember } from './channel-registry';
import {
  LIMITS,
  SUPPORTED_PROTOCOL,
  channelNameError,
  isPresenceChannel,
  requiresAuth,
  truncate,
} from './limits';
import { verifyChannelAuth } from './signature';
import type { PusherLogger } from './logger';

export interface WebSocketEndpointOptions {
  key: string;
  secret: string;
  activityTimeoutSeconds: number;
  /** How long to wait for any sign of life after our ping before closing with 4201. */
  pongTimeoutMs: number;
  registry: ChannelRegistry<ClientConnection>;
  log: PusherLogger;
}

const CLIENT_EVENTS_DISABLED =
  'To send client events, you must enable this feature in the Settings page of your dashboard.';

export class ClientConnection {
  readonly channels = new Set<string>();
  activityTimer: NodeJS.Timeout | undefined;
  pongTimer: NodeJS.Timeout | undefined;
  disconnected = false;

  constructor(
    readonly socketId: string,
    readonly ws: WebSocket,
  ) {}

  send(frame: string): void {
    // A frame for a socket that is already closing is simply lost, as with real Pusher.
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }
}

/** Server→client frames always carry `data` as a string (reference §3.1, "double encoding"). */
function frame(event: string, data: string, channel?: string): string {
  return JSON.stringify(channel === undefined ? { event, data } : { event, channel, data });
}

function errorFrame(message: string, code: number | null = null): string {
  return frame('pusher:error', JSON.stringify({ code, message }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Close reasons are limited to 123 bytes by RFC 6455; ws throws on longer ones. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

export class PusherWebSocketEndpoint {
  private readonly wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: LIMITS.maxWebSocketFrameBytes,
  });
  /** Every upgraded socket, including refused ones that are still closing, so close() can end them. */
  private readonly sockets = new Set<WebSocket>();
  private readonly connections = new Map<string, ClientConnection>();
  private closed = false;

  constructor(private readonly options: WebSocketEndpointOptions) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/app\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return false;

    if (this.closed) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }

    let key: string;
    try {
      key = decodeURIComponent(match[1]);
    } catch {
      key = match[1];
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onSocket(ws, key, url.searchParams));
    return true;
  }

  /** Sends an event to every subscriber of `channel` except `exceptSocketId`; returns the number of recipients. */
  publish(channel: string, event: string, data: string, exceptSocketId?: string): number {
    const text = frame(event, data, channel);
    let delivered = 0;
    for (const { socketId, connection } of this.options.registry.subscribers(channel)) {
      if (socketId === exceptSocketId) continue;
      connection.send(text);
      delivered += 1;
    }
    return delivered;
  }

  connectionCount(): number {
    return this.connections.size;
  }

  dropConnections(code: number, reason: string): number {
    const victims = [...this.connections.values()];
    for (const connection of victims) {
      // Forget the subscriptions now, so nothing published before the close handshake completes
      // reaches a client that is about to reconnect (like a real network drop).
      this.disconnect(connection);
      connection.ws.close(code, closeReason(reason));
    }
    this.options.log.info({ count: victims.length, code }, 'pusher-server: dropped WebSocket connections');
    return victims.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const sockets = [...this.sockets];
    for (const connection of [...this.connections.values()]) this.disconnect(connection);
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            // Give clients a moment for a clean close handshake, then cut them off.
            const timer = setTimeout(() => ws.terminate(), 1000);
            timer.unref();
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            if (ws.readyState === WebSocket.OPEN) ws.close(1001, 'Server shutting down');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onSocket(ws: WebSocket, key: string, query: URLSearchParams): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', (error) => this.options.log.warn({ error: error.message }, 'pusher-server: WebSocket error'));

    if (this.closed) {
      ws.close(1001, 'Server shutting down');
      return;
    }
    if (key !== this.options.key) {
      // Real Pusher upgrades first and then refuses with 4001; pusher-js then stops retrying.
      ws.close(4001, closeReason(`App key ${truncate(key, 40)} not in this cluster. Did you forget to specify the cluster?`));
      this.options.log.warn({ key: truncate(key, 40) }, 'pusher-server: refused connection with unknown app key');
      return;
    }
    const protocol = query.get('protocol');
    if (protocol === null || protocol === '') {
      ws.close(4008, 'No protocol version supplied');
      return;
    }
    if (!/^\d+$/.test(protocol)) {
      ws.close(4006, 'Invalid version string format');
      return;
    }
    if (Number(protocol) !== SUPPORTED_PROTOCOL) {
      ws.close(4007, closeReason(`Unsupported protocol version ${protocol}; this server speaks ${SUPPORTED_PROTOCOL}`));
      return;
    }

    const connection = new ClientConnection(this.newSocketId(), ws);
    this.connections.set(connection.socketId, connection);
    ws.on('message', (raw, isBinary) => this.onMessage(connection, raw, isBinary));
    ws.on('ping', () => this.touch(connection));
    ws.on('pong', () => this.touch(connection));
    ws.on('close', () => this.disconnect(connection));

    connection.send(
      frame(
        'pusher:connection_established',
        JSON.stringify({ socket_id: connection.socketId, activity_timeout: this.options.activityTimeoutSeconds }),
      ),
    );
    connection.activityTimer = setTimeout(() => this.onIdle(connection), this.options.activityTimeoutSeconds * 1000);
    connection.activityTimer.unref();
    this.options.log.debug({ socketId: connection.socketId }, 'pusher-server: connection established');
  }

  private newSocketId(): string {
    // Same "digits.digits" shape as Pusher; the server SDKs validate socket_id with /^\d+\.\d+$/.
    for (;;) {
      const id = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
      if (!this.connections.has(id)) return id;
    }
  }

  /** Any inbound traffic proves the client is alive (reference §3.1). */
  private touch(connection: ClientConnection): void {
    if (connection.pongTimer) {
      clearTimeout(connection.pongTimer);
      connection.pongTimer = undefined;
    }
    connection.activityTimer?.refresh();
  }

  private onIdle(connection: ClientConnection): void {
    if (connection.disconnected) return;
    connection.send(frame('pusher:ping', '{}'));
    connection.pongTimer = setTimeout(() => {
      if (connection.disconnected) return;
      this.options.log.info({ socketId: connection.socketId }, 'pusher-server: closing silent connection');
      this.disconnect(connection);
      connection.ws.close(4201, 'Pong reply not received');
    }, this.options.pongTimeoutMs);
    connection.pongTimer.unref();
  }

  private onMessage(connection: ClientConnection, raw: RawData, isBinary: boolean): void {
    this.touch(connection);
    if (connection.disconnected) return;
    if (isBinary) {
      connection.send(errorFrame('Binary frames are not supported; send JSON text frames'));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(raw.toString());
    } catch {
      connection.send(errorFrame('Invalid JSON: could not parse the message'));
      return;
    }
    if (!isRecord(message) || typeof message.event !== 'string') {
      connection.send(errorFrame("Invalid message: expected a JSON object with a string 'event'"));
      return;
    }

    const event = message.event;
    if (event === 'pusher:ping') {
      connection.send(frame('pusher:pong', '{}'));
    } else if (event === 'pusher:pong') {
      // touch() already recorded the activity.
    } else if (event === 'pusher:subscribe') {
      this.subscribe(connection, decodeData(message.data));
    } else if (event === 'pusher:unsubscribe') {
      const data = decodeData(message.data);
      if (isRecord(data) && typeof data.channel === 'string') this.unsubscribe(connection, data.channel);
    } else if (event.startsWith('client-')) {
      connection.send(errorFrame(CLIENT_EVENTS_DISABLED));
    } else if (event === 'pusher:signin') {
      connection.send(errorFrame('User authentication (pusher:signin) is not supported by this server'));
    } else {
      this.options.log.debug({
        socketId: connection.socketId,
        event: truncate(event, 60),
      }, 'pusher-server: ignored unknown event');
    }
  }

  private subscribe(connection: ClientConnection, data: unknown): void {
    if (!isRecord(data)) {
      connection.send(errorFrame('Invalid pusher:subscribe data: expected an object with a channel'));
      return;
    }
    const channel = data.channel;
    const nameError = channelNameError(channel);
    if (nameError !== null || typeof channel !== 'string') {
      this.subscriptionFailed(connection, typeof channel === 'string' ? channel : undefined, nameError ?? 'Invalid channel');
      return;
    }

    const registry = this.options.registry;
    const presence = isPresenceChannel(channel);
    if (registry.isSubscribed(channel, connection.socketId)) {
      // A repeated subscribe (a client retrying) gets the same answer, without a second member_added.
      connection.send(this.succeededFrame(channel));
      return;
    }

    let member: PresenceMember | undefined;
    if (requiresAuth(channel)) {
      const channelData = presence ? data.channel_data : undefined;
      if (presence && typeof channelData !== 'string') {
        this.subscriptionFailed(connection, channel, `Presence channel subscriptions require channel_data (${channel})`);
        return;
      }
      const auth = verifyChannelAuth(
        { key: this.options.key, secret: this.options.secret },
        connection.socketId,
        channel,
        data.auth,
        channelData as string | undefined,
      );
      if (!auth.ok) {
        this.subscriptionFailed(connection, channel, auth.message);
        return;
      }
      if (presence) {
        const parsed = parsePresenceData(channelData as string);
        if (typeof parsed === 'string') {
          this.subscriptionFailed(connection, channel, parsed);
          return;
        }
        member = parsed;
      }
    }

    const outcome = registry.subscribe(channel, connection.socketId, connection, member);
    if (outcome.kind === 'presence-full') {
      this.subscriptionFailed(
        connection,
        channel,
        `Presence channel ${channel} is full: at most ${LIMITS.maxPresenceMembers} members are allowed`,
      );
      return;
    }
    connection.channels.add(channel);
    connection.send(this.succeededFrame(channel));
    this.options.log.debug({ socketId: connection.socketId, channel }, 'pusher-server: subscribed');

    if (outcome.kind === 'subscribed' && outcome.newUser && member) {
      // Per user, not per connection, and never to the joining socket (reference §3.2).
      this.publish(
        channel,
        'pusher_internal:member_added',
        JSON.stringify({ user_id: member.userId, user_info: member.userInfo }),
        connection.socketId,
      );
    }
  }

  private succeededFrame(channel: string): string {
    const data = isPresenceChannel(channel)
      ? JSON.stringify({ presence: this.options.registry.presence(channel) })
      : '{}';
    return frame('pusher_internal:subscription_succeeded', data, channel);
  }

  /**
   * Real Pusher answers a rejected subscription with a connection-level pusher:error (code null),
   * which pusher-js only surfaces as pusher.connection 'error'. We also send a channel-scoped
   * pusher:subscription_error (the shape pusher-js emits for auth-endpoint failures) so that
   * `channel.bind('pusher:subscription_error', ...)` works; real Pusher does not send that frame.
   */
  private subscriptionFailed(connection: ClientConnection, channel: string | undefined, message: string): void {
    connection.send(errorFrame(message));
    if (channel !== undefined && channel.length > 0) {
      connection.send(frame('pusher:subscription_error', JSON.stringify({ type: 'AuthError', error: message }), channel));
    }
    this.options.log.warn({
      socketId: connection.socketId,
      channel: channel === undefined ? undefined : truncate(channel, 170),
      reason: truncate(message, 200),
    }, 'pusher-server: subscription rejected');
  }

  private unsubscribe(connection: ClientConnection, channel: string): void {
    const { wasSubscribed, removedUserId } = this.options.registry.unsubscribe(channel, connection.socketId);
    connection.channels.delete(channel);
    if (wasSubscribed && removedUserId !== undefined) {
      this.publish(channel, 'pusher_internal:member_removed', JSON.stringify({ user_id: removedUserId }));
    }
  }

  /** Idempotent: called on drop, on pong timeout and again when the socket's 'close' fires. */
  private disconnect(connection: ClientConnection): void {
    if (connection.disconnected) return;
    connection.disconnected = true;
    clearTimeout(connection.activityTimer);
    clearTimeout(connection.pongTimer);
    this.connections.delete(connection.socketId);
    for (const channel of [...connection.channels]) this.unsubscribe(connection, channel);
    this.options.log.debug({ socketId: connection.socketId }, 'pusher-server: connection closed');
  }
}

/** pusher-js sends subscribe data as an object; tolerate clients that double-encode it. */
function decodeData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Returns the member, or an error message for the client. */
function parsePresenceData(channelData: string): PresenceMember | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(channelData);
  } catch {
    return 'Invalid presence channel_data: not valid JSON';
  }
  if (!isRecord(parsed)) return 'Invalid presence channel_data: expected a JSON object';
  const rawId = parsed.user_id;
  if ((typeof rawId !== 'string' && typeof rawId !== 'number') || String(rawId).length === 0) {
    return 'Invalid presence channel_data: user_id must be a non-empty string or number';
  }
  const userId = String(rawId);
  if (userId.length > LIMITS.maxPresenceUserIdLength) {
    return `Invalid presence channel_data: user_id longer than ${LIMITS.maxPresenceUserIdLength} characters`;
  }
  const userInfo = parsed.user_info === undefined ? null : parsed.user_info;
  if (Buffer.byteLength(JSON.stringify(userInfo)) > LIMITS.maxPresenceUserInfoBytes) {
    return `Invalid presence channel_data: user_info larger than ${LIMITS.maxPresenceUserInfoBytes} bytes`;
  }
  return { userId, userInfo };
}

/**
 * The thin `ws` adapter: takes HTTP upgrades on /app/:key, wraps each WebSocket as the core's
 * abstract socket and turns `ws` events into calls on the protocol core. It knows nothing of
 * Pusher messages; what it owns is transport housekeeping (frame size, refusing upgrades after
 * shutdown, giving closing sockets a moment before cutting them off).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { PusherLogger } from '../logger';
import { SERVER_LIMITS } from '../limits';
import type { PusherProtocolServer, PusherSocket } from '../protocol/server';

const APP_PATH = /^\/app\/([^/]+)\/?$/;
/** How long a closing socket gets for a clean close handshake during shutdown. */
const CLOSE_GRACE_MS = 1000;

export class WsTransport {
  private readonly wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: SERVER_LIMITS.maxWebSocketFrameBytes,
  });
  /** Every upgraded socket, including refused ones that are still closing, so close() can end them. */
  private readonly sockets = new Set<WebSocket>();
  private closed = false;

  constructor(
    private readonly protocol: PusherProtocolServer,
    private readonly log: PusherLogger,
    /** Whose connection this is, for the per-address quota; default the peer's address. */
    private readonly clientAddress: (request: IncomingMessage) => string = peerAddress,
  ) {}

  /**
   * Call from http.Server 'upgrade'. Takes the socket and returns true for /app/:key; returns
   * false (leaving the socket alone) for any other path.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = APP_PATH.exec(url.pathname);
    if (!match) return false;
    if (this.closed) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    const appKey = decodeSegment(match[1]!);
    const address = this.clientAddress(request);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, appKey, url.searchParams, address));
    return true;
  }

  /** Refuses new upgrades with 503, shuts the core down (it closes every socket), then waits for the sockets. */
  async close(): Promise<void> {
    this.closed = true;
    await this.protocol.close();
    await Promise.all([...this.sockets].map((ws) => closeWithin(ws, CLOSE_GRACE_MS)));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, appKey: string, query: URLSearchParams, address: string): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', (error) => this.log.warn({ error: error.message }, 'pusher-server: WebSocket error'));

    const connection = this.protocol.opened(asPusherSocket(ws), { appKey, query, address });
    if (!connection) return;
    ws.on('message', (raw: RawData, isBinary: boolean) => void connection.message(rawText(raw), isBinary));
    ws.on('ping', () => connection.activity());
    ws.on('pong', () => connection.activity());
    ws.on('close', () => void connection.closed());
  }
}

function asPusherSocket(ws: WebSocket): PusherSocket {
  return {
    // A frame for a socket that is already closing is simply lost, as with real Pusher.
    send: (text) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    close: (code, reason) => {
      if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close(code, reason);
    },
  };
}

/** The address the TCP connection comes from. */
export function peerAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? '';
}

/**
 * Behind one trusted proxy (TRUST_PROXY): the address that proxy saw, the last X-Forwarded-For
 * entry. Not the first: nginx's `$proxy_add_x_forwarded_for` appends to whatever the client sent,
 * so the first entries are the client's to choose.
 */
export function forwardedAddress(request: IncomingMessage): string {
  const header = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  const last = entries[entries.length - 1]!.trim();
  return last === '' ? peerAddress(request) : last;
}

function rawText(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString();
  return Array.isArray(raw) ? Buffer.concat(raw).toString() : Buffer.from(raw).toString();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Resolves when `ws` has closed (the core has already sent its close frame), cutting it off after `graceMs`. */
function closeWithin(ws: WebSocket, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), graceMs);
    timer.unref();
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

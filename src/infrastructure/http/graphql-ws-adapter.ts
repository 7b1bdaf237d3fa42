/**
 * graphql-ws over `ws`: the protocol is graphql-ws' own transport-free core
 * (`makeServer`); this is the thin adapter that connects it to sockets, in
 * place of graphql-ws' `use/ws`, which it follows except where thousands of
 * open sockets make a difference (bench B3 and B9):
 *
 * - one heartbeat for every socket (a ping each `keepAliveMs`; a socket that
 *   has not answered the previous one is terminated), where `use/ws` keeps an
 *   interval per socket, and a timer and a listener per ping;
 * - a message goes out without waiting for the write's callback while the
 *   socket has little buffered: graphql-ws waits for every send, and a
 *   promise and a callback per delivery cost more than the write. A socket
 *   with more than HIGH_WATER buffered is waited for, so a client that does
 *   not read still slows only its own subscriptions, whose streams then queue
 *   and catch up (realtime/channel-stream.ts);
 * - a result shared by many subscribers (graphql/shared-execution.ts) is
 *   serialized once: `onNext` hands graphql-ws a small stand-in for it
 *   (SharedPayloads), and the send puts the result's text in its place,
 *   framed with each subscription's own id;
 * - the upgrade request is not kept (`use/ws` keeps it for the connection's
 *   life in `ctx.extra.request`; nothing here reads it);
 * - a message nesting deeper than an operation's variables may is refused
 *   before graphql-ws parses it (JSON.parse of a deeply nested message costs
 *   far more than scanning it, and graphql-ws parses even before
 *   `connection_init`): an operation of an acknowledged connection gets its
 *   `error` (BAD_USER_INPUT naming the variable, as over HTTP) and the socket
 *   goes on; anything else closes it with 4400 (docs/operations.md,
 *   "Operation limits").
 */
import type { ExecutionResult } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { MAX_INPUT_DEPTH } from '../../graphql/input-guard';
import type { Logger } from '../logger';
import { jsonTooDeep, tooDeepRefusal } from './graphql-gate';

/** What every connection's `ctx.extra` holds at least. */
export interface SocketExtra {
  socket: WebSocket;
}

interface AdapterOptions<E extends SocketExtra> {
  /** The extra data of a new connection (one object, all of its fields set, for a stable shape). */
  extra: (socket: WebSocket) => E;
  keepAliveMs?: number;
  isProduction: boolean;
  log: Logger;
  /** The stand-ins `onNext` returns for shared results, put back into the messages here. */
  sharedPayloads?: SharedPayloads;
}

/** Bytes buffered on a socket above which a send waits for its write to complete. */
const HIGH_WATER = 64 * 1024;

export function serveGraphqlWs<P extends Record<string, unknown> | undefined, E extends SocketExtra>(
  options: ServerOptions<P, E>,
  sockets: WebSocketServer,
  { extra, keepAliveMs = 12_000, isProduction, log, sharedPayloads }: AdapterOptions<E>,
): { dispose(): Promise<void> } {
  const server = makeServer<P, E>(options);
  sockets.options.handleProtocols = handleProtocols;
  const internalError = (error: unknown) =>
    isProduction ? 'Internal server error' : String(error instanceof Error ? error.message : error).slice(0, 100);

  sockets.once('error', (error) => {
    log.error({ err: error }, 'graphql-ws: the WebSocket server failed');
    for (const socket of sockets.clients) socket.close(CloseCode.InternalServerError, internalError(error));
  });

  const unanswered = new Set<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const socket of sockets.clients) {
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      if (socket.readyState !== socket.OPEN) continue;
      unanswered.add(socket);
      socket.ping();
    }
  }, keepAliveMs);
  heartbeat.unref();
  function answered(this: WebSocket): void {
    unanswered.delete(this);
  }
  function failed(this: WebSocket, error: Error & { code?: string }): void {
    // ws's own refusal of what a client sent (a message over maxPayload, a malformed frame): ws closes the
    // socket itself (1009, 1002); the client's fault, not the server's.
    if (error.code?.startsWith('WS_ERR_')) {
      log.info({ reason: error.message, code: error.code }, 'graphql-ws: refused a malformed or oversized message');
      return;
    }
    log.error({ err: error }, 'graphql-ws: a socket failed');
    this.close(CloseCode.InternalServerError, internalError(error));
  }

  sockets.on('connection', (socket: WebSocket) => {
    socket.on('pong', answered);
    socket.once('error', failed);
    let acknowledged = false;
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (message) => {
          const data = sharedPayloads ? sharedPayloads.expand(message) : message;
          if (socket.readyState !== socket.OPEN) return;
          if (!acknowledged && data.startsWith('{"type":"connection_ack"')) acknowledged = true;
          if (socket.bufferedAmount < HIGH_WATER) return void socket.send(data);
          return new Promise<void>((resolve, reject) =>
            socket.send(data, (error) => (error ? reject(error) : resolve())),
          );
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            if (refusedTooDeep(socket, data as Buffer, acknowledged)) return;
            handle((data as Buffer).toString('utf8')).catch((error: unknown) => {
              log.error({ err: error }, 'graphql-ws: a message could not be handled');
              socket.close(CloseCode.InternalServerError, internalError(error));
            });
          }),
      },
      extra(socket),
    );
    socket.once('close', (code, reason) => {
      unanswered.delete(socket);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      clearInterval(heartbeat);
      for (const socket of sockets.clients) socket.close(1001, 'Going away');
      sockets.removeAllListeners();
      await new Promise<void>((resolve, reject) => sockets.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The stand-in's one key: no GraphQL result has it (a result's keys are data, errors and extensions). */
const STAND_IN_KEY = '\u0000shared';
/** How graphql-ws writes a `next` message's stand-in payload: the payload is the message's last key. */
const STAND_IN_TEXT = `"payload":{${JSON.stringify(STAND_IN_KEY)}:`;
/** The most digits a stand-in's id has (a safe integer). */
const STAND_IN_ID_DIGITS = 16;

interface SharedPayload {
  id: number;
  text: string;
  standIn: Record<string, number>;
  /** Stand-ins handed out and not yet put back: the text is findable by id while this is above zero. */
  pending: number;
}

/**
 * One serialization per shared result (bench B3). graphql-ws writes every subscriber's `next` message
 * itself, JSON.stringify of the whole payload each time; a result that a thousand subscribers share
 * would be written a thousand times. `standIn(result)` (from `onNext`) gives graphql-ws a one-key object
 * naming the result's text, written once; `expand` (the adapter's send) puts the text in its place.
 * Each stand-in handed out is put back by exactly one send (graphql-ws sends every `next` it asked
 * `onNext` for), so the texts kept are only those on their way out.
 */
export class SharedPayloads {
  private nextId = 1;
  private readonly byResult = new WeakMap<ExecutionResult, SharedPayload>();
  private readonly pendingById = new Map<number, SharedPayload>();

  /** What `onNext` returns for `result` (one without errors, shared by reference between subscribers). */
  standIn(result: ExecutionResult): Record<string, number> {
    let shared = this.byResult.get(result);
    if (!shared) {
      const id = this.nextId++;
      shared = { id, text: JSON.stringify(result), standIn: { [STAND_IN_KEY]: id }, pending: 0 };
      this.byResult.set(result, shared);
    }
    if (shared.pending++ === 0) this.pendingById.set(shared.id, shared);
    return shared.standIn;
  }

  /** The message as graphql-ws would have written it for the result: the stand-in replaced by its text. */
  expand(message: string): string {
    // A stand-in message ends with the stand-in (`…"payload":{"\u0000shared":7}}`): only its tail is looked at,
    // whatever the length of the subscription id the client chose. An id cannot forge a stand-in: inside the id's
    // JSON string every quote is escaped.
    if (!message.endsWith('}}')) return message;
    const at = message.indexOf(STAND_IN_TEXT, message.length - STAND_IN_TEXT.length - STAND_IN_ID_DIGITS - 2);
    if (at < 0) return message;
    const id = Number(message.slice(at + STAND_IN_TEXT.length, -2));
    const shared = this.pendingById.get(id);
    if (!shared) return message;
    if (--shared.pending === 0) this.pendingById.delete(id);
    return `${message.slice(0, at)}"payload":${shared.text}}`;
  }

  /** Texts on their way out (for tests: zero once every send is done). */
  get pendingCount(): number {
    return this.pendingById.size;
  }
}

/*
 * What graphql-ws keeps, changed in place: it keeps the `subscribe` message's payload for the
 * operation's life and the connection's parameters for the connection's, and no public API trims
 * either. These are the only places that rely on it; test/unit/graphql-ws-contract.test.ts fails on
 * an upgrade where the objects handed to the hooks are no longer the ones it keeps.
 */

/**
 * Lets the subscription's kept payload hold `query`, an equal text shared by every subscriber that
 * sent it, rather than its own copy (bench B9).
 */
export function keepSharedQuery(payload: SubscribePayload, query: string): void {
  (payload as { query: string }).query = query;
}

/** Drops `keys` (a token, once verified) from the parameters graphql-ws keeps while the connection is open. */
export function forgetConnectionParams(
  params: Readonly<Record<string, unknown>> | undefined,
  keys: readonly string[],
): void {
  if (!params) return;
  for (const key of keys) delete (params as Record<string, unknown>)[key];
}

/**
 * Whether the message nests deeper than an operation's variables may (the message, its payload and its
 * variables are three levels), in which case it was answered here.
 */
function refusedTooDeep(socket: WebSocket, data: Buffer, acknowledged: boolean): boolean {
  const found = jsonTooDeep(data, MAX_INPUT_DEPTH + 3, 3);
  if (!found) return false;
  if (acknowledged && found.id !== undefined && found.path[0] === 'payload') {
    const refusal = tooDeepRefusal(found.path.slice(1));
    socket.send(JSON.stringify({ type: 'error', id: found.id, payload: [refusal.toJSON()] }));
  } else {
    socket.close(CloseCode.BadRequest, 'The message nests too deep');
  }
  return true;
}

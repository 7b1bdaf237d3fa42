/**
 * GraphQL subscriptions over graphql-ws on the same server and path as HTTP
 * (/graphql), so Apollo Sandbox and any graphql-ws client can subscribe.
 *
 * The token comes in `connectionParams` as `authorization` or `Authorization` ("Bearer …"), or
 * under `headers` as clients that send their HTTP headers as connection parameters put it
 * (`{ headers: { Authorization } }`; README, "First five minutes", step 5). It is
 * verified when the socket opens (a bad one closes it with 4403), its expiry
 * is checked again for every operation, and the socket is closed when the
 * token expires, so a long-lived connection never outlives the access it
 * was opened with.
 * Operations go through the same limits, validation and error formatting as
 * over HTTP (see graphql/prepare-operation.ts), and one socket may have at
 * most `maxSubscriptions` operations open at once. Each user's budget
 * (docs/operations.md, "Per-token budgets") pays every operation's price and
 * caps the connections and operations they hold open on this instance.
 */
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DomainError, RateLimitedError } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import type { PresenceSessionKey } from '../../domain/services/presence-service';
import type { GraphQLContext } from '../../graphql/context';
import { operationIdempotency } from '../../graphql/idempotency';
import type { OperationLimits } from '../../graphql/operation-limits';
import { operationPreparer } from '../../graphql/prepare-operation';
import { SharedSubscriptions } from '../../graphql/shared-execution';
import { bearerToken, type TokenVerifier } from '../auth/tokens';
import type { Logger } from '../logger';
import type { TokenBudgets } from '../token-budgets';
import {
  forgetConnectionParams,
  keepSharedQuery,
  serveGraphqlWs,
  SharedPayloads,
  type SocketExtra,
} from './graphql-ws-adapter';

export const GRAPHQL_PATH = '/graphql';

interface GraphQLWebSocketOptions {
  schema: GraphQLSchema;
  isProduction: boolean;
  /** GRAPHQL_INTROSPECTION: `__schema` and `__type` answered. */
  introspection: boolean;
  limits: OperationLimits;
  /** Operations one socket may have open at once; the next one is refused. */
  maxSubscriptions: number;
  /** What each user may spend and hold open. */
  budgets: TokenBudgets;
  /** How often sockets are pinged; one unanswered ping ends a socket (default 12 s). */
  keepAliveMs?: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  verifyToken: TokenVerifier;
  /** Builds a context for one operation (an EntityManager fork, services, realtime access). */
  context: (viewer: Viewer, operation: Pick<GraphQLContext, 'idempotency' | 'session'>) => GraphQLContext;
  /** Names this instance's connections in presence sessions. */
  instanceId: string;
  /** A connection closed: the presence it held ends (docs/collaboration.md). */
  onConnectionClosed: (session: PresenceSessionKey) => void;
  log: Logger;
}

interface Extra extends SocketExtra {
  /** Who the token named when the socket opened; checked for expiry on every operation. */
  viewer: Viewer | undefined;
  expiry: NodeJS.Timeout | undefined;
  /** This connection as a presence session. */
  session: PresenceSessionKey | undefined;
}

/** Where connection parameters may carry the token; dropped from them once it is verified. */
const TOKEN_KEYS = ['authorization', 'Authorization', 'headers'] as const;

/** The `Authorization` value of a connection's parameters, top level first, then under `headers`. */
function authorizationIn(params: Record<string, unknown> | undefined): unknown {
  const headers = params?.headers;
  const nested = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : undefined;
  return params?.authorization ?? params?.Authorization ?? nested?.authorization ?? nested?.Authorization;
}

function asGraphQLError({ message, extensions }: DomainError): GraphQLError {
  return new GraphQLError(message, { extensions });
}

/** The budget's refusal as the operation's errors, or null when it let the operation through. */
async function refusedBy(check: () => Promise<void>): Promise<GraphQLError[] | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return [asGraphQLError(error)];
    throw error;
  }
}

/** Node timers overflow past ~24.8 days, so long expiries are reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function closeAt(expiresAt: Date, extra: Extra, close: () => void): void {
  const wait = expiresAt.getTime() - Date.now();
  extra.expiry = setTimeout(
    () => (wait <= LONGEST_TIMER_MS ? close() : closeAt(expiresAt, extra, close)),
    Math.max(0, Math.min(wait, LONGEST_TIMER_MS)),
  );
  extra.expiry.unref();
}

/**
 * Whether a user's connections hold more than `maxUserOperations` operations. Counted from the connections
 * themselves, so nothing can leak; and only when it could be so: each connection holds at most
 * `maxPerConnection`, so with few enough connections there is nothing to count (a user allowed thousands of
 * connections, bench B8's one token, would otherwise make each subscribe walk all of them).
 */
function userOperationsOver(
  connections: ReadonlySet<{ subscriptions: Record<string, unknown> }> | undefined,
  maxPerConnection: number,
  maxUserOperations: number,
): boolean {
  if (!connections || connections.size * maxPerConnection <= maxUserOperations) return false;
  let operations = 0;
  for (const connection of connections) {
    operations += Object.keys(connection.subscriptions).length;
    if (operations > maxUserOperations) return true;
  }
  return false;
}

export function graphqlWebSocket(options: GraphQLWebSocketOptions) {
  // As an HTTP body (1 MB): graphql-ws parses each message, even before `connection_init`.
  const server = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const prepare = operationPreparer(options.schema, options.limits, options.introspection);
  // The token was verified when the socket opened, and verifying it again would tell nothing new but its expiry:
  // each connection keeps the viewer (not the token, nor a viewer per operation), a few hundred bytes less each.
  const viewerOf = (extra: Extra): Viewer | null =>
    extra.viewer && !(extra.viewer.expiresAt && extra.viewer.expiresAt.getTime() <= Date.now()) ? extra.viewer : null;
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  const shared = new SharedSubscriptions();
  const sharedPayloads = new SharedPayloads();
  let connections = 0;
  // Open connections, for metrics: each holds the operations open on it.
  const open = new Set<{ subscriptions: Record<string, unknown> }>();
  const { maxConnections, maxSubscriptions: maxUserOperations } = options.budgets.limits;
  // Each user's open connections: what they hold is counted from them, so nothing can leak.
  const byUser = new Map<string, Set<{ subscriptions: Record<string, unknown> }>>();
  const cleanup = serveGraphqlWs<Record<string, unknown> | undefined, Extra>(
    {
      schema: options.schema,
      subscribe: shared.subscribe,
      onConnect: async (ctx) => {
        const header = authorizationIn(ctx.connectionParams);
        let token: string | null;
        try {
          token = bearerToken(typeof header === 'string' ? header : undefined);
        } catch {
          return false;
        }
        const viewer = token ? await options.verifyToken(token).catch(() => null) : null;
        if (!token || !viewer) return false;
        const held = byUser.get(viewer.id) ?? new Set();
        if (held.size >= maxConnections) {
          ctx.extra.socket.close(
            CloseCode.Forbidden,
            `Too many connections: at most ${maxConnections} per user (RATE_LIMITED)`,
          );
          return false;
        }
        held.add(ctx);
        byUser.set(viewer.id, held);
        ctx.extra.viewer = viewer;
        // graphql-ws keeps the connection's parameters as long as it is open; the token in them is not needed again.
        forgetConnectionParams(ctx.connectionParams, TOKEN_KEYS);
        connections += 1;
        ctx.extra.session = { key: `ws:${options.instanceId}:${connections}`, instanceId: options.instanceId };
        open.add(ctx);
        if (viewer.expiresAt) {
          const { socket } = ctx.extra;
          closeAt(viewer.expiresAt, ctx.extra, () => socket.close(CloseCode.Forbidden, 'Token expired'));
        }
        return true;
      },
      onClose: (ctx) => {
        open.delete(ctx);
        const held = ctx.extra.viewer ? byUser.get(ctx.extra.viewer.id) : undefined;
        if (held?.delete(ctx) && held.size === 0) byUser.delete(ctx.extra.viewer!.id);
        clearTimeout(ctx.extra.expiry);
        if (ctx.extra.session) options.onConnectionClosed(ctx.extra.session);
      },
      onSubscribe: async (ctx, _id, payload) => {
        // The operation being subscribed is already in ctx.subscriptions.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > options.maxSubscriptions) {
          return [
            new GraphQLError(
              `This connection already has ${options.maxSubscriptions} operations open; complete one first or open another connection`,
              {
                extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: options.maxSubscriptions },
              },
            ),
          ];
        }
        const viewer = viewerOf(ctx.extra);
        if (!viewer)
          return [new GraphQLError('The token is no longer valid', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (userOperationsOver(byUser.get(viewer.id), options.maxSubscriptions, maxUserOperations)) {
          return [
            asGraphQLError(
              new RateLimitedError(
                `You already have ${maxUserOperations} operations open over all your connections; complete one first`,
                'subscriptions',
                0,
                maxUserOperations,
              ),
            ),
          ];
        }
        // A user whose budget is spent is refused before their document is even parsed.
        const broke = await refusedBy(() => options.budgets.admit(viewer.id));
        if (broke) return broke;
        const prepared = prepare(payload);
        if (Array.isArray(prepared)) return prepared as GraphQLError[];
        const { document, variableValues, query, price } = prepared as Exclude<
          typeof prepared,
          readonly GraphQLError[]
        >;
        const unpaid = await refusedBy(() => options.budgets.spend(viewer.id, price));
        if (unpaid) return unpaid;
        // graphql-ws keeps each subscription's message for its whole life: let it hold the one shared copy of the
        // query text rather than each subscriber's own (bench B9).
        keepSharedQuery(payload, query);
        // graphql-ws has no headers per operation: the key travels in the payload's extensions.
        let idempotency: GraphQLContext['idempotency'];
        try {
          idempotency = operationIdempotency(payload.extensions?.idempotencyKey, payload);
        } catch (error) {
          return [asGraphQLError(error as DomainError)];
        }
        return {
          schema: options.schema,
          document,
          variableValues,
          operationName: payload.operationName,
          contextValue: options.context(viewer, { idempotency, session: ctx.extra.session! }),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : sharedPayloads.standIn(result),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    server,
    {
      extra: (socket) => ({ socket, viewer: undefined, expiry: undefined, session: undefined }),
      keepAliveMs: options.keepAliveMs,
      isProduction: options.isProduction,
      log: options.log,
      sharedPayloads,
    },
  );
  return {
    handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) return false;
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws));
      return true;
    },
    close: async () => {
      await cleanup.dispose();
    },
    connectionCount: () => open.size,
    operationCount: () => [...open].reduce((sum, ctx) => sum + Object.keys(ctx.subscriptions).length, 0),
  };
}

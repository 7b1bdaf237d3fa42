/**
 * One Node http server for everything: Express serves GraphQL over HTTP at
 * /graphql (Apollo Server, with Apollo Sandbox outside production), the
 * Pusher routes, and health; WebSocket upgrades go to graphql-ws at
 * /graphql or to the built-in Pusher endpoint at /app/:key.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { DomainError } from '../../domain/errors';
import type { Services } from '../../domain/services';
import type { PresenceSessionKey } from '../../domain/services/presence-service';
import type { Viewer } from '../../domain/viewer';
import { createContext, type GraphQLContext } from '../../graphql/context';
import { createErrorFormatter } from '../../graphql/format-error';
import { operationIdempotency } from '../../graphql/idempotency';
import { checkControlCharacters } from '../../graphql/input-guard';
import { textLimitGuard } from '../../graphql/text-limits';
import { checkCost, limitRules, parseOptions, type OperationLimits } from '../../graphql/operation-limits';
import type { RealtimeService } from '../../realtime/realtime-service';
import type { TokenVerifier } from '../auth/tokens';
import { translateDatabaseErrors } from '../database/unavailable';
import { authOf, graphqlGate, graphqlJsonBody } from './graphql-gate';
import { GRAPHQL_PATH, graphqlWebSocket } from './graphql-websocket';
import { apolloStudio } from './apollo-studio';
import type { ApolloStudioConfig } from '../config';
import type { Logger } from '../logger';
import { assignRequestId } from '../request-context';
import type { AppMetrics } from '../metrics';
import { metricsAccess } from './metrics-access';
import { portProblem } from './port-check';
import type { TokenBudgets } from '../token-budgets';

type UpgradeHandler = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

interface ServerOptions {
  port: number;
  host?: string;
  /** Believe X-Forwarded-Proto/Host (and -For) from the proxy in front (TRUST_PROXY). */
  trustProxy?: boolean;
  isProduction: boolean;
  /** GRAPHQL_INTROSPECTION: `__schema` and `__type` answered, over HTTP and graphql-ws. */
  introspection: boolean;
  /** APOLLO_KEY and APOLLO_GRAPH_REF (with their options): report to Apollo Studio. */
  apollo: ApolloStudioConfig | undefined;
  schema: GraphQLSchema;
  limits: OperationLimits;
  maxSubscriptionsPerSocket: number;
  /** What each user may spend and hold open (docs/operations.md, "Per-token budgets"). */
  budgets: TokenBudgets;
  /** How often graphql-ws sockets are pinged (default 12 s). */
  graphqlWsKeepAliveMs?: number;
  orm: MikroORM;
  services: Services;
  realtime: RealtimeService;
  verifyToken: TokenVerifier;
  /** What GET /readyz reports: 503 unless every check passes. */
  readiness: () => Promise<Readiness>;
  /** Mounted before GraphQL; each parses its own bodies. */
  routers: Router[];
  /** Tried before graphql-ws for each WebSocket upgrade. */
  upgradeHandlers: UpgradeHandler[];
  metrics: AppMetrics;
  /** METRICS_TOKEN: the bearer token /metrics requires (metrics-access.ts). */
  metricsToken?: string;
  /** Names this instance's graphql-ws connections in presence sessions. */
  instanceId: string;
  /** A graphql-ws connection closed: the presence it held ends. */
  onConnectionClosed: (session: PresenceSessionKey) => void;
  log: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Open graphql-ws connections and the operations open on them. */
  graphqlWs: { connectionCount(): number; operationCount(): number };
  close(): Promise<void>;
}

/** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { log } = options;
  const app = express();
  app.disable('x-powered-by');
  // Only behind a proxy that sets them: otherwise any client could choose the URLs we hand out.
  app.set('trust proxy', options.trustProxy ?? false);
  const httpServer = http.createServer(app);

  const dependencies = { orm: options.orm, services: options.services, realtime: options.realtime };
  const formatError = createErrorFormatter({
    log,
    isProduction: options.isProduction,
    translate: translateDatabaseErrors,
  });
  const websocket = graphqlWebSocket({
    schema: options.schema,
    budgets: options.budgets,
    isProduction: options.isProduction,
    introspection: options.introspection,
    limits: options.limits,
    maxSubscriptions: options.maxSubscriptionsPerSocket,
    keepAliveMs: options.graphqlWsKeepAliveMs,
    formatError,
    verifyToken: options.verifyToken,
    context: (viewer: Viewer, operation) =>
      createContext(
        dependencies,
        { viewer, authError: null },
        { ...operation, payFor: (units) => options.budgets.charge(viewer.id, units) },
      ),
    instanceId: options.instanceId,
    onConnectionClosed: options.onConnectionClosed,
    log,
  });
  const upgradeHandlers = [...options.upgradeHandlers, websocket.handleUpgrade];
  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!upgradeHandlers.some((handle) => handle(request, socket, head))) socket.destroy();
  });

  const studio = apolloStudio(options.apollo);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    // From our Config only; with studio.plugins below, APOLLO_* in process.env change nothing (apollo-studio.ts).
    apollo: studio.apollo,
    // Apollo's own lines (usage and schema reporting starting, a report that failed) as JSON lines like ours.
    logger: log,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: !options.isProduction,
    formatError,
    parseOptions: parseOptions(options.limits),
    validationRules: limitRules(options.limits, options.introspection),
    plugins: [
      // Chosen here, not from NODE_ENV, so that `isProduction` alone decides.
      options.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of GraphQL responses here (every answer is per user and live), and Apollo's cache-control
      // plugin, installed by default, wraps every field of every response to compute hints: a third of a large
      // query's CPU (bench B7).
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: async () => ({ drainServer: () => websocket.close() }) },
      requestGuardsPlugin(options.schema, options.limits, options.budgets),
      operationTimer(options.metrics),
      ...studio.plugins,
    ],
  });
  await apollo.start();

  app.use(assignRequestId());
  app.use(options.metrics.httpTimer);
  app.get(
    '/metrics',
    metricsAccess({ token: options.metricsToken, isProduction: options.isProduction }),
    options.metrics.route,
  );
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const readiness = await options.readiness();
    response
      .status(readiness.ready ? 200 : 503)
      .json({ status: readiness.ready ? 'ready' : 'unavailable', checks: readiness.checks });
  });
  // Legacy frontends call /pusher/* from their own origin, like /graphql.
  app.use('/pusher', cors());
  for (const router of options.routers) app.use(router);
  app.use(
    GRAPHQL_PATH,
    cors(),
    // At most 1 MB, and refused unread when it nests deeper than the variables may (graphql-gate.ts).
    ...graphqlJsonBody(formatError),
    // Authentication, nesting and document pre-checks before Apollo parses or validates anything (graphql-gate.ts).
    graphqlGate({
      schema: options.schema,
      limits: options.limits,
      introspection: options.introspection,
      verifyToken: options.verifyToken,
      admit: (userId) => options.budgets.admit(userId),
      formatError,
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = authOf(res);
        const viewer = auth.viewer;
        return createContext(dependencies, auth, {
          idempotency: httpIdempotency(req.headers['idempotency-key'], req.body as Record<string, unknown>),
          payFor: viewer ? (units) => options.budgets.charge(viewer.id, units) : undefined,
        });
      },
    }),
  );
  app.use((_request, response) => {
    response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(jsonErrors(log));

  await new Promise<void>((resolve, reject) => {
    // A port taken between the start-up check and now still fails with a message naming PORT.
    httpServer.once('error', (error: NodeJS.ErrnoException) => reject(portProblem(options.port, error)));
    httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve);
  }).catch(async (error: unknown) => {
    await apollo.stop().catch(() => undefined);
    throw error;
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}${GRAPHQL_PATH}`,
    port,
    httpServer,
    graphqlWs: { connectionCount: websocket.connectionCount, operationCount: websocket.operationCount },
    close: () => apollo.stop(),
  };
}

/** The `Idempotency-Key` header's key and request hash; a malformed key is refused with 400. */
function httpIdempotency(header: string | string[] | undefined, body: Record<string, unknown> | undefined) {
  try {
    return operationIdempotency(Array.isArray(header) ? header.join(',') : header, body ?? {});
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
  }
}

/**
 * Checks that need the request's variables, so they run once the operation
 * is known rather than as (cached) validation rules: no control characters
 * in any input, no text past its length limit (text-limits.ts), the cost
 * limit, and the caller's budget paying the price.
 * And a response whose errors say the database is unreachable gets HTTP
 * 503, one refused by a budget 429, each with Retry-After.
 */
function requestGuardsPlugin(
  schema: GraphQLSchema,
  limits: OperationLimits,
  budgets: TokenBudgets,
): ApolloServerPlugin<GraphQLContext> {
  const checkTextLengths = textLimitGuard(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, contextValue }) {
          const badText =
            checkControlCharacters(document, request.variables) ??
            checkTextLengths(document, operationName, request.variables);
          const cost = badText ? undefined : checkCost(schema, document, operationName, request.variables, limits);
          const refused = badText ?? cost?.refusal;
          if (refused) {
            refused.extensions.http = { status: 400 };
            throw refused;
          }
          if (contextValue.viewer) await spend(budgets, contextValue.viewer.id, cost?.price ?? 0);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
          const limited = errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
          if (limited) {
            response.http.status = 429;
            response.http.headers.set(
              'retry-after',
              String(Math.ceil(Number(limited.extensions?.retryAfterMs) / 1000)),
            );
          }
        },
      };
    },
  };
}

/** The budget pays the price, or the RATE_LIMITED error (HTTP 429) refuses the operation before it runs. */
async function spend(budgets: TokenBudgets, userId: string, price: number): Promise<void> {
  try {
    await budgets.spend(userId, price);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 429 } } });
  }
}

/** How long each GraphQL operation over HTTP takes, by type and outcome. */
function operationTimer(metrics: AppMetrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operationDuration.observe(
            { type: operation?.operation ?? 'unknown', outcome: errors ? 'error' : 'ok' },
            seconds,
          );
        },
      };
    },
  };
}

/**
 * Express's own error page is HTML with a stack in development: every error
 * that reaches here (a malformed or oversized body, a failing route) is
 * answered as a GraphQL-style JSON error instead and logged as JSON.
 */
function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const { status, type } = error as { status?: number; type?: string };
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message =
      type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : status === 413
          ? `The request body is too large (at most ${byteSize((error as { limit?: unknown }).limit)})`
          : clientError
            ? ((error as Error).message ?? 'Bad request')
            : 'Internal server error';
    if (clientError)
      log.info({ status, path: request.path, reason: (error as Error).message }, 'refused a malformed HTTP request');
    else log.error({ err: error, path: request.path }, 'unexpected error in an HTTP route');
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(clientError ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
}

/** The limit body-parser applied, as its settings say it ('16 KB', '1 MB'), so a 413 names the limit that was hit. */
function byteSize(limit: unknown): string {
  if (typeof limit !== 'number') return 'the size this route accepts';
  if (limit >= 1024 * 1024 && limit % (1024 * 1024) === 0) return `${limit / (1024 * 1024)} MB`;
  if (limit >= 1024 && limit % 1024 === 0) return `${limit / 1024} KB`;
  return `${limit} bytes`;
}

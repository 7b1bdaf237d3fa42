/**
 * One Node http server for everything: Express serves GraphQL over HTTP at
 * /graphql (Apollo Server, with Apollo Sandbox outside production), the
 * Pusher routes, and health; WebSocket upgrades go to graphql-ws at
 * /graphql or to the built-in Pusher endpoint at /app/:key.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { DomainError } from '../domain/errors';
import type { Services } from '../domain/services';
import type { Viewer } from '../domain/viewer';
import type { GraphQLContext, RealtimeAccess } from '../graphql/context';
import { createErrorFormatter } from '../graphql/format-error';
import { extraValidationRules } from '../graphql/operation-rules';
import { bearerToken, type TokenVerifier } from './auth/tokens';
import { GRAPHQL_PATH, graphqlWebSocket } from './graphql-websocket';
import type { Logger } from './logger';

export type UpgradeHandler = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface ServerOptions {
  port: number;
  host?: string;
  isProduction: boolean;
  schema: GraphQLSchema;
  orm: MikroORM;
  services: Services;
  realtime: RealtimeAccess;
  verifyToken: TokenVerifier;
  /** Mounted before GraphQL; each parses its own bodies. */
  routers: Router[];
  /** Tried before graphql-ws for each WebSocket upgrade. */
  upgradeHandlers: UpgradeHandler[];
  log: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const contextBase = () => ({ em: options.orm.em.fork(), services: options.services, realtime: options.realtime });
  const formatError = createErrorFormatter(options.log, options.isProduction);
  const websocket = graphqlWebSocket({
    schema: options.schema,
    isProduction: options.isProduction,
    formatError,
    verifyToken: options.verifyToken,
    context: (viewer: Viewer) => ({ ...contextBase(), viewer, authError: null }),
    log: options.log,
  });
  const upgradeHandlers = [...options.upgradeHandlers, websocket.handleUpgrade];
  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!upgradeHandlers.some((handle) => handle(request, socket, head))) socket.destroy();
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: !options.isProduction,
    includeStacktraceInErrorResponses: !options.isProduction,
    formatError,
    validationRules: extraValidationRules(options.isProduction),
    plugins: [
      // Chosen here, not from NODE_ENV, so that `isProduction` alone decides.
      options.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => websocket.close() }) },
    ],
  });
  await apollo.start();

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Legacy frontends call /pusher/* from their own origin, like /graphql.
  app.use('/pusher', cors());
  for (const router of options.routers) app.use(router);
  app.use(
    GRAPHQL_PATH,
    cors(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ ...contextBase(), ...(await authenticate(options.verifyToken, req.headers.authorization)) }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}${GRAPHQL_PATH}`,
    port,
    httpServer,
    close: () => apollo.stop(),
  };
}

async function authenticate(verifyToken: TokenVerifier, authorization: string | undefined): Promise<Pick<GraphQLContext, 'viewer' | 'authError'>> {
  try {
    const token = bearerToken(authorization);
    return { viewer: token === null ? null : await verifyToken(token), authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { viewer: null, authError: error };
    throw error;
  }
}

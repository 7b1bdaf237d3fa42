/**
 * One Node http server for everything: Express serves GraphQL over HTTP at
 * /graphql (Apollo Server, with Apollo Sandbox outside production); the
 * WebSocket upgrade is shared the same way once realtime is wired in.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '../domain/errors';
import type { Services } from '../domain/services';
import type { GraphQLContext } from '../graphql/context';
import { depthLimit } from '../graphql/depth-limit';
import { createErrorFormatter } from '../graphql/format-error';
import { bearerToken, type TokenVerifier } from './auth/tokens';
import type { Log } from './logger';

export interface ServerOptions {
  port: number;
  host?: string;
  isProduction: boolean;
  schema: GraphQLSchema;
  orm: MikroORM;
  services: Services;
  verifyToken: TokenVerifier;
  log: Log;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

const MAX_QUERY_DEPTH = 12;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: !options.isProduction,
    includeStacktraceInErrorResponses: !options.isProduction,
    formatError: createErrorFormatter(options.log, options.isProduction),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(options, req.headers.authorization),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    httpServer,
    close: () => apollo.stop(),
  };
}

export async function contextFor(
  options: Pick<ServerOptions, 'orm' | 'services' | 'verifyToken'>,
  authorization: string | undefined,
): Promise<GraphQLContext> {
  const base = { em: options.orm.em.fork(), services: options.services };
  try {
    const token = bearerToken(authorization);
    return { ...base, viewer: token === null ? null : await options.verifyToken(token), authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { ...base, viewer: null, authError: error };
    throw error;
  }
}

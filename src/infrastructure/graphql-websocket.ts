/**
 * GraphQL subscriptions over graphql-ws on the same server and path as HTTP
 * (/graphql), so Apollo Sandbox and any graphql-ws client can subscribe.
 * The token comes in `connectionParams.authorization` ("Bearer …") and is
 * checked once per socket; a bad one closes the socket with 4403.
 */
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../domain/viewer';
import type { GraphQLContext } from '../graphql/context';
import { bearerToken, type TokenVerifier } from './auth/tokens';
import type { Log } from './logger';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLWebSocketOptions {
  schema: GraphQLSchema;
  verifyToken: TokenVerifier;
  /** Builds a context for one subscription (an EntityManager fork, services, realtime access). */
  context: (viewer: Viewer) => GraphQLContext;
  log: Log;
}

type Extra = {
  viewer?: Viewer;
};

export function graphqlWebSocket(options: GraphQLWebSocketOptions) {
  const server = new WebSocketServer({ noServer: true });
  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const token = bearerToken(typeof header === 'string' ? header : undefined);
          if (token === null) return false;
          ctx.extra.viewer = await options.verifyToken(token);
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => options.context(ctx.extra.viewer!),
      onError: (_ctx, _id, _payload, errors) => {
        for (const error of errors) {
          if (!(error.extensions as { code?: string } | undefined)?.code) options.log('error', 'subscription failed', { error: error.message });
        }
      },
    },
    server,
  );
  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) return false;
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
      return true;
    },
    close: async () => {
      await cleanup.dispose();
    },
  };
}

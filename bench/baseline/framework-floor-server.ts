/**
 * B1's floor: what the fixed stack (Apollo Server 5 on Express 5, graphql-js)
 * spends on the same `updateStocktakeLine` request with no database, no auth
 * and no events — the resolver answers from memory. No implementation on
 * this stack can spend less per request, so the app's distance from the
 * raw-SQL baseline splits into this floor and what the app adds on top.
 * Forked by the orchestrator like the baseline: `start` answers with the
 * port and pid; its CPU is read from /proc like the others'.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { serve } from '../lib/rpc';

const typeDefs = `#graphql
  type StocktakeLine { id: ID! version: Int! countedQty: String! }
  input UpdateStocktakeLineInput { countedFullUnits: String, countedPartialUnits: String }
  type Query { ok: Boolean }
  type Mutation { updateStocktakeLine(id: ID!, input: UpdateStocktakeLineInput!): StocktakeLine! }
`;

let version = 0;
const resolvers = {
  Mutation: {
    updateStocktakeLine: (_: unknown, args: { id: string; input: { countedFullUnits?: string } }) => ({
      id: args.id,
      version: (version += 1),
      countedQty: args.input.countedFullUnits ?? '0.00',
    }),
  },
};

let server: http.Server | undefined;
let apollo: ApolloServer | undefined;

serve({
  async start() {
    apollo = new ApolloServer({ typeDefs, resolvers });
    await apollo.start();
    const app = express();
    app.use('/graphql', express.json(), expressMiddleware(apollo, { context: () => Promise.resolve({}) }));
    server = http.createServer(app);
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, pid: process.pid };
  },
  async stop() {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await apollo?.stop();
  },
});

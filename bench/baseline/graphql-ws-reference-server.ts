/**
 * B9's reference: what the fixed stack holds per idle subscriber as it is
 * shipped, with nothing of the app: graphql-ws' own `ws` adapter (which
 * keeps each connection's upgrade request) and graphql-js' own `subscribe`
 * (one execution context and iterator mapping per subscriber), serving the
 * same subscription document as the bench's subscribers (a schema with just
 * the types it selects), without a token, from a stream that never yields.
 * It is not a floor (the app holds less, by not keeping what these keep);
 * it shows where the stack starts from.
 *
 * Forked by the orchestrator like the baselines: `start` answers with the
 * port and pid, `subscriptions` with how many streams are open, `heap` with
 * the heap used after collecting garbage twice.
 */
import { buildSchema, type GraphQLFieldResolver } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocketServer } from 'ws';
import { serve } from '../lib/rpc';

// The orchestrator forks this module without node flags: expose the collector at run time instead.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const schema = buildSchema(`
  interface RealtimeEvent { sequence: Int! eventId: ID! occurredAt: String! }
  type Line { id: ID! countedQty: String! expectedQty: String! varianceQty: String! varianceValue: String! version: Int! }
  type LineCountedUpdatedEvent implements RealtimeEvent {
    sequence: Int! eventId: ID! occurredAt: String! line: Line!
  }
  union StocktakeEvent = LineCountedUpdatedEvent
  type Query { ok: Boolean }
  type Subscription { stocktakeEvents(stocktakeId: ID!, afterSequence: Int): StocktakeEvent }
`);

let open = 0;

/** A stream that never yields; returning it ends it. */
function idleStream(): AsyncIterableIterator<never> {
  open += 1;
  let ended = false;
  let wake: ((result: IteratorResult<never>) => void) | undefined;
  const end = (): Promise<IteratorResult<never>> => {
    if (!ended) open -= 1;
    ended = true;
    wake?.({ done: true, value: undefined });
    return Promise.resolve({ done: true, value: undefined });
  };
  return {
    next: () => (ended ? end() : new Promise((resolve) => (wake = resolve))),
    return: end,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const subscriptionField = schema.getSubscriptionType()!.getFields().stocktakeEvents!;
subscriptionField.subscribe = (() => idleStream()) as GraphQLFieldResolver<unknown, unknown>;

let server: http.Server | undefined;
let cleanup: { dispose(): void | Promise<void> } | undefined;

serve({
  async start() {
    server = http.createServer((_request, response) => response.writeHead(404).end());
    const sockets = new WebSocketServer({ server, path: '/graphql' });
    cleanup = useServer({ schema }, sockets);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, pid: process.pid };
  },
  subscriptions() {
    return open;
  },
  heap() {
    collectGarbage();
    collectGarbage();
    return process.memoryUsage().heapUsed;
  },
  async stop() {
    await cleanup?.dispose();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  },
});

/** The executable schema, built once from the resolver classes; `schema.graphql` is printed from it. */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { runMutationsUnderIdempotencyKeys } from './idempotency';
import { CollaborationResolver } from './resolvers/collaboration-resolver';
import { LineResolver } from './resolvers/line-resolver';
import { RealtimeResolver } from './resolvers/realtime-resolver';
import { StockItemResolver } from './resolvers/stock-item-resolver';
import { StocktakeResolver } from './resolvers/stocktake-resolver';
import { ViewerResolver } from './resolvers/viewer-resolver';

const RESOLVERS = [
  ViewerResolver,
  StockItemResolver,
  StocktakeResolver,
  LineResolver,
  CollaborationResolver,
  RealtimeResolver,
] as const;

/**
 * type-graphql requires a PubSub as soon as there is a subscription, even
 * when every subscription brings its own stream. Ours all read the event
 * bus through channelStream (catch-up, then live), so topic-based
 * subscriptions are deliberately unavailable.
 */
const NO_TOPIC_SUBSCRIPTIONS = {
  publish(): never {
    throw new Error('Publish through the outbox and the event bus, not the schema PubSub');
  },
  subscribe(): never {
    throw new Error('Subscriptions stream from the event bus (see realtime/channel-stream.ts)');
  },
};

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: false,
    pubSub: NO_TOPIC_SUBSCRIPTIONS,
  });
  return runMutationsUnderIdempotencyKeys(schema);
}

/** The SDL committed as schema.graphql: sorted, so diffs only show real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

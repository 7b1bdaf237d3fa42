/** The executable schema, built once from the resolver classes; `schema.graphql` is printed from it. */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { LineResolver } from './resolvers/line-resolver';
import { StockItemResolver } from './resolvers/stock-item-resolver';
import { StocktakeResolver } from './resolvers/stocktake-resolver';
import { ViewerResolver } from './resolvers/viewer-resolver';

export const RESOLVERS = [ViewerResolver, StockItemResolver, StocktakeResolver, LineResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL committed as schema.graphql: sorted, so diffs only show real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

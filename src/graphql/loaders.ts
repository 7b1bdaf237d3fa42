/**
 * Batching for fields that would otherwise query once per parent: every
 * `lines` selected in one tick (a page of stocktakes, or the stocktakes of
 * several events) is loaded with one query. Nothing is cached between loads,
 * because subscription contexts live as long as the subscription and must
 * never serve yesterday's lines.
 */
import DataLoader from 'dataloader';

import { entitySql } from '../persistence/sql';
import { viewerOf, type GraphQLContext } from './context';
import { type LineView } from '../domain/line-view';

const linesLoaders = new WeakMap<GraphQLContext, DataLoader<number, LineView[]>>();

export function linesLoader(context: GraphQLContext): DataLoader<number, LineView[]> {
  let loader = linesLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly number[]) => {
        const byStocktake = await context.services.stocktakes.lines(entitySql(context.em), viewerOf(context), ids);
        return ids.map((id) => byStocktake.get(id) ?? []);
      },
      { cache: false },
    );
    linesLoaders.set(context, loader);
  }
  return loader;
}

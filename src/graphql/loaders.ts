/**
 * Batching for fields that would otherwise query once per parent: every
 * `lines` selected in one tick (a page of stocktakes, or the stocktakes of
 * several events) is loaded with one query. Nothing is cached between loads,
 * because subscription contexts live as long as the subscription and must
 * never serve yesterday's lines.
 *
 * The caller's hotels the same way: `me`, `hotels` and `hotel(identifier:)`
 * asked for in one tick (twenty aliases of them in one document) are read
 * once, not once per alias.
 */
import DataLoader from 'dataloader';

import { entitySql } from '../persistence/sql';
import { viewerOf, type GraphQLContext } from './context';
import { type LineView } from '../domain/line-view';
import type { MembershipView } from '../domain/services/hotel-service';

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

const myHotelsLoaders = new WeakMap<GraphQLContext, DataLoader<'mine', MembershipView[]>>();

/** The caller's hotels (`me.hotels`, `hotels`): one query for every alias that asks in the same tick. */
export function myHotelsLoader(context: GraphQLContext): DataLoader<'mine', MembershipView[]> {
  let loader = myHotelsLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(
      async (keys: readonly 'mine'[]) => {
        const hotels = await context.services.hotels.mine(context.em, viewerOf(context));
        return keys.map(() => hotels);
      },
      { cache: false },
    );
    myHotelsLoaders.set(context, loader);
  }
  return loader;
}

const hotelLoaders = new WeakMap<GraphQLContext, DataLoader<string, MembershipView>>();

/** One of the caller's hotels by identifier (`hotel`): each identifier read once per tick, however many aliases. */
export function hotelLoader(context: GraphQLContext): DataLoader<string, MembershipView> {
  let loader = hotelLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(
      async (identifiers: readonly string[]) => {
        const found = new Map<string, Promise<MembershipView | Error>>();
        for (const identifier of new Set(identifiers)) {
          found.set(
            identifier,
            context.services.hotels
              .get(context.em, viewerOf(context), identifier)
              .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
          );
        }
        return Promise.all(identifiers.map((identifier) => found.get(identifier)!));
      },
      { cache: false },
    );
    hotelLoaders.set(context, loader);
  }
  return loader;
}

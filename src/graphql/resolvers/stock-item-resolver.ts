import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { payForItemsBeyondDeclared } from '../unforeseen-cost';
import { COST_EXTENSION, EXPECTED_ITEMS, LIST_SIZE_EXTENSION } from '../operation-limits';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import { CreateStockItemInput, StockItemType, UpdateStockItemInput } from '../types/stock-item';

@Resolver()
export class StockItemResolver {
  @Query(() => [StockItemType], {
    description: "A hotel's catalogue, by category then SKU; active items unless includeInactive.",
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: EXPECTED_ITEMS, [COST_EXTENSION]: 100 })
  async stockItems(
    @Arg('hotel', () => String) hotel: string,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Matches SKU or name, case-insensitively.' })
    search: string | null,
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false }) includeInactive: boolean,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StockItemType[]> {
    const items = await context.services.items.list(context.em, viewerOf(context), hotel, {
      category,
      search,
      includeInactive,
    });
    payForItemsBeyondDeclared(context, info, items.length);
    return items;
  }

  @Mutation(() => StockItemType, {
    description: 'Managers add an item to the catalogue; the SKU letter sets its category.',
  })
  createStockItem(
    @Arg('hotel', () => String) hotel: string,
    @Arg('input', () => CreateStockItemInput) input: CreateStockItemInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StockItemType> {
    return context.services.items.create(viewerOf(context), hotel, input);
  }

  @Mutation(() => StockItemType, { description: 'Managers change an item; set active: false to deactivate it.' })
  updateStockItem(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStockItemInput) input: UpdateStockItemInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StockItemType> {
    return context.services.items.update(viewerOf(context), parseId('id', id), input);
  }
}

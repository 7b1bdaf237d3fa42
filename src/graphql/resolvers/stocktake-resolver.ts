import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import { StocktakeStatus } from '../types/enums';
import { StocktakeLineType } from '../types/stocktake-line';
import {
  ApproveStocktakePayload,
  CategoryTotalsType,
  CreateStocktakeInput,
  PopulateStocktakePayload,
  ReopenStocktakePayload,
  StocktakeType,
  UpdateStocktakeInput,
} from '../types/stocktake';

@Resolver(() => StocktakeType)
export class StocktakeResolver {
  @Query(() => [StocktakeType], { description: "A hotel's stocktakes, newest period first." })
  async stocktakes(
    @Arg('hotel', () => String) hotel: string,
    @Arg('status', () => StocktakeStatus, { nullable: true }) status: StocktakeStatus | null,
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeType[]> {
    const list = await context.services.stocktakes.list(context.em, viewerOf(context), hotel, status ?? undefined);
    return list.map(({ stocktake, lines }) => ({ ...stocktake, lines }));
  }

  @Query(() => StocktakeType)
  async stocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<StocktakeType> {
    const { stocktake, lines } = await context.services.stocktakes.detail(context.em, viewerOf(context), parseId('id', id));
    return { ...stocktake, lines };
  }

  @FieldResolver(() => [StocktakeLineType], { description: 'Every line, by category then SKU.' })
  async lines(@Root() stocktake: StocktakeType, @Ctx() context: GraphQLContext): Promise<StocktakeLineType[]> {
    // A fork of its own: this also runs for stocktakes inside subscription events, whose context lives long.
    return stocktake.lines ?? (await context.services.stocktakes.detail(context.em.fork(), viewerOf(context), stocktake.id)).lines;
  }

  @Query(() => [CategoryTotalsType], { description: 'Sums per category; one entry when category is given (none if it has no lines).' })
  categoryTotals(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<CategoryTotalsType[]> {
    return context.services.stocktakes.categoryTotals(context.em, viewerOf(context), parseId('stocktakeId', stocktakeId), category ?? undefined);
  }

  @Mutation(() => StocktakeType, { description: 'Managers open a stocktake for a period (one per hotel and period).' })
  createStocktake(
    @Arg('hotel', () => String) hotel: string,
    @Arg('input', () => CreateStocktakeInput) input: CreateStocktakeInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeType> {
    return context.services.stocktakes.create(viewerOf(context), hotel, input);
  }

  @Mutation(() => StocktakeType)
  updateStocktake(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStocktakeInput) input: UpdateStocktakeInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeType> {
    return context.services.stocktakes.updateNotes(viewerOf(context), parseId('id', id), input.notes);
  }

  @Mutation(() => ID, { description: 'Deletes a draft stocktake and its lines; returns its id. Approved stocktakes are locked.' })
  deleteStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<number> {
    return context.services.stocktakes.delete(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => PopulateStocktakePayload, { description: 'Adds missing lines and refreshes movement totals; counts are kept. Safe to repeat.' })
  populateStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<PopulateStocktakePayload> {
    return context.services.stocktakes.populate(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => ApproveStocktakePayload, { description: 'Locks the stocktake and writes one ADJUSTMENT per line with a variance.' })
  approveStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<ApproveStocktakePayload> {
    return context.services.stocktakes.approve(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => ReopenStocktakePayload, { description: "Back to DRAFT, removing the approval's adjustments." })
  reopenStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<ReopenStocktakePayload> {
    return context.services.stocktakes.reopen(viewerOf(context), parseId('id', id));
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { resolvedInSlices } from '../../domain/slices';
import { viewerOf, type GraphQLContext } from '../context';
import { entitySql } from '../../persistence/sql';
import { linesLoader } from '../loaders';
import { COST_EXTENSION, EXPECTED_LINES, LIST_SIZE_EXTENSION } from '../operation-limits';
import { parseId } from '../ids';
import { capturedLinesOf } from '../replay-capture';
import { payForItemsBeyondDeclared } from '../unforeseen-cost';
import { StocktakeStatus } from '../types/enums';
import { StocktakeLineConnection, StocktakeLineType } from '../types/stocktake-line';
import {
  connectionFrom,
  decodeCursor,
  encodeCursor,
  PAGE_ARGUMENT_RANGES,
  PageArgs,
  type Connection,
} from '../types/connection';
import { ARGUMENT_RANGES_EXTENSION } from '../argument-ranges';
import {
  ApproveStocktakePayload,
  CategoryTotalsType,
  CreateStocktakeInput,
  PopulateStocktakePayload,
  ReopenStocktakePayload,
  StocktakeConnection,
  StocktakeType,
  UpdateStocktakeInput,
} from '../types/stocktake';

/** The list names inside `stocktakes` and `linesConnection` cursors (connection.ts). */
const STOCKTAKE_CURSOR = 'stocktake';
const LINE_CURSOR = 'stocktake-line';

@Resolver(() => StocktakeType)
export class StocktakeResolver {
  @Query(() => StocktakeConnection, {
    description: "A hotel's stocktakes, newest period first, a page at a time (a Relay-style connection).",
  })
  @Extensions({ [COST_EXTENSION]: 100, [ARGUMENT_RANGES_EXTENSION]: PAGE_ARGUMENT_RANGES })
  async stocktakes(
    @Arg('hotel', () => String) hotel: string,
    @Arg('status', () => StocktakeStatus, { nullable: true }) status: StocktakeStatus | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<Connection<StocktakeType>> {
    const page = await context.services.stocktakes.list(context.em, viewerOf(context), hotel, {
      status: status ?? undefined,
      first,
      after: after == null ? null : parseId('after', decodeCursor(STOCKTAKE_CURSOR, after)),
    });
    return connectionFrom(page, (stocktake) => encodeCursor(STOCKTAKE_CURSOR, stocktake.id));
  }

  @Query(() => StocktakeType)
  @Extensions({ [COST_EXTENSION]: 100 })
  stocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<StocktakeType> {
    return context.services.stocktakes.get(context.em, viewerOf(context), parseId('id', id));
  }

  @FieldResolver(() => [StocktakeLineType], {
    description: 'Every line, by category then SKU. Loaded only when selected.',
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: EXPECTED_LINES, [COST_EXTENSION]: 100 })
  async lines(
    @Root() stocktake: StocktakeType,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<StocktakeLineType | Promise<StocktakeLineType>>> {
    // Lines stored with an idempotent result are answered as stored (replay-capture.ts).
    const lines = capturedLinesOf(stocktake) ?? (await linesLoader(context).load(stocktake.id));
    payForItemsBeyondDeclared(context, info, lines.length);
    // A large stocktake's lines are completed a slice per event-loop turn, so its response holds no one up.
    return resolvedInSlices(lines);
  }

  @FieldResolver(() => StocktakeLineConnection, {
    description:
      'The lines a page at a time, in the order of `lines` (category, then SKU): a screen can show the first ' +
      'page of a large stocktake at once and read on with `after: pageInfo.endCursor`.',
  })
  @Extensions({ [COST_EXTENSION]: 100, [ARGUMENT_RANGES_EXTENSION]: PAGE_ARGUMENT_RANGES })
  linesConnection(
    @Root() stocktake: StocktakeType,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<Connection<StocktakeLineType>> {
    const afterLineId = after == null ? null : parseId('after', decodeCursor(LINE_CURSOR, after));
    return (
      context.services.stocktakes
        // Lines stored with an idempotent result are paged as stored (replay-capture.ts).
        .linePage(entitySql(context.em), Number(stocktake.id), { first, afterLineId }, capturedLinesOf(stocktake))
        .then((page) => connectionFrom(page, (line) => encodeCursor(LINE_CURSOR, line.id)))
    );
  }

  @Query(() => [CategoryTotalsType], {
    description: 'Sums per category; one entry when category is given (none if it has no lines).',
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: 5, [COST_EXTENSION]: 300 })
  categoryTotals(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<CategoryTotalsType[]> {
    return context.services.stocktakes.categoryTotals(
      context.em,
      viewerOf(context),
      parseId('stocktakeId', stocktakeId),
      category ?? undefined,
    );
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

  @Mutation(() => ID, {
    description: 'Deletes a draft stocktake and its lines; returns its id. Approved stocktakes are locked.',
  })
  deleteStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<number> {
    return context.services.stocktakes.delete(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => PopulateStocktakePayload, {
    description: 'Adds missing lines and refreshes movement totals; counts are kept. Safe to repeat.',
  })
  populateStocktake(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<PopulateStocktakePayload> {
    return context.services.stocktakes.populate(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => ApproveStocktakePayload, {
    description: 'Locks the stocktake and writes one ADJUSTMENT per line with a variance.',
  })
  approveStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<ApproveStocktakePayload> {
    return context.services.stocktakes.approve(viewerOf(context), parseId('id', id));
  }

  @Mutation(() => ReopenStocktakePayload, { description: "Back to DRAFT, removing the approval's adjustments." })
  reopenStocktake(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<ReopenStocktakePayload> {
    return context.services.stocktakes.reopen(viewerOf(context), parseId('id', id));
  }
}

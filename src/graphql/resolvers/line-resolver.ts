import { Arg, Args, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../domain/errors';
import { ARGUMENT_RANGES_EXTENSION } from '../argument-ranges';
import { COST_EXTENSION, LIST_SIZE_EXTENSION } from '../operation-limits';
import {
  connectionFrom,
  decodeCursor,
  encodeCursor,
  PAGE_ARGUMENT_RANGES,
  PageArgs,
  type Connection,
} from '../types/connection';
import { LineHistoryConnection, type LineHistoryEntryType } from '../types/line-history';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import {
  BulkLineCountInput,
  DeleteLineMovementPayload,
  LineMovementInput,
  LineMovementPayload,
  StockMovementType,
  UpdateLineMovementInput,
  UpdateLineMovementPayload,
  UpdateStocktakeLineInput,
} from '../types/movement';
import { StocktakeLineType } from '../types/stocktake-line';

/** The list name inside `lineHistory` cursors (connection.ts). */
const HISTORY_CURSOR = 'line-history';

@Resolver()
export class LineResolver {
  @Query(() => StocktakeLineType)
  @Extensions({ [COST_EXTENSION]: 1_000 })
  stocktakeLine(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<StocktakeLineType> {
    return context.services.lines.get(context.em, viewerOf(context), parseId('id', id));
  }

  @Query(() => [StockMovementType], {
    description: "The line's item movements inside the stocktake period, newest first.",
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: 50, [COST_EXTENSION]: 750 })
  lineMovements(@Arg('lineId', () => ID) lineId: string, @Ctx() context: GraphQLContext): Promise<StockMovementType[]> {
    return context.services.lines.movements(context.em, viewerOf(context), parseId('lineId', lineId));
  }

  @Query(() => LineHistoryConnection, {
    description:
      "A line's history, newest first, a page at a time: every count and movement change, who made it, when, and " +
      "the line's figures before and after. Kept for the stocktake's life; readable by whoever may read the line.",
  })
  @Extensions({
    [COST_EXTENSION]: 100,
    [ARGUMENT_RANGES_EXTENSION]: PAGE_ARGUMENT_RANGES,
  })
  async lineHistory(
    @Arg('lineId', () => ID) lineId: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<Connection<LineHistoryEntryType>> {
    const anchor = after == null ? null : decodeCursor(HISTORY_CURSOR, after);
    // A cursor of this list holds an entry id; anything else was not given by us.
    if (anchor !== null && !/^[1-9]\d{0,17}$/.test(anchor)) {
      throw new BadInputError('after', 'after is not a cursor of this list: pass a cursor it returned');
    }
    const page = await context.services.lines.history(context.em, viewerOf(context), parseId('lineId', lineId), {
      first,
      after: anchor,
    });
    return connectionFrom(page, (entry) => encodeCursor(HISTORY_CURSOR, entry.id));
  }

  @Mutation(() => StocktakeLineType, { description: 'Enters counts; omitted fields stay as they are.' })
  updateStocktakeLine(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStocktakeLineInput) input: UpdateStocktakeLineInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeLineType> {
    return context.services.lines.updateCounts(viewerOf(context), parseId('id', id), input);
  }

  @Mutation(() => [StocktakeLineType], {
    description:
      'Counts several lines of a stocktake at once, all or nothing; when refused, extensions.lineErrors says why for each line.',
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: 300 })
  updateStocktakeLines(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('lines', () => [BulkLineCountInput]) lines: BulkLineCountInput[],
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeLineType[]> {
    return context.services.lines.updateManyCounts(
      viewerOf(context),
      parseId('stocktakeId', stocktakeId),
      lines.map((line, index) => ({ ...line, lineId: parseId(`lines[${index}].lineId`, line.lineId) })),
    );
  }

  @Mutation(() => LineMovementPayload, {
    description: 'Records a purchase or waste against the line and recalculates it.',
  })
  addLineMovement(
    @Arg('lineId', () => ID) lineId: string,
    @Arg('input', () => LineMovementInput) input: LineMovementInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LineMovementPayload> {
    return context.services.lines.addMovement(viewerOf(context), parseId('lineId', lineId), input);
  }

  @Mutation(() => UpdateLineMovementPayload)
  updateLineMovement(
    @Arg('lineId', () => ID) lineId: string,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('input', () => UpdateLineMovementInput) input: UpdateLineMovementInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateLineMovementPayload> {
    return context.services.lines.updateMovement(
      viewerOf(context),
      parseId('lineId', lineId),
      parseId('movementId', movementId),
      input,
    );
  }

  @Mutation(() => DeleteLineMovementPayload)
  deleteLineMovement(
    @Arg('lineId', () => ID) lineId: string,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The line version you last saw; a newer one is a CONFLICT carrying the current line.',
    })
    expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteLineMovementPayload> {
    return context.services.lines.deleteMovement(
      viewerOf(context),
      parseId('lineId', lineId),
      parseId('movementId', movementId),
      expectedVersion,
    );
  }
}

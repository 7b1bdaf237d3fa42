import { Arg, Ctx, Extensions, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LIST_SIZE_EXTENSION } from '../operation-limits';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import {
  DeleteLineMovementPayload,
  LineMovementInput,
  LineMovementPayload,
  StockMovementType,
  UpdateLineMovementInput,
  UpdateLineMovementPayload,
  UpdateStocktakeLineInput,
} from '../types/movement';
import { StocktakeLineType } from '../types/stocktake-line';

@Resolver()
export class LineResolver {
  @Query(() => StocktakeLineType)
  stocktakeLine(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<StocktakeLineType> {
    return context.services.lines.get(context.em, viewerOf(context), parseId('id', id));
  }

  @Query(() => [StockMovementType], {
    description: "The line's item movements inside the stocktake period, newest first.",
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: 50 })
  lineMovements(@Arg('lineId', () => ID) lineId: string, @Ctx() context: GraphQLContext): Promise<StockMovementType[]> {
    return context.services.lines.movements(context.em, viewerOf(context), parseId('lineId', lineId));
  }

  @Mutation(() => StocktakeLineType, { description: 'Enters counts; omitted fields stay as they are.' })
  updateStocktakeLine(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStocktakeLineInput) input: UpdateStocktakeLineInput,
    @Ctx() context: GraphQLContext,
  ): Promise<StocktakeLineType> {
    return context.services.lines.updateCounts(viewerOf(context), parseId('id', id), input);
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
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteLineMovementPayload> {
    return context.services.lines.deleteMovement(
      viewerOf(context),
      parseId('lineId', lineId),
      parseId('movementId', movementId),
    );
  }
}

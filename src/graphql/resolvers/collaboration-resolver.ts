/**
 * Presence and editing locks (docs/collaboration.md): thin over the domain
 * services. A join over graphql-ws belongs to that connection (it ends when
 * the connection closes); over HTTP it must be repeated within the presence
 * heartbeat.
 */
import { Arg, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { COST_EXTENSION, LIST_SIZE_EXTENSION } from '../operation-limits';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import { LineLockType, PresentUserType } from '../types/collaboration';

@Resolver()
export class CollaborationResolver {
  @Query(() => [PresentUserType], { description: 'Who is on the stocktake now, and which lines each is editing.' })
  @Extensions({ [COST_EXTENSION]: 50, [LIST_SIZE_EXTENSION]: 20 })
  presence(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<PresentUserType[]> {
    return context.services.presence.present(context.em, viewerOf(context), parseId('stocktakeId', stocktakeId));
  }

  @Mutation(() => [PresentUserType], {
    description:
      'Joins the stocktake (user-joined on your first tab or device) or renews your presence; returns who is there. ' +
      'Over HTTP, call it again within the presence heartbeat; over graphql-ws the connection keeps it.',
  })
  @Extensions({ [LIST_SIZE_EXTENSION]: 20 })
  joinStocktake(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<PresentUserType[]> {
    return context.services.presence.join(viewerOf(context), parseId('stocktakeId', stocktakeId), context.session);
  }

  @Mutation(() => Boolean, {
    description: 'Leaves from this connection (or HTTP); user-left once none of your sessions remains.',
  })
  leaveStocktake(@Arg('stocktakeId', () => ID) stocktakeId: string, @Ctx() context: GraphQLContext): Promise<boolean> {
    return context.services.presence.leave(viewerOf(context), parseId('stocktakeId', stocktakeId), context.session);
  }

  @Mutation(() => LineLockType, {
    description:
      "Takes the line's editing lock, or renews yours; CONFLICT (extensions.lockedBy, lockExpiresAt) while someone else holds it. " +
      'You hold at most LINE_LOCKS_PER_USER locks per stocktake (1 by default): taking one more releases your oldest.',
  })
  startEditingLine(@Arg('lineId', () => ID) lineId: string, @Ctx() context: GraphQLContext): Promise<LineLockType> {
    return context.services.locks.start(viewerOf(context), parseId('lineId', lineId));
  }

  @Mutation(() => Boolean, { description: 'Releases your editing lock on the line; false when you held none.' })
  stopEditingLine(@Arg('lineId', () => ID) lineId: string, @Ctx() context: GraphQLContext): Promise<boolean> {
    return context.services.locks.stop(viewerOf(context), parseId('lineId', lineId));
  }

  @Mutation(() => Boolean, {
    description: "Managers end anyone's editing lock on the line (reason broken); false when there was none.",
  })
  breakLineLock(@Arg('lineId', () => ID) lineId: string, @Ctx() context: GraphQLContext): Promise<boolean> {
    return context.services.locks.breakLock(viewerOf(context), parseId('lineId', lineId));
  }

  @Mutation(() => Int, {
    description:
      "Managers end all of one user's editing locks on the stocktake at once (one editing-locks-ended event, " +
      'reason broken); how many ended.',
  })
  breakUserLocks(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('userId', () => ID, { description: 'The user as their token names them (EventActor.id).' }) userId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<number> {
    return context.services.locks.breakUserLocks(viewerOf(context), parseId('stocktakeId', stocktakeId), userId);
  }
}

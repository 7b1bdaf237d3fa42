/**
 * Realtime over GraphQL: the two subscriptions (each replaying from
 * `afterSequence` before going live), catch-up for Pusher clients, and the
 * relay's health and repair for managers. The realtime service decides;
 * event objects come from the event catalog.
 */
import {
  Arg,
  Ctx,
  Extensions,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { COST_EXTENSION } from '../operation-limits';
import { ARGUMENT_RANGES_EXTENSION } from '../argument-ranges';
import { MAX_HISTORY_PAGE } from '../../realtime/realtime-service';
import { pusherPayload } from '../../realtime/event-catalog';
import type { StoredEvent } from '../../realtime/outbox/stored-event';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import { RealtimeEventType, StocktakeEventUnion, StocktakeListEventUnion, graphqlEvent } from '../types/events';
import { ChannelEventType, DeadLetteredEventType, RelayStatusType } from '../types/realtime';

interface SubscriptionArgs {
  hotel?: string;
  stocktakeId?: string;
  afterSequence?: number | null;
  epoch?: string | null;
}

const EPOCH_ARGUMENT =
  'The epoch afterSequence belongs to (each event carries it): when it is not the current one (the database was ' +
  'restored or reset), HISTORY_EXPIRED with the current epoch and sequence.';

/** What a subscriber holds: where its stream starts. */
const heldOf = ({ afterSequence, epoch }: SubscriptionArgs) => ({ afterSequence, epoch });

type SubscribeData = SubscribeResolverData<unknown, SubscriptionArgs, GraphQLContext>;

@Resolver()
export class RealtimeResolver {
  @Subscription(() => StocktakeListEventUnion, {
    description: "A hotel's stocktake list as it changes. With afterSequence, the stored events after it come first.",
    subscribe: ({ args, context }: SubscribeData) =>
      context.realtime.followList(viewerOf(context), args.hotel!, heldOf(args)),
  })
  stocktakeListEvents(
    @Root() event: StoredEvent,
    @Arg('hotel', () => String) _hotel: string,
    @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence: number | null,
    @Arg('epoch', () => String, { nullable: true, description: EPOCH_ARGUMENT }) _epoch: string | null,
  ): RealtimeEventType {
    return graphqlEvent(event);
  }

  @Subscription(() => StocktakeEventUnion, {
    description: 'One stocktake as it changes. With afterSequence, the stored events after it come first.',
    subscribe: ({ args, context }: SubscribeData) =>
      context.realtime.followStocktake(viewerOf(context), parseId('stocktakeId', args.stocktakeId!), heldOf(args)),
  })
  stocktakeEvents(
    @Root() event: StoredEvent,
    @Arg('stocktakeId', () => ID) _stocktakeId: string,
    @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence: number | null,
    @Arg('epoch', () => String, { nullable: true, description: EPOCH_ARGUMENT }) _epoch: string | null,
  ): RealtimeEventType {
    return graphqlEvent(event);
  }

  @Query(() => [ChannelEventType], {
    description:
      'Catch-up for Pusher clients: the events of a channel after a sequence number, with their exact Pusher payloads. ' +
      'HISTORY_EXPIRED when that is older than the history kept, ahead of the channel, or of another epoch.',
  })
  @Extensions({ [COST_EXTENSION]: 100, [ARGUMENT_RANGES_EXTENSION]: { limit: { min: 1, max: MAX_HISTORY_PAGE } } })
  async channelEvents(
    @Arg('channel', () => String) channel: string,
    @Arg('afterSequence', () => Int, { defaultValue: 0 }) afterSequence: number,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('epoch', () => String, { nullable: true, description: EPOCH_ARGUMENT }) epoch: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ChannelEventType[]> {
    const events = await context.realtime.history(viewerOf(context), channel, afterSequence, limit, epoch);
    return events.map((event) => ({
      name: event.name,
      channel: event.channel,
      epoch: event.epoch,
      sequence: event.sequence,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      payload: pusherPayload(event),
    }));
  }

  @Query(() => RelayStatusType, {
    description: 'Backlog and lag of Pusher delivery for the hotels the caller manages.',
  })
  @Extensions({ [COST_EXTENSION]: 200 })
  relayStatus(@Ctx() context: GraphQLContext): Promise<RelayStatusType> {
    return context.realtime.relayStatus(viewerOf(context));
  }

  @Query(() => [DeadLetteredEventType], {
    description: 'Events of a hotel that Pusher will not get, newest first (managers).',
  })
  @Extensions({ [COST_EXTENSION]: 100, [ARGUMENT_RANGES_EXTENSION]: { limit: { min: 1, max: MAX_HISTORY_PAGE } } })
  async deadLetteredEvents(
    @Arg('hotel', () => String) hotel: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<DeadLetteredEventType[]> {
    const dead = await context.realtime.deadLetters(viewerOf(context), hotel, limit);
    return dead.map((letter) => ({ ...letter, deadLetteredAt: letter.deadLetteredAt.toISOString() }));
  }

  @Mutation(() => Int, {
    description:
      "Managers send a hotel's dead-lettered events to Pusher again (e.g. after fixing the Pusher configuration); returns how many. " +
      'One whose channel has delivered later events since goes in the slim form, so no screen is set back to older data.',
  })
  requeueDeadLetters(@Arg('hotel', () => String) hotel: string, @Ctx() context: GraphQLContext): Promise<number> {
    return context.realtime.requeueDeadLetters(viewerOf(context), hotel);
  }
}

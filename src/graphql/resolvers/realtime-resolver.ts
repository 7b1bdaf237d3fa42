/**
 * Realtime over GraphQL: the two subscriptions (each replaying from
 * `afterSequence` before going live), catch-up for Pusher clients, and the
 * relay's health. Event objects come from the event catalog.
 */
import { Arg, Ctx, ID, Int, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { BadInputError, ForbiddenError } from '../../domain/errors';
import { stocktakeFor } from '../../domain/services/access';
import { requireRole } from '../../domain/viewer';
import { channelStream } from '../../realtime/channel-stream';
import {
  RealtimeEventType,
  StocktakeEventUnion,
  StocktakeListEventUnion,
  detailChannel,
  graphqlEvent,
  listChannel,
  parseChannel,
  pusherPayload,
  withoutPrefix,
} from '../../realtime/event-catalog';
import { eventsAfter, latestSequence } from '../../realtime/outbox/outbox-reader';
import type { StoredEvent } from '../../realtime/outbox/stored-event';
import { viewerOf, type GraphQLContext } from '../context';
import { parseId } from '../ids';
import { ChannelEventType, DeadLetteredEventType, RelayStatusType } from '../types/realtime';

const MAX_CATCH_UP = 500;

interface SubscriptionArgs {
  hotel?: string;
  stocktakeId?: string;
  afterSequence?: number | null;
}

type SubscribeData = SubscribeResolverData<unknown, SubscriptionArgs, GraphQLContext>;

function checkAfterSequence(afterSequence: number | null | undefined): void {
  if (afterSequence != null && afterSequence < 0) throw new BadInputError('afterSequence', 'afterSequence must be 0 or more');
}

/** A sequence the channel has not reached would silently swallow the events up to it. */
async function checkNotAhead(context: GraphQLContext, channel: string, afterSequence: number | null | undefined): Promise<void> {
  if (afterSequence == null) return;
  const latest = await latestSequence(context.em.fork(), channel);
  if (afterSequence > latest) {
    throw new BadInputError('afterSequence', `afterSequence ${afterSequence} is ahead of ${channel}, which is at ${latest}`);
  }
}

@Resolver()
export class RealtimeResolver {
  @Subscription(() => StocktakeListEventUnion, {
    description: "A hotel's stocktake list as it changes. With afterSequence, the stored events after it come first.",
    subscribe: async ({ args, context }: SubscribeData) => {
      const viewer = viewerOf(context);
      requireRole(viewer, args.hotel!, 'staff');
      checkAfterSequence(args.afterSequence);
      const channel = listChannel(args.hotel!);
      await checkNotAhead(context, channel, args.afterSequence);
      return channelStream({ ...context.realtime, channel, afterSequence: args.afterSequence });
    },
  })
  stocktakeListEvents(
    @Root() event: StoredEvent,
    @Arg('hotel', () => String) _hotel: string,
    @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence: number | null,
  ): RealtimeEventType {
    return graphqlEvent(event);
  }

  @Subscription(() => StocktakeEventUnion, {
    description: 'One stocktake as it changes. With afterSequence, the stored events after it come first.',
    subscribe: async ({ args, context }: SubscribeData) => {
      const viewer = viewerOf(context);
      const id = parseId('stocktakeId', args.stocktakeId!);
      checkAfterSequence(args.afterSequence);
      const { hotel } = await stocktakeFor(context.em.fork(), viewer, id, 'staff');
      const channel = detailChannel(hotel.identifier, id);
      await checkNotAhead(context, channel, args.afterSequence);
      return channelStream({ ...context.realtime, channel, afterSequence: args.afterSequence });
    },
  })
  stocktakeEvents(
    @Root() event: StoredEvent,
    @Arg('stocktakeId', () => ID) _stocktakeId: string,
    @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence: number | null,
  ): RealtimeEventType {
    return graphqlEvent(event);
  }

  @Query(() => [ChannelEventType], {
    description: 'Catch-up for Pusher clients: the events of a channel after a sequence number, with their exact Pusher payloads.',
  })
  async channelEvents(
    @Arg('channel', () => String) channel: string,
    @Arg('afterSequence', () => Int, { defaultValue: 0 }) afterSequence: number,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<ChannelEventType[]> {
    const viewer = viewerOf(context);
    checkAfterSequence(afterSequence);
    if (limit < 1 || limit > MAX_CATCH_UP) throw new BadInputError('limit', `limit must be between 1 and ${MAX_CATCH_UP}`);
    const parsed = parseChannel(channel);
    if (!parsed) throw new BadInputError('channel', `${channel} is not a stocktake channel ({hotel}-stocktakes or {hotel}-stocktake-{id})`);
    requireRole(viewer, parsed.hotel, 'staff');
    const events = await eventsAfter(context.em, withoutPrefix(channel), afterSequence, limit);
    return events.map((event) => ({
      name: event.name,
      channel: event.channel,
      sequence: event.sequence,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      payload: pusherPayload(event),
    }));
  }

  @Query(() => RelayStatusType, { description: "Backlog and lag of Pusher delivery for the hotels the caller manages." })
  async relayStatus(@Ctx() context: GraphQLContext): Promise<RelayStatusType> {
    const managed = [...viewerOf(context).hotels].filter(([, role]) => role === 'manager').map(([hotel]) => hotel);
    if (managed.length === 0) throw new ForbiddenError('Only managers can see the relay status');
    return context.realtime.relayStatus(managed);
  }

  @Query(() => [DeadLetteredEventType], { description: "Events of a hotel that Pusher will never get, newest first (managers)." })
  async deadLetteredEvents(
    @Arg('hotel', () => String) hotel: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<DeadLetteredEventType[]> {
    requireRole(viewerOf(context), hotel, 'manager');
    const rows = await context.em.execute<{ event_id: string; name: string; channel: string; sequence: string; last_error: string; dead_lettered_at: Date }[]>(
      `select event_id, name, channel, sequence, last_error, dead_lettered_at from outbox_event
       where hotel = ? and dead_lettered_at is not null order by dead_lettered_at desc, id desc limit ?`,
      [hotel, Math.min(Math.max(limit, 1), MAX_CATCH_UP)],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      name: row.name,
      channel: row.channel,
      sequence: Number(row.sequence),
      reason: row.last_error,
      deadLetteredAt: new Date(row.dead_lettered_at).toISOString(),
    }));
  }
}

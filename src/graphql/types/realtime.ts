import { GraphQLJSONObject } from 'graphql-scalars';
import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { COST_EXTENSION } from '../operation-limits';
import { DateTimeScalar } from '../scalars';

@ObjectType('ChannelEvent', { description: 'A stored event as a Pusher client received (or missed) it.' })
export class ChannelEventType {
  @Field(() => String, { description: 'The Pusher event name.' })
  name!: string;

  @Field(() => String, { description: 'The channel, without the optional private- prefix.' })
  channel!: string;

  @Field(() => String, { description: 'The epoch the sequence counts in (docs/realtime.md, "Positions and epochs").' })
  epoch!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => ID)
  eventId!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => GraphQLJSONObject, { description: 'The full Pusher payload, including meta.' })
  // Up to 10 KB of JSON each: what bounds the size of a catch-up's answer (docs/operations.md, "Operation limits").
  @Extensions({ [COST_EXTENSION]: 5 })
  payload!: Record<string, unknown>;
}

@ObjectType('RelayStatus', { description: 'How far behind Pusher delivery is.' })
export class RelayStatusType {
  @Field(() => Boolean, { description: 'Whether this instance is the one relaying to Pusher.' })
  leader!: boolean;

  @Field(() => Int, { description: 'Events committed but not yet accepted by Pusher.' })
  backlog!: number;

  @Field(() => Int, { nullable: true, description: 'Age of the oldest of those, in seconds.' })
  oldestPendingAgeSeconds!: number | null;

  @Field(() => Int, { description: 'Events that will never be sent to Pusher (see deadLetteredEvents).' })
  deadLettered!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set while publishing is paused after a 403 from Pusher.',
  })
  pausedUntil!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the newest undelivered event (waiting or dead-lettered) was refused; details in deadLetteredEvents.',
  })
  lastError!: string | null;
}

@ObjectType('DeadLetteredEvent')
export class DeadLetteredEventType {
  @Field(() => ID)
  eventId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => String, { description: 'Why Pusher can never accept it.' })
  reason!: string;

  @Field(() => DateTimeScalar)
  deadLetteredAt!: string;
}

/**
 * The typed GraphQL form of every event in the catalog: each carries the
 * delivery metadata (RealtimeEvent) and the same data as its Pusher payload,
 * in the API's camelCase types. `GRAPHQL_EVENTS` is keyed by every event
 * name, so an event added to the catalog without its GraphQL type does not
 * compile, and the two unions take their members from the catalog's channel
 * scopes. An event object's GraphQL type is chosen by its `name`.
 */
import { Field, ID, Int, InterfaceType, ObjectType, createUnionType, type ClassType } from 'type-graphql';
import type { EventName, EventOf } from '../../domain/events';
import { eventsOn } from '../../realtime/event-catalog';
import type { StoredEvent } from '../../realtime/outbox/stored-event';
import { DateTimeScalar } from '../scalars';
import { StocktakeStatus } from './enums';
import { MovementValuesType, StockMovementType } from './movement';
import { StocktakeProgressType, StocktakeType } from './stocktake';
import { StocktakeLineType } from './stocktake-line';

@ObjectType('EventActor', { description: 'Who made the change.' })
export class EventActorType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@InterfaceType('RealtimeEvent', {
  description: 'Delivery metadata every event carries; the same values are in the Pusher payload under `meta`.',
})
export abstract class RealtimeEventType {
  @Field(() => ID, { description: 'Identifies the event; the same on every channel it was sent to.' })
  eventId!: string;

  @Field(() => String, { description: 'The Pusher event name, e.g. line-counted-updated.' })
  name!: EventName;

  @Field(() => String, { description: 'The channel this copy of the event belongs to.' })
  channel!: string;

  @Field(() => String, {
    description:
      'The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a ' +
      'restore, a reset). Pass it back with afterSequence.',
  })
  epoch!: string;

  @Field(() => Int, {
    description: 'Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps.',
  })
  sequence!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => EventActorType)
  actor!: EventActorType;
}

@ObjectType('StocktakeCreatedEvent', { implements: RealtimeEventType })
class StocktakeCreatedEvent extends RealtimeEventType {
  @Field(() => StocktakeType)
  stocktake!: StocktakeType;
}

@ObjectType('StocktakeDeletedEvent', { implements: RealtimeEventType })
class StocktakeDeletedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;
}

@ObjectType('StocktakeStatusChangedEvent', { implements: RealtimeEventType })
class StocktakeStatusChangedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => StocktakeStatus)
  status!: StocktakeStatus;

  @Field(() => Int)
  adjustmentsCreated!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Lines without a count at this change: on approval, the lines approved uncounted. Null only on events recorded ' +
      'before it was added.',
  })
  uncountedLines!: number | null;

  @Field(() => StocktakeType)
  stocktake!: StocktakeType;
}

@ObjectType('StocktakePopulatedEvent', { implements: RealtimeEventType })
class StocktakePopulatedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => Int)
  linesCreated!: number;

  @Field(() => String)
  message!: string;
}

@ObjectType('LineCountedUpdatedEvent', { implements: RealtimeEventType })
class LineCountedUpdatedEvent extends RealtimeEventType {
  @Field(() => ID)
  lineId!: number;

  @Field(() => String)
  itemSku!: string;

  @Field(() => StocktakeLineType)
  line!: StocktakeLineType;

  @Field(() => StocktakeProgressType, {
    nullable: true,
    description: "The stocktake's progress after this change. Null only on events recorded before it was added.",
  })
  progress!: StocktakeProgressType | null;
}

@ObjectType('LineMovementAddedEvent', { implements: RealtimeEventType })
class LineMovementAddedEvent extends LineCountedUpdatedEvent {
  @Field(() => StockMovementType)
  movement!: StockMovementType;
}

@ObjectType('LineMovementUpdatedEvent', { implements: RealtimeEventType })
class LineMovementUpdatedEvent extends LineCountedUpdatedEvent {
  @Field(() => StockMovementType)
  movement!: StockMovementType;

  @Field(() => MovementValuesType)
  oldValues!: MovementValuesType;
}

@ObjectType('LineMovementDeletedEvent', { implements: RealtimeEventType })
class LineMovementDeletedEvent extends LineCountedUpdatedEvent {
  @Field(() => ID)
  deletedMovementId!: number;
}

@ObjectType('BulkLinesUpdatedEvent', {
  implements: RealtimeEventType,
  description: 'Lines counted in one update (on Pusher: bulk-lines-updated, in parts).',
})
class BulkLinesUpdatedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => Int)
  linesUpdated!: number;

  @Field(() => [StocktakeLineType])
  lines!: StocktakeLineType[];

  @Field(() => StocktakeProgressType, {
    nullable: true,
    description: "The stocktake's progress after this change. Null only on events recorded before it was added.",
  })
  progress!: StocktakeProgressType | null;
}

@ObjectType('UserJoinedEvent', { implements: RealtimeEventType, description: "A user's presence began." })
class UserJoinedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => EventActorType)
  user!: EventActorType;

  @Field(() => DateTimeScalar)
  since!: string;
}

@ObjectType('UserLeftEvent', { implements: RealtimeEventType, description: "A user's presence ended." })
class UserLeftEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => EventActorType)
  user!: EventActorType;

  @Field(() => String, { description: 'left, disconnected, timeout or instance-lost.' })
  reason!: string;
}

@ObjectType('UserEditingLineEvent', { implements: RealtimeEventType, description: "A user took a line's lock." })
class UserEditingLineEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => ID)
  lineId!: number;

  @Field(() => EventActorType)
  user!: EventActorType;

  @Field(() => DateTimeScalar)
  expiresAt!: string;
}

@ObjectType('UserStoppedEditingLineEvent', { implements: RealtimeEventType, description: "A line's lock ended." })
class UserStoppedEditingLineEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => ID)
  lineId!: number;

  @Field(() => EventActorType, { description: 'Who held it.' })
  user!: EventActorType;

  @Field(() => String, { description: 'released, expired, broken (by actor) or left.' })
  reason!: string;
}

@ObjectType('EndedLineLock', { description: 'An editing lock that ended, and who held it.' })
class EndedLineLockType {
  @Field(() => ID)
  lineId!: number;

  @Field(() => EventActorType, { description: 'Who held it.' })
  user!: EventActorType;
}

@ObjectType('EditingLocksEndedEvent', {
  implements: RealtimeEventType,
  description: 'Several editing locks ended at once: one event for all of them, never one per line.',
})
class EditingLocksEndedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => String, {
    description: "broken (a manager ended all of one user's locks; actor is the manager) or approved.",
  })
  reason!: string;

  @Field(() => [ID], { description: 'The lines whose locks ended, in line id order.' })
  lineIds!: number[];

  @Field(() => [EndedLineLockType], { description: 'Each lock that ended, in line id order.' })
  locks!: EndedLineLockType[];
}

interface GraphQLEventDefinition<Name extends EventName> {
  type: ClassType<RealtimeEventType>;
  /** The event's own fields, from the data the domain recorded. */
  fields(data: EventOf<Name>['data']): object;
}

const lineFields = ({ line, progress }: { line: StocktakeLineType; progress?: StocktakeProgressType }) => ({
  lineId: line.id,
  itemSku: line.itemSku,
  line,
  progress: progress ?? null,
});

/** Every catalog event's GraphQL type; keyed by all event names, so none can be missing. */
const GRAPHQL_EVENTS: { readonly [Name in EventName]: GraphQLEventDefinition<Name> } = {
  'stocktake-created': { type: StocktakeCreatedEvent, fields: ({ stocktake }) => ({ stocktake }) },
  'stocktake-deleted': { type: StocktakeDeletedEvent, fields: ({ stocktakeId }) => ({ stocktakeId }) },
  'stocktake-status-changed': {
    type: StocktakeStatusChangedEvent,
    fields: (data) => ({ ...data, uncountedLines: data.uncountedLines ?? null }),
  },
  'stocktake-populated': {
    type: StocktakePopulatedEvent,
    fields: ({ stocktakeId, linesCreated }) => ({
      stocktakeId,
      linesCreated,
      message: `Created ${linesCreated} stocktake lines`,
    }),
  },
  'line-counted-updated': { type: LineCountedUpdatedEvent, fields: lineFields },
  'line-movement-added': {
    type: LineMovementAddedEvent,
    fields: (data) => ({ ...lineFields(data), movement: data.movement }),
  },
  'line-movement-updated': {
    type: LineMovementUpdatedEvent,
    fields: (data) => ({ ...lineFields(data), movement: data.movement, oldValues: data.oldValues }),
  },
  'line-movement-deleted': {
    type: LineMovementDeletedEvent,
    fields: (data) => ({ ...lineFields(data), deletedMovementId: data.deletedMovementId }),
  },
  'bulk-lines-updated': {
    type: BulkLinesUpdatedEvent,
    fields: ({ stocktakeId, lines, progress }) => ({
      stocktakeId,
      linesUpdated: lines.length,
      lines,
      progress: progress ?? null,
    }),
  },
  'user-joined': { type: UserJoinedEvent, fields: (data) => ({ ...data }) },
  'user-left': { type: UserLeftEvent, fields: (data) => ({ ...data }) },
  'user-editing-line': { type: UserEditingLineEvent, fields: (data) => ({ ...data }) },
  'user-stopped-editing-line': { type: UserStoppedEditingLineEvent, fields: (data) => ({ ...data }) },
  'editing-locks-ended': {
    type: EditingLocksEndedEvent,
    fields: (data) => ({ ...data, lineIds: data.locks.map((lock) => lock.lineId) }),
  },
};

/** The GraphQL object of a stored event: its metadata and its own fields. */
export function graphqlEvent(event: StoredEvent): RealtimeEventType {
  const definition = GRAPHQL_EVENTS[event.name] as GraphQLEventDefinition<EventName>;
  return {
    eventId: event.eventId,
    name: event.name,
    channel: event.channel,
    epoch: event.epoch,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actor: event.actor,
    ...definition.fields(event.data),
  };
}

const typeOf = (event: RealtimeEventType) => GRAPHQL_EVENTS[event.name].type;
const typesOn = (scope: 'list' | 'detail') => eventsOn(scope).map((name) => GRAPHQL_EVENTS[name].type);

export const StocktakeListEventUnion = createUnionType({
  name: 'StocktakeListEvent',
  description: "Events on a hotel's stocktake list.",
  types: () => typesOn('list') as [ClassType<RealtimeEventType>, ...ClassType<RealtimeEventType>[]],
  resolveType: typeOf,
});

export const StocktakeEventUnion = createUnionType({
  name: 'StocktakeEvent',
  description: 'Events on one stocktake.',
  types: () => typesOn('detail') as [ClassType<RealtimeEventType>, ...ClassType<RealtimeEventType>[]],
  resolveType: typeOf,
});

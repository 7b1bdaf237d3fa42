/**
 * The typed GraphQL form of every event: each carries the delivery
 * metadata (RealtimeEvent) and the same data as its Pusher payload, in
 * the API's camelCase types.
 */
import { Field, ID, Int, InterfaceType, ObjectType, createUnionType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { StocktakeStatus } from '../../graphql/types/enums';
import { MovementValuesType, StockMovementType } from '../../graphql/types/movement';
import { StocktakeType } from '../../graphql/types/stocktake';
import { StocktakeLineType } from '../../graphql/types/stocktake-line';

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
  name!: string;

  @Field(() => String, { description: 'The channel this copy of the event belongs to.' })
  channel!: string;

  @Field(() => Int, { description: 'Position on the channel: 1, 2, 3… in commit order, with no gaps.' })
  sequence!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => EventActorType)
  actor!: EventActorType;
}

@ObjectType('StocktakeCreatedEvent', { implements: RealtimeEventType })
export class StocktakeCreatedEvent extends RealtimeEventType {
  @Field(() => StocktakeType)
  stocktake!: StocktakeType;
}

@ObjectType('StocktakeDeletedEvent', { implements: RealtimeEventType })
export class StocktakeDeletedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;
}

@ObjectType('StocktakeStatusChangedEvent', { implements: RealtimeEventType })
export class StocktakeStatusChangedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => StocktakeStatus)
  status!: StocktakeStatus;

  @Field(() => Int)
  adjustmentsCreated!: number;

  @Field(() => StocktakeType)
  stocktake!: StocktakeType;
}

@ObjectType('StocktakePopulatedEvent', { implements: RealtimeEventType })
export class StocktakePopulatedEvent extends RealtimeEventType {
  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => Int)
  linesCreated!: number;

  @Field(() => String)
  message!: string;
}

@ObjectType('LineCountedUpdatedEvent', { implements: RealtimeEventType })
export class LineCountedUpdatedEvent extends RealtimeEventType {
  @Field(() => ID)
  lineId!: number;

  @Field(() => String)
  itemSku!: string;

  @Field(() => StocktakeLineType)
  line!: StocktakeLineType;
}

@ObjectType('LineMovementAddedEvent', { implements: RealtimeEventType })
export class LineMovementAddedEvent extends LineCountedUpdatedEvent {
  @Field(() => StockMovementType)
  movement!: StockMovementType;
}

@ObjectType('LineMovementUpdatedEvent', { implements: RealtimeEventType })
export class LineMovementUpdatedEvent extends LineCountedUpdatedEvent {
  @Field(() => StockMovementType)
  movement!: StockMovementType;

  @Field(() => MovementValuesType)
  oldValues!: MovementValuesType;
}

@ObjectType('LineMovementDeletedEvent', { implements: RealtimeEventType })
export class LineMovementDeletedEvent extends LineCountedUpdatedEvent {
  @Field(() => ID)
  deletedMovementId!: number;
}

/** Events are built as instances of these classes; the line events share fields by inheritance, so `instanceof` alone would be ambiguous. */
function byClass(event: RealtimeEventType): string {
  return event.constructor.name;
}

export const StocktakeListEventUnion = createUnionType({
  name: 'StocktakeListEvent',
  description: "Events on a hotel's stocktake list.",
  types: () => [StocktakeCreatedEvent, StocktakeDeletedEvent, StocktakeStatusChangedEvent] as const,
  resolveType: byClass,
});

export const StocktakeEventUnion = createUnionType({
  name: 'StocktakeEvent',
  description: 'Events on one stocktake.',
  types: () =>
    [
      StocktakeStatusChangedEvent,
      StocktakePopulatedEvent,
      LineCountedUpdatedEvent,
      LineMovementAddedEvent,
      LineMovementUpdatedEvent,
      LineMovementDeletedEvent,
    ] as const,
  resolveType: byClass,
});

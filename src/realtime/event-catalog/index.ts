/**
 * The event catalog: for every event the domain records, the channels it
 * goes to, its Pusher payload (and the slim form used when that payload
 * would exceed Pusher's size limit), and its typed GraphQL object. Every
 * transport builds what it sends from here and nowhere else.
 */
import type { ClassType } from 'type-graphql';
import type { DomainEvent, EventName, EventOf } from '../../domain/events';
import type { StoredEvent } from '../outbox/stored-event';
import { channelFor, type ChannelScope } from './channels';
import {
  LineCountedUpdatedEvent,
  LineMovementAddedEvent,
  LineMovementDeletedEvent,
  LineMovementUpdatedEvent,
  StocktakeCreatedEvent,
  StocktakeDeletedEvent,
  StocktakePopulatedEvent,
  StocktakeStatusChangedEvent,
  type RealtimeEventType,
} from './graphql-types';
import {
  pusherLine,
  pusherMovement,
  pusherMovementSummary,
  pusherOldValues,
  pusherStocktakeSummary,
  type PusherObject,
} from './pusher-payloads';

interface EventDefinition<Name extends EventName> {
  /** Channels in the order the original sent them (list before detail). */
  scopes: readonly ChannelScope[];
  pusher(data: EventOf<Name>['data']): PusherObject;
  /** Ids only: tells the client what changed so it can refetch (`refetch: true` is added). */
  slim(data: EventOf<Name>['data']): PusherObject;
  graphqlType: ClassType<RealtimeEventType>;
  graphql(data: EventOf<Name>['data']): Record<string, unknown>;
}

type Catalog = { [Name in EventName]: EventDefinition<Name> };

const lineIds = ({ line }: { line: { id: number; itemSku: string } }) => ({ line_id: line.id, item_sku: line.itemSku });
const lineFields = ({ line }: { line: { id: number; itemSku: string } }) => ({ lineId: line.id, itemSku: line.itemSku, line });

export const EVENT_CATALOG: Catalog = {
  'stocktake-created': {
    scopes: ['list'],
    pusher: ({ stocktake }) => ({
      id: stocktake.id,
      period_start: stocktake.periodStart,
      period_end: stocktake.periodEnd,
      status: stocktake.status,
      hotel: stocktake.hotelId,
      line_count: stocktake.lineCount,
    }),
    slim: ({ stocktake }) => ({ id: stocktake.id }),
    graphqlType: StocktakeCreatedEvent,
    graphql: ({ stocktake }) => ({ stocktake }),
  },
  'stocktake-deleted': {
    scopes: ['list'],
    pusher: ({ stocktakeId }) => ({ stocktake_id: stocktakeId }),
    slim: ({ stocktakeId }) => ({ stocktake_id: stocktakeId }),
    graphqlType: StocktakeDeletedEvent,
    graphql: ({ stocktakeId }) => ({ stocktakeId }),
  },
  'stocktake-status-changed': {
    scopes: ['list', 'detail'],
    pusher: (data) => ({
      stocktake_id: data.stocktakeId,
      status: data.status,
      adjustments_created: data.adjustmentsCreated,
      stocktake: pusherStocktakeSummary(data.stocktake),
    }),
    slim: (data) => ({ stocktake_id: data.stocktakeId, status: data.status, adjustments_created: data.adjustmentsCreated }),
    graphqlType: StocktakeStatusChangedEvent,
    graphql: (data) => ({ ...data }),
  },
  'stocktake-populated': {
    scopes: ['detail'],
    pusher: ({ stocktakeId, linesCreated }) => ({
      stocktake_id: stocktakeId,
      lines_created: linesCreated,
      message: populatedMessage(linesCreated),
    }),
    slim: ({ stocktakeId, linesCreated }) => ({ stocktake_id: stocktakeId, lines_created: linesCreated }),
    graphqlType: StocktakePopulatedEvent,
    graphql: ({ stocktakeId, linesCreated }) => ({ stocktakeId, linesCreated, message: populatedMessage(linesCreated) }),
  },
  'line-counted-updated': {
    scopes: ['detail'],
    pusher: (data) => ({ ...lineIds(data), line: pusherLine(data.line) }),
    slim: lineIds,
    graphqlType: LineCountedUpdatedEvent,
    graphql: lineFields,
  },
  'line-movement-added': {
    scopes: ['detail'],
    pusher: (data) => ({ ...lineIds(data), movement: pusherMovementSummary(data.movement), line: pusherLine(data.line) }),
    slim: (data) => ({ ...lineIds(data), movement_id: data.movement.id }),
    graphqlType: LineMovementAddedEvent,
    graphql: (data) => ({ ...lineFields(data), movement: data.movement }),
  },
  'line-movement-updated': {
    scopes: ['detail'],
    pusher: (data) => ({
      ...lineIds(data),
      movement: pusherMovement(data.movement),
      old_values: pusherOldValues(data.oldValues),
      line: pusherLine(data.line),
    }),
    slim: (data) => ({ ...lineIds(data), movement_id: data.movement.id }),
    graphqlType: LineMovementUpdatedEvent,
    graphql: (data) => ({ ...lineFields(data), movement: data.movement, oldValues: data.oldValues }),
  },
  'line-movement-deleted': {
    scopes: ['detail'],
    pusher: (data) => ({ ...lineIds(data), deleted_movement_id: data.deletedMovementId, line: pusherLine(data.line) }),
    slim: (data) => ({ ...lineIds(data), deleted_movement_id: data.deletedMovementId }),
    graphqlType: LineMovementDeletedEvent,
    graphql: (data) => ({ ...lineFields(data), deletedMovementId: data.deletedMovementId }),
  },
};

function populatedMessage(linesCreated: number): string {
  return `Created ${linesCreated} stocktake lines`;
}

function definitionOf<Name extends EventName>(name: Name): EventDefinition<Name> {
  return EVENT_CATALOG[name] as EventDefinition<Name>;
}

/** The channels a domain event is published on. */
export function channelsOf(event: DomainEvent): string[] {
  return definitionOf(event.name).scopes.map((scope) => channelFor(scope, event.hotel, event.stocktakeId));
}

/** The additive `meta` object of every Pusher payload. */
export function pusherMeta(event: StoredEvent): PusherObject {
  return { event_id: event.eventId, sequence: event.sequence, occurred_at: event.occurredAt, actor: { id: event.actor.id, name: event.actor.name } };
}

export function pusherPayload(event: StoredEvent): PusherObject {
  return { ...(definitionOf(event.name).pusher as (data: unknown) => PusherObject)(event.data), meta: pusherMeta(event) };
}

/** What Pusher gets instead when the full payload is too large: ids, meta and `refetch: true`. */
export function slimPusherPayload(event: StoredEvent): PusherObject {
  return { ...(definitionOf(event.name).slim as (data: unknown) => PusherObject)(event.data), meta: pusherMeta(event), refetch: true };
}

export function graphqlEvent(event: StoredEvent): RealtimeEventType {
  const definition = definitionOf(event.name);
  return Object.assign(new (definition.graphqlType as new () => RealtimeEventType)(), {
    eventId: event.eventId,
    name: event.name,
    channel: event.channel,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actor: event.actor,
    ...(definition.graphql as (data: unknown) => Record<string, unknown>)(event.data),
  });
}

export * from './channels';
export { StocktakeEventUnion, StocktakeListEventUnion, RealtimeEventType, EventActorType } from './graphql-types';
export type { PusherObject } from './pusher-payloads';

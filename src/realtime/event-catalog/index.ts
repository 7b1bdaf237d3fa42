/**
 * The event catalog: for every event the domain records, the channels it
 * goes to, its Pusher payload and the slim form used when that payload
 * would exceed Pusher's size limit (docs/realtime.md). Every transport builds
 * what it sends from here and nowhere else; the GraphQL types are derived
 * from it in src/graphql, and the published contract (asyncapi.yaml) from
 * its schemas. It knows nothing of any transport's library.
 */
import type { DomainEvent, EventName, EventOf } from '../../domain/events';
import type { StoredEvent } from '../outbox/stored-event';
import { channelFor, type ChannelScope } from './channels';
import {
  pusherLine,
  pusherMovement,
  pusherMovementSummary,
  pusherOldValues,
  pusherStocktakeSummary,
} from './pusher-payloads';
import {
  PUSHER_PAYLOAD_SCHEMAS,
  PUSHER_SLIM_SCHEMAS,
  type PusherMeta,
  type PusherPayload,
  type SlimPusherPayload,
} from './pusher-schemas';

type Data<Name extends EventName> = EventOf<Name>['data'];
type Body<Name extends EventName> = Omit<PusherPayload<Name>, 'meta'>;
type SlimBody<Name extends EventName> = Omit<SlimPusherPayload<Name>, 'meta' | 'refetch'>;

export interface EventDefinition<Name extends EventName> {
  /** Channels in the order the original sent them (list before detail). */
  scopes: readonly ChannelScope[];
  /** What the event means, for the published contract. */
  summary: string;
  pusher(data: Data<Name>): Body<Name>;
  /** Ids only: tells the client what changed so it can refetch (`refetch: true` is added). */
  slim(data: Data<Name>): SlimBody<Name>;
}

type Catalog = { readonly [Name in EventName]: EventDefinition<Name> };

const lineIds = ({ line }: { line: { id: number; itemSku: string } }) => ({ line_id: line.id, item_sku: line.itemSku });

export const EVENT_CATALOG: Catalog = {
  'stocktake-created': {
    scopes: ['list'],
    summary: 'A manager opened a stocktake for a period.',
    pusher: ({ stocktake }) => ({
      id: stocktake.id,
      period_start: stocktake.periodStart,
      period_end: stocktake.periodEnd,
      status: stocktake.status,
      hotel: stocktake.hotelId,
      line_count: stocktake.lineCount,
    }),
    slim: ({ stocktake }) => ({ id: stocktake.id }),
  },
  'stocktake-deleted': {
    scopes: ['list'],
    summary: 'A manager deleted a draft stocktake.',
    pusher: ({ stocktakeId }) => ({ stocktake_id: stocktakeId }),
    slim: ({ stocktakeId }) => ({ stocktake_id: stocktakeId }),
  },
  'stocktake-status-changed': {
    scopes: ['list', 'detail'],
    summary: 'Approved (locked, adjustments written) or reopened (DRAFT, adjustments removed).',
    pusher: (data) => ({
      stocktake_id: data.stocktakeId,
      status: data.status,
      adjustments_created: data.adjustmentsCreated,
      stocktake: pusherStocktakeSummary(data.stocktake),
    }),
    slim: (data) => ({
      stocktake_id: data.stocktakeId,
      status: data.status,
      adjustments_created: data.adjustmentsCreated,
    }),
  },
  'stocktake-populated': {
    scopes: ['detail'],
    summary: 'Lines were created for items that lacked one, and every line refreshed from the movements.',
    pusher: ({ stocktakeId, linesCreated }) => ({
      stocktake_id: stocktakeId,
      lines_created: linesCreated,
      message: populatedMessage(linesCreated),
    }),
    slim: ({ stocktakeId, linesCreated }) => ({ stocktake_id: stocktakeId, lines_created: linesCreated }),
  },
  'line-counted-updated': {
    scopes: ['detail'],
    summary: "A line's counts changed.",
    pusher: (data) => ({ ...lineIds(data), line: pusherLine(data.line) }),
    slim: lineIds,
  },
  'line-movement-added': {
    scopes: ['detail'],
    summary: 'A purchase or waste was recorded against a line.',
    pusher: (data) => ({
      ...lineIds(data),
      movement: pusherMovementSummary(data.movement),
      line: pusherLine(data.line),
    }),
    slim: (data) => ({ ...lineIds(data), movement_id: data.movement.id }),
  },
  'line-movement-updated': {
    scopes: ['detail'],
    summary: "A line's movement was corrected.",
    pusher: (data) => ({
      ...lineIds(data),
      movement: pusherMovement(data.movement),
      old_values: pusherOldValues(data.oldValues),
      line: pusherLine(data.line),
    }),
    slim: (data) => ({ ...lineIds(data), movement_id: data.movement.id }),
  },
  'line-movement-deleted': {
    scopes: ['detail'],
    summary: "A line's movement was deleted.",
    pusher: (data) => ({ ...lineIds(data), deleted_movement_id: data.deletedMovementId, line: pusherLine(data.line) }),
    slim: (data) => ({ ...lineIds(data), deleted_movement_id: data.deletedMovementId }),
  },
};

/** Every event name, in catalog order. */
export const EVENT_NAMES = Object.keys(EVENT_CATALOG) as EventName[];

/** The events published on a channel family, in catalog order. */
export function eventsOn(scope: ChannelScope): EventName[] {
  return EVENT_NAMES.filter((name) => EVENT_CATALOG[name].scopes.includes(scope));
}

export { PUSHER_PAYLOAD_SCHEMAS, PUSHER_SLIM_SCHEMAS };

function populatedMessage(linesCreated: number): string {
  return `Created ${linesCreated} stocktake lines`;
}

function definitionOf<Name extends EventName>(name: Name): EventDefinition<Name> {
  return EVENT_CATALOG[name];
}

/** The channels a domain event is published on. */
export function channelsOf(event: DomainEvent): string[] {
  return definitionOf(event.name).scopes.map((scope) => channelFor(scope, event.hotel, event.stocktakeId));
}

/** The additive `meta` object of every Pusher payload. */
export function pusherMeta(event: Pick<StoredEvent, 'eventId' | 'sequence' | 'occurredAt' | 'actor'>): PusherMeta {
  return {
    event_id: event.eventId,
    sequence: event.sequence,
    occurred_at: event.occurredAt,
    actor: { id: event.actor.id, name: event.actor.name },
  };
}

export function pusherPayload<Name extends EventName>(event: StoredEvent<Name>): PusherPayload<Name> {
  return {
    ...definitionOf(event.name).pusher(event.data as unknown as Data<Name>),
    meta: pusherMeta(event),
  } as PusherPayload<Name>;
}

/** What Pusher gets instead when the full payload is too large: ids, meta and `refetch: true`. */
export function slimPusherPayload<Name extends EventName>(event: StoredEvent<Name>): SlimPusherPayload<Name> {
  return {
    ...definitionOf(event.name).slim(event.data as unknown as Data<Name>),
    meta: pusherMeta(event),
    refetch: true,
  } as SlimPusherPayload<Name>;
}

export * from './channels';
export type { PusherMeta, PusherPayload, SlimPusherPayload } from './pusher-schemas';

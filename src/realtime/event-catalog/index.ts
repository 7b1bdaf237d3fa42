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
  pusherProgress,
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

interface EventDefinition<Name extends EventName> {
  /** Channels in the order the original sent them (list before detail). */
  scopes: readonly ChannelScope[];
  /** What the event means, for the published contract. */
  summary: string;
  pusher(data: Data<Name>): Body<Name>;
  /** Ids only: tells the client what changed so it can refetch (`refetch: true` is added). */
  slim(data: Data<Name>): SlimBody<Name>;
  /**
   * For events whose payload may legitimately exceed Pusher's size limit:
   * the payload cut into parts that each fit (`fits` measures one with its
   * meta); none means the event is always sent whole (or slim).
   */
  split?(data: Data<Name>, fits: (body: Body<Name>) => boolean): Body<Name>[] | null;
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
      uncounted_lines: data.uncountedLines ?? null,
      stocktake: pusherStocktakeSummary(data.stocktake),
    }),
    slim: (data) => ({
      stocktake_id: data.stocktakeId,
      status: data.status,
      adjustments_created: data.adjustmentsCreated,
      uncounted_lines: data.uncountedLines ?? null,
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
    pusher: (data) => ({ ...lineIds(data), line: pusherLine(data.line), progress: pusherProgress(data.progress) }),
    slim: lineIds,
  },
  'line-movement-added': {
    scopes: ['detail'],
    summary: 'A purchase or waste was recorded against a line.',
    pusher: (data) => ({
      ...lineIds(data),
      movement: pusherMovementSummary(data.movement),
      line: pusherLine(data.line),
      progress: pusherProgress(data.progress),
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
      progress: pusherProgress(data.progress),
    }),
    slim: (data) => ({ ...lineIds(data), movement_id: data.movement.id }),
  },
  'line-movement-deleted': {
    scopes: ['detail'],
    summary: "A line's movement was deleted.",
    pusher: (data) => ({
      ...lineIds(data),
      deleted_movement_id: data.deletedMovementId,
      line: pusherLine(data.line),
      progress: pusherProgress(data.progress),
    }),
    slim: (data) => ({ ...lineIds(data), deleted_movement_id: data.deletedMovementId }),
  },
  'bulk-lines-updated': {
    scopes: ['detail'],
    summary: 'Several lines were counted in one all-or-nothing update (on Pusher, in parts under the size limit).',
    pusher: ({ stocktakeId, lines, progress }) => ({
      stocktake_id: stocktakeId,
      lines_updated: lines.length,
      part: 1,
      parts: 1,
      lines: lines.map(pusherLine),
      progress: pusherProgress(progress),
    }),
    slim: ({ stocktakeId, lines }) => ({ stocktake_id: stocktakeId, lines_updated: lines.length }),
    split: ({ stocktakeId, lines, progress }, fits) =>
      splitInParts(lines.map(pusherLine), fits, (share, part, parts) => ({
        stocktake_id: stocktakeId,
        lines_updated: lines.length,
        part,
        parts,
        lines: share,
        progress: pusherProgress(progress),
      })),
  },
  'user-joined': {
    scopes: ['detail'],
    summary: 'A user started following the stocktake (their first tab or device).',
    pusher: ({ stocktakeId, user, since }) => ({ stocktake_id: stocktakeId, user: { ...user }, since }),
    slim: ({ stocktakeId, user }) => ({ stocktake_id: stocktakeId, user: { ...user } }),
  },
  'user-left': {
    scopes: ['detail'],
    summary: "A user's presence ended (after their last tab or device), with the reason.",
    pusher: ({ stocktakeId, user, reason }) => ({ stocktake_id: stocktakeId, user: { ...user }, reason }),
    slim: ({ stocktakeId, user }) => ({ stocktake_id: stocktakeId, user: { ...user } }),
  },
  'user-editing-line': {
    scopes: ['detail'],
    summary: 'A user took the editing lock of a line (until expires_at unless renewed).',
    pusher: ({ stocktakeId, lineId, user, expiresAt }) => ({
      stocktake_id: stocktakeId,
      line_id: lineId,
      user: { ...user },
      expires_at: expiresAt,
    }),
    slim: ({ stocktakeId, lineId, user }) => ({ stocktake_id: stocktakeId, line_id: lineId, user: { ...user } }),
  },
  'user-stopped-editing-line': {
    scopes: ['detail'],
    summary: "A line's editing lock ended, with the reason.",
    pusher: ({ stocktakeId, lineId, user, reason }) => ({
      stocktake_id: stocktakeId,
      line_id: lineId,
      user: { ...user },
      reason,
    }),
    slim: ({ stocktakeId, lineId, user }) => ({ stocktake_id: stocktakeId, line_id: lineId, user: { ...user } }),
  },
  'editing-locks-ended': {
    scopes: ['detail'],
    summary:
      "Several editing locks ended at once (a manager broke all of one user's locks, or the stocktake was approved): " +
      'one event listing them, not one per line.',
    pusher: ({ stocktakeId, reason, locks }) => ({
      stocktake_id: stocktakeId,
      reason,
      line_ids: locks.map((lock) => lock.lineId),
      locks: locks.map((lock) => ({ line_id: lock.lineId, user: { ...lock.user } })),
    }),
    slim: ({ stocktakeId, reason, locks }) => ({
      stocktake_id: stocktakeId,
      reason,
      line_ids: locks.map((lock) => lock.lineId),
    }),
  },
};

/**
 * Cuts items into consecutive shares, as few as fit: each share is as long
 * as `fits` allows with the final part count. Null when a single item
 * cannot fit on its own (the caller falls back to the slim form).
 */
function splitInParts<Item, Part>(
  items: readonly Item[],
  fits: (part: Part) => boolean,
  build: (share: Item[], part: number, parts: number) => Part,
): Part[] | null {
  // The part numbers change the size a little; the count is settled when a pass confirms it.
  for (let guess = 1; guess <= items.length;) {
    const shares: Item[][] = [];
    let current: Item[] = [];
    for (const item of items) {
      const next = [...current, item];
      if (fits(build(next, shares.length + 1, guess))) current = next;
      else if (current.length === 0) return null;
      else {
        shares.push(current);
        current = [item];
        if (!fits(build(current, shares.length + 1, guess))) return null;
      }
    }
    shares.push(current);
    if (shares.length <= guess) return shares.map((share, index) => build(share, index + 1, shares.length));
    guess = shares.length;
  }
  return null;
}

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
function pusherMeta(event: Pick<StoredEvent, 'eventId' | 'sequence' | 'epoch' | 'occurredAt' | 'actor'>): PusherMeta {
  return {
    event_id: event.eventId,
    sequence: event.sequence,
    epoch: event.epoch,
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

/**
 * The Pusher payloads of an event, each within `maxBytes`: the full payload
 * when it fits, the event's parts when it splits (bulk-lines-updated), and
 * null when neither fits (the caller sends the slim form).
 */
export function pusherPayloadParts<Name extends EventName>(
  event: StoredEvent<Name>,
  maxBytes: number,
): string[] | null {
  const whole = JSON.stringify(pusherPayload(event));
  if (Buffer.byteLength(whole) <= maxBytes) return [whole];
  const definition = definitionOf(event.name);
  if (!definition.split) return null;
  const meta = pusherMeta(event);
  const serialize = (body: Body<Name>) => JSON.stringify({ ...body, meta });
  const parts = definition.split(
    event.data as unknown as Data<Name>,
    (body) => Buffer.byteLength(serialize(body)) <= maxBytes,
  );
  return parts ? parts.map(serialize) : null;
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

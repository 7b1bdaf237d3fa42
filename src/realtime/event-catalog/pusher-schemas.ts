/**
 * The shapes legacy frontends receive on Pusher (docs/realtime.md, "Events
 * and payloads"), as JSON Schema (TypeBox) with their TypeScript types: the
 * full line object, the stocktake summary, movements, `meta`, and every
 * event's payload and slim form. The builders (pusher-payloads.ts) are typed
 * by these, and the published contract (asyncapi.yaml) is generated from
 * them, so the contract and the code cannot drift apart.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import type { LineView } from '../../domain/views';

/** Quantities: decimal strings with exactly 4 places, e.g. "88.0000". */
const Quantity = Type.String({ pattern: '^-?\\d+\\.\\d{4}$', examples: ['88.0000'] });
/** Counts and money: decimal strings with exactly 2 places, e.g. "221.50". */
const TwoPlaces = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', examples: ['221.50'] });
/** Display figures of the original: whole units, or a remainder with its sign ("0", "-37.50", "2", "83.00"). */
const Display = Type.String({ pattern: '^-?\\d+(\\.\\d{2})?$' });
/** Database ids are numbers on Pusher, as in the original. */
const Id = Type.Integer({ minimum: 1 });
const Instant = Type.String({ format: 'date-time', description: 'ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Status = Type.Union([Type.Literal('DRAFT'), Type.Literal('APPROVED')]);
const LineMovementType = Type.Union([Type.Literal('PURCHASE'), Type.Literal('WASTE')]);
const AnyMovementType = Type.Union(
  ['PURCHASE', 'SALE', 'WASTE', 'TRANSFER_IN', 'TRANSFER_OUT', 'ADJUSTMENT'].map((type) => Type.Literal(type)),
);
const CategoryCode = Type.Union(['D', 'B', 'S', 'W', 'M'].map((code) => Type.Literal(code)));

const closed = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

export const PusherMetaSchema = closed(
  {
    event_id: Type.String({ format: 'uuid', description: 'The same on every channel the event went to.' }),
    sequence: Type.Integer({
      minimum: 1,
      description: 'Position on this channel within `epoch`: 1, 2, 3… in commit order, no gaps.',
    }),
    epoch: Type.String({
      pattern: '^[0-9a-f]{12}$',
      examples: ['3f9c0a61b2d4'],
      description:
        'The epoch the sequence counts in: it changes when the history cannot continue (the database was restored ' +
        'or reset), and sequences start again. Pass it to channelEvents with afterSequence.',
    }),
    occurred_at: Instant,
    actor: closed({ id: Type.String(), name: Type.String() }, 'Who made the change.'),
  },
  'Delivery metadata, added to every payload: drop repeats by sequence, catch up (channelEvents) after a jump, and ' +
    'reload after a change of epoch.',
);

/**
 * The full line object, declared once: each Pusher key with the LineView
 * field it carries and its format. PusherLineSchema (and so the contract) and
 * the builder pusherLine (pusher-payloads.ts) are both derived from it.
 */
export const PUSHER_LINE_FIELDS = {
  id: ['id', Id],
  stocktake: ['stocktakeId', Id],
  item: ['itemId', Id],
  item_sku: ['itemSku', Type.String()],
  item_name: ['itemName', Type.String()],
  category_code: ['categoryCode', CategoryCode],
  category_name: ['categoryName', Type.String()],
  item_size: ['itemSize', Type.String()],
  item_uom: ['itemUom', TwoPlaces],
  opening_qty: ['openingQty', Quantity],
  purchases: ['purchases', Quantity],
  sales_qty: ['salesQty', Quantity],
  waste: ['waste', Quantity],
  transfers_in: ['transfersIn', Quantity],
  transfers_out: ['transfersOut', Quantity],
  adjustments: ['adjustments', Quantity],
  manual_purchases_value: ['manualPurchasesValue', Type.Union([TwoPlaces, Type.Null()])],
  counted_full_units: ['countedFullUnits', TwoPlaces],
  counted_partial_units: ['countedPartialUnits', TwoPlaces],
  counted_qty: ['countedQty', Quantity],
  expected_qty: ['expectedQty', Quantity],
  variance_qty: ['varianceQty', Quantity],
  opening_display_full_units: ['openingDisplayFullUnits', Display],
  opening_display_partial_units: ['openingDisplayPartialUnits', Display],
  expected_display_full_units: ['expectedDisplayFullUnits', Display],
  expected_display_partial_units: ['expectedDisplayPartialUnits', Display],
  counted_display_full_units: ['countedDisplayFullUnits', Display],
  counted_display_partial_units: ['countedDisplayPartialUnits', Display],
  variance_display_full_units: ['varianceDisplayFullUnits', Display],
  variance_display_partial_units: ['varianceDisplayPartialUnits', Display],
  valuation_cost: ['valuationCost', Quantity],
  expected_value: ['expectedValue', TwoPlaces],
  counted_value: ['countedValue', TwoPlaces],
  variance_value: ['varianceValue', TwoPlaces],
  version: [
    'version',
    Type.Integer({
      minimum: 1,
      description: 'Added to the original object: send it back as expectedVersion.',
    }),
  ],
} as const satisfies Record<string, readonly [keyof LineView, TSchema]>;

type PusherLineFields = typeof PUSHER_LINE_FIELDS;

export const PusherLineSchema = closed(
  Object.fromEntries(Object.entries(PUSHER_LINE_FIELDS).map(([key, [, schema]]) => [key, schema])) as {
    [K in keyof PusherLineFields]: PusherLineFields[K][1];
  },
  'The full line object of the original API.',
);

export const PusherStocktakeSummarySchema = closed(
  {
    id: Id,
    hotel: Id,
    period_start: CalendarDate,
    period_end: CalendarDate,
    status: Status,
    is_locked: Type.Boolean(),
    notes: Type.String(),
    created_at: Instant,
    approved_at: Type.Union([Instant, Type.Null()]),
    approved_by: Type.Union([Type.String(), Type.Null()]),
    approved_by_name: Type.Union([Type.String(), Type.Null()]),
    total_lines: Type.Integer({ minimum: 0 }),
    line_count: Type.Integer({ minimum: 0 }),
    total_value: TwoPlaces,
    total_variance_value: TwoPlaces,
  },
  'The stocktake without its lines, so that the event stays small.',
);

export const PusherMovementSummarySchema = closed({
  id: Id,
  movement_type: LineMovementType,
  quantity: Quantity,
  timestamp: Instant,
});

export const PusherMovementSchema = closed({
  id: Id,
  movement_type: LineMovementType,
  quantity: Quantity,
  unit_cost: Type.Union([Quantity, Type.Null()]),
  reference: Type.String(),
  notes: Type.String(),
  timestamp: Instant,
});

export const PusherOldValuesSchema = closed(
  {
    movement_type: AnyMovementType,
    quantity: Quantity,
    unit_cost: Type.Union([Quantity, Type.Null()]),
    reference: Type.String(),
    notes: Type.String(),
  },
  "The movement's editable fields before the update.",
);

const lineIds = { line_id: Id, item_sku: Type.String() };

const PusherUserSchema = closed({ id: Type.String(), name: Type.String() }, 'A user as their token names them.');
const PresenceEndReason = Type.Union(
  ['left', 'disconnected', 'timeout', 'instance-lost'].map((reason) => Type.Literal(reason)),
  { description: 'left; disconnected (last graphql-ws connection closed); timeout (heartbeat lapsed); instance-lost' },
);
const LockEndReason = Type.Union(
  ['released', 'expired', 'broken', 'left'].map((reason) => Type.Literal(reason)),
  { description: 'released by the holder; expired; broken by a manager (meta.actor); left (presence ended)' },
);
const LocksEndReason = Type.Union(
  ['broken', 'approved'].map((reason) => Type.Literal(reason)),
  { description: "broken: a manager ended all of one user's locks (meta.actor); approved: the stocktake was approved" },
);
const PusherEndedLockSchema = closed({ line_id: Id, user: PusherUserSchema }, 'A lock that ended, and who held it.');
const endedLineIds = Type.Array(Id, { description: 'The lines whose locks ended, in line id order.' });
const bulkCounts = {
  stocktake_id: Id,
  lines_updated: Type.Integer({ minimum: 1, description: 'How many lines the update changed, over all parts.' }),
};

/** Every event's payload without `meta`, keyed by event name. */
export const PUSHER_PAYLOAD_SCHEMAS = {
  'stocktake-created': closed({
    id: Id,
    period_start: CalendarDate,
    period_end: CalendarDate,
    status: Status,
    hotel: Id,
    line_count: Type.Integer({ minimum: 0 }),
  }),
  'stocktake-deleted': closed({ stocktake_id: Id }),
  'stocktake-status-changed': closed({
    stocktake_id: Id,
    status: Status,
    adjustments_created: Type.Integer({ minimum: 0 }),
    stocktake: PusherStocktakeSummarySchema,
  }),
  'stocktake-populated': closed({
    stocktake_id: Id,
    lines_created: Type.Integer({ minimum: 0 }),
    message: Type.String(),
  }),
  'line-counted-updated': closed({ ...lineIds, line: PusherLineSchema }),
  'line-movement-added': closed({ ...lineIds, movement: PusherMovementSummarySchema, line: PusherLineSchema }),
  'line-movement-updated': closed({
    ...lineIds,
    movement: PusherMovementSchema,
    old_values: PusherOldValuesSchema,
    line: PusherLineSchema,
  }),
  'line-movement-deleted': closed({ ...lineIds, deleted_movement_id: Id, line: PusherLineSchema }),
  'bulk-lines-updated': closed(
    {
      ...bulkCounts,
      part: Type.Integer({ minimum: 1, description: 'This part, 1…parts.' }),
      parts: Type.Integer({ minimum: 1, description: 'How many parts carry the lines (all share meta).' }),
      lines: Type.Array(PusherLineSchema, { description: "This part's share of the lines." }),
    },
    'Split into parts so that each stays under the size limit; the parts together hold every line once.',
  ),
  'user-joined': closed({ stocktake_id: Id, user: PusherUserSchema, since: Instant }),
  'user-left': closed({ stocktake_id: Id, user: PusherUserSchema, reason: PresenceEndReason }),
  'user-editing-line': closed({ stocktake_id: Id, line_id: Id, user: PusherUserSchema, expires_at: Instant }),
  'user-stopped-editing-line': closed({ stocktake_id: Id, line_id: Id, user: PusherUserSchema, reason: LockEndReason }),
  'editing-locks-ended': closed(
    {
      stocktake_id: Id,
      reason: LocksEndReason,
      line_ids: endedLineIds,
      locks: Type.Array(PusherEndedLockSchema, { description: 'Each lock that ended, in line id order.' }),
    },
    'Several editing locks ended at once: one event for all of them, never one per line.',
  ),
} as const;

/** What goes instead when the full payload would exceed Pusher's size limit: ids only (plus meta and `refetch: true`). */
export const PUSHER_SLIM_SCHEMAS = {
  'stocktake-created': closed({ id: Id }),
  'stocktake-deleted': closed({ stocktake_id: Id }),
  'stocktake-status-changed': closed({
    stocktake_id: Id,
    status: Status,
    adjustments_created: Type.Integer({ minimum: 0 }),
  }),
  'stocktake-populated': closed({ stocktake_id: Id, lines_created: Type.Integer({ minimum: 0 }) }),
  'line-counted-updated': closed(lineIds),
  'line-movement-added': closed({ ...lineIds, movement_id: Id }),
  'line-movement-updated': closed({ ...lineIds, movement_id: Id }),
  'line-movement-deleted': closed({ ...lineIds, deleted_movement_id: Id }),
  'bulk-lines-updated': closed(bulkCounts),
  'user-joined': closed({ stocktake_id: Id, user: PusherUserSchema }),
  'user-left': closed({ stocktake_id: Id, user: PusherUserSchema }),
  'user-editing-line': closed({ stocktake_id: Id, line_id: Id, user: PusherUserSchema }),
  'user-stopped-editing-line': closed({ stocktake_id: Id, line_id: Id, user: PusherUserSchema }),
  'editing-locks-ended': closed({ stocktake_id: Id, reason: LocksEndReason, line_ids: endedLineIds }),
} as const;

export type PusherMeta = Static<typeof PusherMetaSchema>;
export type PusherLine = Static<typeof PusherLineSchema>;
export type PusherStocktakeSummary = Static<typeof PusherStocktakeSummarySchema>;
export type PusherMovementSummary = Static<typeof PusherMovementSummarySchema>;
export type PusherMovement = Static<typeof PusherMovementSchema>;
export type PusherOldValues = Static<typeof PusherOldValuesSchema>;

type PayloadSchemas = typeof PUSHER_PAYLOAD_SCHEMAS;
type SlimSchemas = typeof PUSHER_SLIM_SCHEMAS;

/** The payload of event `Name` as Pusher delivers it. */
export type PusherPayload<Name extends keyof PayloadSchemas> = Static<PayloadSchemas[Name]> & { meta: PusherMeta };
/** The slim form of event `Name`. */
export type SlimPusherPayload<Name extends keyof SlimSchemas> = Static<SlimSchemas[Name]> & {
  meta: PusherMeta;
  refetch: true;
};

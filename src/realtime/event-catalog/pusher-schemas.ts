/**
 * The shapes legacy frontends receive on Pusher (docs/realtime.md, "Events
 * and payloads"), as JSON Schema (TypeBox) with their TypeScript types: the
 * full line object, the stocktake summary, movements, `meta`, and every
 * event's payload and slim form. The builders (pusher-payloads.ts) are typed
 * by these, and the published contract (asyncapi.yaml) is generated from
 * them, so the contract and the code cannot drift apart.
 */
import {
  CloneType,
  Type,
  type Static,
  type TNull,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox';
import { LINE_VIEW, type LineView, type LineViewFormat } from '../../domain/line-view';

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

/** The original's format for each format of a line field (src/domain/line-view.ts). */
const PUSHER_FORMAT = {
  id: Id,
  version: Type.Integer({ minimum: 1 }),
  text: Type.String(),
  categoryCode: CategoryCode,
  quantity: Quantity,
  twoPlaces: TwoPlaces,
  fourPlaces: Quantity,
  display: Display,
  instant: Instant,
  user: Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
} as const satisfies Record<LineViewFormat, TSchema>;

/**
 * The full line object: each snake_case key of the original with the line
 * field (LINE_VIEW) it carries. Its schema (and so the contract) takes each
 * key's format and meaning from that field, and the builder pusherLine
 * (pusher-payloads.ts) is derived from it too.
 */
export const PUSHER_LINE_FIELDS = {
  id: 'id',
  stocktake: 'stocktakeId',
  item: 'itemId',
  item_sku: 'itemSku',
  item_name: 'itemName',
  category_code: 'categoryCode',
  category_name: 'categoryName',
  item_size: 'itemSize',
  item_uom: 'itemUom',
  opening_qty: 'openingQty',
  purchases: 'purchases',
  sales_qty: 'salesQty',
  waste: 'waste',
  transfers_in: 'transfersIn',
  transfers_out: 'transfersOut',
  adjustments: 'adjustments',
  manual_purchases_value: 'manualPurchasesValue',
  counted_full_units: 'countedFullUnits',
  counted_partial_units: 'countedPartialUnits',
  counted_qty: 'countedQty',
  expected_qty: 'expectedQty',
  variance_qty: 'varianceQty',
  opening_display_full_units: 'openingDisplayFullUnits',
  opening_display_partial_units: 'openingDisplayPartialUnits',
  expected_display_full_units: 'expectedDisplayFullUnits',
  expected_display_partial_units: 'expectedDisplayPartialUnits',
  counted_display_full_units: 'countedDisplayFullUnits',
  counted_display_partial_units: 'countedDisplayPartialUnits',
  variance_display_full_units: 'varianceDisplayFullUnits',
  variance_display_partial_units: 'varianceDisplayPartialUnits',
  valuation_cost: 'valuationCost',
  expected_value: 'expectedValue',
  counted_value: 'countedValue',
  variance_value: 'varianceValue',
  version: 'version',
  // Gained with issue 21 (Pusher payloads only gain keys): who counted the line and when, null until counted.
  counted_at: 'countedAt',
  counted_by: 'countedBy',
} as const satisfies Record<string, keyof LineView>;

type PusherLineFields = typeof PUSHER_LINE_FIELDS;
type LineFields = typeof LINE_VIEW;

/** The schema of the line field named N: its format's, and null as well where the field can be null. */
type PusherSchemaOf<N extends keyof LineFields> = LineFields[N]['nullable'] extends true
  ? TUnion<[(typeof PUSHER_FORMAT)[LineFields[N]['format']], TNull]>
  : (typeof PUSHER_FORMAT)[LineFields[N]['format']];

/** The schema of one line field, with its description (typed as PusherSchemaOf by PusherLineSchema). */
function pusherSchemaOf(name: keyof LineFields): TSchema {
  const { format, nullable, description } = LINE_VIEW[name];
  const schema: TSchema = nullable ? Type.Union([PUSHER_FORMAT[format], Type.Null()]) : PUSHER_FORMAT[format];
  return CloneType(schema, description ? { description } : {});
}

export const PusherLineSchema = closed(
  Object.fromEntries(
    Object.entries(PUSHER_LINE_FIELDS).map(([key, field]): [string, TSchema] => [key, pusherSchemaOf(field)]),
  ) as {
    [K in keyof PusherLineFields]: PusherSchemaOf<PusherLineFields[K]>;
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

export const PusherProgressSchema = closed(
  {
    counted_lines: Type.Integer({ minimum: 0, description: 'Lines with a count (counted_at set).' }),
    total_lines: Type.Integer({ minimum: 0 }),
    counted_value: { ...TwoPlaces, description: 'Σ counted value of the counted lines.' },
    variance_value_counted: { ...TwoPlaces, description: 'Σ variance value of the counted lines only.' },
  },
  "How far the stocktake's count has got, after this change (gained with issue 21).",
);

/** `progress` on the line events: null only on events recorded before progress was added. */
const progress = Type.Union([PusherProgressSchema, Type.Null()]);

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
const uncountedLines = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description:
    'Lines without a count at this change: on approval, the lines approved uncounted (gained with issue 21; null only ' +
    'on events recorded before it).',
});
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
    uncounted_lines: uncountedLines,
    stocktake: PusherStocktakeSummarySchema,
  }),
  'stocktake-populated': closed({
    stocktake_id: Id,
    lines_created: Type.Integer({ minimum: 0 }),
    message: Type.String(),
  }),
  'line-counted-updated': closed({ ...lineIds, line: PusherLineSchema, progress }),
  'line-movement-added': closed({
    ...lineIds,
    movement: PusherMovementSummarySchema,
    line: PusherLineSchema,
    progress,
  }),
  'line-movement-updated': closed({
    ...lineIds,
    movement: PusherMovementSchema,
    old_values: PusherOldValuesSchema,
    line: PusherLineSchema,
    progress,
  }),
  'line-movement-deleted': closed({ ...lineIds, deleted_movement_id: Id, line: PusherLineSchema, progress }),
  'bulk-lines-updated': closed(
    {
      ...bulkCounts,
      part: Type.Integer({ minimum: 1, description: 'This part, 1…parts.' }),
      parts: Type.Integer({ minimum: 1, description: 'How many parts carry the lines (all share meta).' }),
      lines: Type.Array(PusherLineSchema, { description: "This part's share of the lines." }),
      progress,
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
    uncounted_lines: uncountedLines,
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
export type PusherProgress = Static<typeof PusherProgressSchema>;

type PayloadSchemas = typeof PUSHER_PAYLOAD_SCHEMAS;
type SlimSchemas = typeof PUSHER_SLIM_SCHEMAS;

/** The payload of event `Name` as Pusher delivers it. */
export type PusherPayload<Name extends keyof PayloadSchemas> = Static<PayloadSchemas[Name]> & { meta: PusherMeta };
/** The slim form of event `Name`. */
export type SlimPusherPayload<Name extends keyof SlimSchemas> = Static<SlimSchemas[Name]> & {
  meta: PusherMeta;
  refetch: true;
};

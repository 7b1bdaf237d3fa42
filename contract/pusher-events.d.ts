/* Generated from src/realtime/event-catalog by `npm run contract:emit`: do not edit by hand. See asyncapi.yaml and docs/realtime.md. */

/**
 * Every Pusher event name with its payload: the full form or the slim one (`refetch: true`).
 */
export interface PusherEventPayloads {
  'stocktake-created': StocktakeCreatedPayload | StocktakeCreatedSlim;
  'stocktake-deleted': StocktakeDeletedPayload | StocktakeDeletedSlim;
  'stocktake-status-changed': StocktakeStatusChangedPayload | StocktakeStatusChangedSlim;
  'stocktake-populated': StocktakePopulatedPayload | StocktakePopulatedSlim;
  'line-counted-updated': LineCountedUpdatedPayload | LineCountedUpdatedSlim;
  'line-movement-added': LineMovementAddedPayload | LineMovementAddedSlim;
  'line-movement-updated': LineMovementUpdatedPayload | LineMovementUpdatedSlim;
  'line-movement-deleted': LineMovementDeletedPayload | LineMovementDeletedSlim;
  'bulk-lines-updated': BulkLinesUpdatedPayload | BulkLinesUpdatedSlim;
  'user-joined': UserJoinedPayload | UserJoinedSlim;
  'user-left': UserLeftPayload | UserLeftSlim;
  'user-editing-line': UserEditingLinePayload | UserEditingLineSlim;
  'user-stopped-editing-line': UserStoppedEditingLinePayload | UserStoppedEditingLineSlim;
  'editing-locks-ended': EditingLocksEndedPayload | EditingLocksEndedSlim;
}
/**
 * The `stocktake-created` payload.
 */
export interface StocktakeCreatedPayload {
  id: number;
  /**
   * YYYY-MM-DD
   */
  period_start: string;
  /**
   * YYYY-MM-DD
   */
  period_end: string;
  status: 'DRAFT' | 'APPROVED';
  hotel: number;
  line_count: number;
  meta: PusherMeta;
}
/**
 * Delivery metadata, added to every payload: drop repeats by sequence, catch up (channelEvents) after a jump, and reload after a change of epoch.
 */
export interface PusherMeta {
  /**
   * The same on every channel the event went to.
   */
  event_id: string;
  /**
   * Position on this channel within `epoch`: 1, 2, 3… in commit order, no gaps.
   */
  sequence: number;
  /**
   * The epoch the sequence counts in: it changes when the history cannot continue (the database was restored or reset), and sequences start again. Pass it to channelEvents with afterSequence.
   */
  epoch: string;
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  occurred_at: string;
  /**
   * Who made the change.
   */
  actor: {
    id: string;
    name: string;
  };
}
/**
 * The `stocktake-created` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface StocktakeCreatedSlim {
  id: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `stocktake-deleted` payload.
 */
export interface StocktakeDeletedPayload {
  stocktake_id: number;
  meta: PusherMeta;
}
/**
 * The `stocktake-deleted` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface StocktakeDeletedSlim {
  stocktake_id: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `stocktake-status-changed` payload.
 */
export interface StocktakeStatusChangedPayload {
  stocktake_id: number;
  status: 'DRAFT' | 'APPROVED';
  adjustments_created: number;
  /**
   * Lines without a count at this change: on approval, the lines approved uncounted (gained with issue 21; null only on events recorded before it).
   */
  uncounted_lines: number | null;
  stocktake: PusherStocktakeSummary;
  meta: PusherMeta;
}
/**
 * The stocktake without its lines, so that the event stays small.
 */
export interface PusherStocktakeSummary {
  id: number;
  hotel: number;
  /**
   * YYYY-MM-DD
   */
  period_start: string;
  /**
   * YYYY-MM-DD
   */
  period_end: string;
  status: 'DRAFT' | 'APPROVED';
  is_locked: boolean;
  notes: string;
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  created_at: string;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  total_lines: number;
  line_count: number;
  total_value: string;
  total_variance_value: string;
}
/**
 * The `stocktake-status-changed` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface StocktakeStatusChangedSlim {
  stocktake_id: number;
  status: 'DRAFT' | 'APPROVED';
  adjustments_created: number;
  /**
   * Lines without a count at this change: on approval, the lines approved uncounted (gained with issue 21; null only on events recorded before it).
   */
  uncounted_lines: number | null;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `stocktake-populated` payload.
 */
export interface StocktakePopulatedPayload {
  stocktake_id: number;
  lines_created: number;
  message: string;
  meta: PusherMeta;
}
/**
 * The `stocktake-populated` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface StocktakePopulatedSlim {
  stocktake_id: number;
  lines_created: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `line-counted-updated` payload.
 */
export interface LineCountedUpdatedPayload {
  line_id: number;
  item_sku: string;
  line: PusherLine;
  progress: {
    /**
     * Lines with a count (counted_at set).
     */
    counted_lines: number;
    total_lines: number;
    /**
     * Σ counted value of the counted lines.
     */
    counted_value: string;
    /**
     * Σ variance value of the counted lines only.
     */
    variance_value_counted: string;
  } | null;
  meta: PusherMeta;
}
/**
 * The full line object of the original API.
 */
export interface PusherLine {
  id: number;
  stocktake: number;
  item: number;
  item_sku: string;
  item_name: string;
  category_code: 'D' | 'B' | 'S' | 'W' | 'M';
  category_name: string;
  item_size: string;
  /**
   * Servings per full unit.
   */
  item_uom: string;
  /**
   * Servings on hand at the start of the period.
   */
  opening_qty: string;
  purchases: string;
  /**
   * SALE movements in the period (display only).
   */
  sales_qty: string;
  waste: string;
  transfers_in: string;
  transfers_out: string;
  adjustments: string;
  /**
   * Optional EUR override entered by hand.
   */
  manual_purchases_value: string | null;
  /**
   * Kegs, cases or bottles counted.
   */
  counted_full_units: string;
  /**
   * Pints or loose bottles (draught, Doz, LT sizes) or a fraction of a bottle (others).
   */
  counted_partial_units: string;
  counted_qty: string;
  /**
   * opening + purchases − waste.
   */
  expected_qty: string;
  /**
   * counted − expected; negative is a shortage.
   */
  variance_qty: string;
  opening_display_full_units: string;
  opening_display_partial_units: string;
  expected_display_full_units: string;
  expected_display_partial_units: string;
  counted_display_full_units: string;
  counted_display_partial_units: string;
  variance_display_full_units: string;
  variance_display_partial_units: string;
  /**
   * Cost per serving, fixed when the line was created.
   */
  valuation_cost: string;
  expected_value: string;
  counted_value: string;
  variance_value: string;
  /**
   * Changes with every update; send it back as expectedVersion.
   */
  version: number;
  /**
   * When counts were last entered; null until the line is counted (not the same as a zero count).
   */
  counted_at: string | null;
  /**
   * Who last entered counts; null until the line is counted.
   */
  counted_by: {
    id: string;
    name: string;
  } | null;
}
/**
 * The `line-counted-updated` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface LineCountedUpdatedSlim {
  line_id: number;
  item_sku: string;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `line-movement-added` payload.
 */
export interface LineMovementAddedPayload {
  line_id: number;
  item_sku: string;
  movement: PusherMovementSummary;
  line: PusherLine;
  progress: {
    /**
     * Lines with a count (counted_at set).
     */
    counted_lines: number;
    total_lines: number;
    /**
     * Σ counted value of the counted lines.
     */
    counted_value: string;
    /**
     * Σ variance value of the counted lines only.
     */
    variance_value_counted: string;
  } | null;
  meta: PusherMeta;
}
export interface PusherMovementSummary {
  id: number;
  movement_type: 'PURCHASE' | 'WASTE';
  quantity: string;
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  timestamp: string;
}
/**
 * The `line-movement-added` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface LineMovementAddedSlim {
  line_id: number;
  item_sku: string;
  movement_id: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `line-movement-updated` payload.
 */
export interface LineMovementUpdatedPayload {
  line_id: number;
  item_sku: string;
  movement: PusherMovement;
  old_values: PusherOldValues;
  line: PusherLine;
  progress: {
    /**
     * Lines with a count (counted_at set).
     */
    counted_lines: number;
    total_lines: number;
    /**
     * Σ counted value of the counted lines.
     */
    counted_value: string;
    /**
     * Σ variance value of the counted lines only.
     */
    variance_value_counted: string;
  } | null;
  meta: PusherMeta;
}
export interface PusherMovement {
  id: number;
  movement_type: 'PURCHASE' | 'WASTE';
  quantity: string;
  unit_cost: string | null;
  reference: string;
  notes: string;
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  timestamp: string;
}
/**
 * The movement's editable fields before the update.
 */
export interface PusherOldValues {
  movement_type: 'PURCHASE' | 'SALE' | 'WASTE' | 'TRANSFER_IN' | 'TRANSFER_OUT' | 'ADJUSTMENT';
  quantity: string;
  unit_cost: string | null;
  reference: string;
  notes: string;
}
/**
 * The `line-movement-updated` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface LineMovementUpdatedSlim {
  line_id: number;
  item_sku: string;
  movement_id: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `line-movement-deleted` payload.
 */
export interface LineMovementDeletedPayload {
  line_id: number;
  item_sku: string;
  deleted_movement_id: number;
  line: PusherLine;
  progress: {
    /**
     * Lines with a count (counted_at set).
     */
    counted_lines: number;
    total_lines: number;
    /**
     * Σ counted value of the counted lines.
     */
    counted_value: string;
    /**
     * Σ variance value of the counted lines only.
     */
    variance_value_counted: string;
  } | null;
  meta: PusherMeta;
}
/**
 * The `line-movement-deleted` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface LineMovementDeletedSlim {
  line_id: number;
  item_sku: string;
  deleted_movement_id: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * Split into parts so that each stays under the size limit; the parts together hold every line once.
 */
export interface BulkLinesUpdatedPayload {
  stocktake_id: number;
  /**
   * How many lines the update changed, over all parts.
   */
  lines_updated: number;
  /**
   * This part, 1…parts.
   */
  part: number;
  /**
   * How many parts carry the lines (all share meta).
   */
  parts: number;
  /**
   * This part's share of the lines.
   */
  lines: PusherLine[];
  progress: {
    /**
     * Lines with a count (counted_at set).
     */
    counted_lines: number;
    total_lines: number;
    /**
     * Σ counted value of the counted lines.
     */
    counted_value: string;
    /**
     * Σ variance value of the counted lines only.
     */
    variance_value_counted: string;
  } | null;
  meta: PusherMeta;
}
/**
 * The `bulk-lines-updated` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface BulkLinesUpdatedSlim {
  stocktake_id: number;
  /**
   * How many lines the update changed, over all parts.
   */
  lines_updated: number;
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `user-joined` payload.
 */
export interface UserJoinedPayload {
  stocktake_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  since: string;
  meta: PusherMeta;
}
/**
 * The `user-joined` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface UserJoinedSlim {
  stocktake_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `user-left` payload.
 */
export interface UserLeftPayload {
  stocktake_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  /**
   * left; disconnected (last graphql-ws connection closed); timeout (heartbeat lapsed); instance-lost
   */
  reason: 'left' | 'disconnected' | 'timeout' | 'instance-lost';
  meta: PusherMeta;
}
/**
 * The `user-left` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface UserLeftSlim {
  stocktake_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `user-editing-line` payload.
 */
export interface UserEditingLinePayload {
  stocktake_id: number;
  line_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  /**
   * ISO-8601 UTC with Z, e.g. 2025-11-09T14:30:00.000Z
   */
  expires_at: string;
  meta: PusherMeta;
}
/**
 * The `user-editing-line` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface UserEditingLineSlim {
  stocktake_id: number;
  line_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * The `user-stopped-editing-line` payload.
 */
export interface UserStoppedEditingLinePayload {
  stocktake_id: number;
  line_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  /**
   * released by the holder; expired; broken by a manager (meta.actor); left (presence ended)
   */
  reason: 'released' | 'expired' | 'broken' | 'left';
  meta: PusherMeta;
}
/**
 * The `user-stopped-editing-line` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface UserStoppedEditingLineSlim {
  stocktake_id: number;
  line_id: number;
  /**
   * A user as their token names them.
   */
  user: {
    id: string;
    name: string;
  };
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}
/**
 * Several editing locks ended at once: one event for all of them, never one per line.
 */
export interface EditingLocksEndedPayload {
  stocktake_id: number;
  /**
   * broken: a manager ended all of one user's locks (meta.actor); approved: the stocktake was approved
   */
  reason: 'broken' | 'approved';
  /**
   * The lines whose locks ended, in line id order.
   */
  line_ids: number[];
  /**
   * Each lock that ended, in line id order.
   *
   * Items: A lock that ended, and who held it.
   */
  locks: {
    line_id: number;
    /**
     * A user as their token names them.
     */
    user: {
      id: string;
      name: string;
    };
  }[];
  meta: PusherMeta;
}
/**
 * The `editing-locks-ended` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.
 */
export interface EditingLocksEndedSlim {
  stocktake_id: number;
  /**
   * broken: a manager ended all of one user's locks (meta.actor); approved: the stocktake was approved
   */
  reason: 'broken' | 'approved';
  /**
   * The lines whose locks ended, in line id order.
   */
  line_ids: number[];
  meta: PusherMeta;
  /**
   * Refetch what the ids name: the full payload was too large.
   */
  refetch: true;
}

/** Every event name published on Pusher. */
export type PusherEventName = keyof PusherEventPayloads;
/** The payload a handler bound to `Name` receives. */
export type PusherEventPayload<Name extends PusherEventName> = PusherEventPayloads[Name];
/** `{hotel}-stocktakes`, with `private-` in front when the server runs with PUSHER_CHANNEL_PREFIX=private-. */
export type StocktakeListChannel = `${string}-stocktakes`;
/** `{hotel}-stocktake-{id}`, with the same optional `private-` prefix. */
export type StocktakeDetailChannel = `${string}-stocktake-${number}`;
/** The events published on a hotel's list channel. */
export type StocktakeListEventName = 'stocktake-created' | 'stocktake-deleted' | 'stocktake-status-changed';
/** The events published on a stocktake's detail channel. */
export type StocktakeDetailEventName =
  | 'stocktake-status-changed'
  | 'stocktake-populated'
  | 'line-counted-updated'
  | 'line-movement-added'
  | 'line-movement-updated'
  | 'line-movement-deleted'
  | 'bulk-lines-updated'
  | 'user-joined'
  | 'user-left'
  | 'user-editing-line'
  | 'user-stopped-editing-line'
  | 'editing-locks-ended';

/**
 * Builds the objects legacy frontends receive from the views every client
 * sees: the original's snake_case keys and string formats (see
 * pusher-schemas.ts for the contract).
 */
import type { MovementValues } from '../../domain/events';
import type { MovementView, ProgressView, StocktakeView } from '../../domain/views';
import type {
  PusherLine,
  PusherMovement,
  PusherMovementSummary,
  PusherOldValues,
  PusherProgress,
  PusherStocktakeSummary,
} from './pusher-schemas';
import { PUSHER_LINE_FIELDS } from './pusher-schemas';
import { type LineView } from '../../domain/line-view';

/**
 * Keys the line object gained after events were first stored: a line stored in an event before then has no such
 * field, and the key goes as null. Every other key is copied as it is, so a field missing by mistake shows as a
 * contract failure rather than a quiet null.
 */
const GAINED_KEYS: ReadonlySet<string> = new Set(['counted_at', 'counted_by']);

/** Each key of the line object with the LineView field it carries, and whether it may be missing from a stored line. */
const LINE_KEYS = Object.entries(PUSHER_LINE_FIELDS).map(([key, field]) => [key, field, GAINED_KEYS.has(key)] as const);

/** What PUSHER_LINE_FIELDS carries from a LineView, key by key: it must be a PusherLine, or this does not compile. */
type CarriedLine = { -readonly [K in keyof typeof PUSHER_LINE_FIELDS]: LineView[(typeof PUSHER_LINE_FIELDS)[K]] };
const carried = (line: CarriedLine): PusherLine => line;

/**
 * The original's full line object, plus the keys it gained (`version`, `counted_at`, `counted_by`), built
 * from PUSHER_LINE_FIELDS. A line stored in an event before `counted_at`/`counted_by` were gained has no such
 * fields: they go as null (GAINED_KEYS).
 */
export function pusherLine(line: LineView): PusherLine {
  const payload: Record<string, unknown> = {};
  for (const [key, field, gained] of LINE_KEYS) payload[key] = gained ? (line[field] ?? null) : line[field];
  return carried(payload as CarriedLine);
}

/** The count's progress on the line events; null for an event recorded before progress was added. */
export function pusherProgress(progress: ProgressView | undefined): PusherProgress | null {
  if (!progress) return null;
  return {
    counted_lines: progress.countedLines,
    total_lines: progress.totalLines,
    counted_value: progress.countedValue,
    variance_value_counted: progress.varianceValueCounted,
  };
}

/** The stocktake without lines or snapshots, so that status events stay small. */
export function pusherStocktakeSummary(stocktake: StocktakeView): PusherStocktakeSummary {
  return {
    id: stocktake.id,
    hotel: stocktake.hotelId,
    period_start: stocktake.periodStart,
    period_end: stocktake.periodEnd,
    status: stocktake.status,
    is_locked: stocktake.isLocked,
    notes: stocktake.notes,
    created_at: stocktake.createdAt,
    approved_at: stocktake.approvedAt,
    approved_by: stocktake.approvedById,
    approved_by_name: stocktake.approvedByName,
    total_lines: stocktake.lineCount,
    line_count: stocktake.lineCount,
    total_value: stocktake.totalValue,
    total_variance_value: stocktake.totalVarianceValue,
  };
}

/** `line-movement-added` carries the short movement of the original document. */
export function pusherMovementSummary(movement: MovementView): PusherMovementSummary {
  return {
    id: movement.id,
    movement_type: lineMovementType(movement),
    quantity: movement.quantity,
    timestamp: movement.timestamp,
  };
}

/** `line-movement-updated` carries the movement with its editable fields. */
export function pusherMovement(movement: MovementView): PusherMovement {
  return {
    id: movement.id,
    movement_type: lineMovementType(movement),
    quantity: movement.quantity,
    unit_cost: movement.unitCost,
    reference: movement.reference,
    notes: movement.notes,
    timestamp: movement.timestamp,
  };
}

export function pusherOldValues(values: MovementValues): PusherOldValues {
  return {
    movement_type: values.movementType,
    quantity: values.quantity,
    unit_cost: values.unitCost,
    reference: values.reference,
    notes: values.notes,
  };
}

/** Only purchases and waste are recorded from a line, so only they appear in line events. */
function lineMovementType(movement: MovementView): PusherMovementSummary['movement_type'] {
  const type: string = movement.movementType;
  if (type !== 'PURCHASE' && type !== 'WASTE') throw new Error(`a line event cannot carry a ${type} movement`);
  return type;
}

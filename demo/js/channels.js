/**
 * The two channel families of the realtime contract (docs/realtime.md,
 * "Channels") and the event names on each. Both transports use them: the
 * Pusher variant subscribes to them, the GraphQL variant's subscriptions
 * carry the same names in `name`.
 */
export const listChannel = (hotel) => `${hotel}-stocktakes`;
export const stocktakeChannel = (hotel, id) => `${hotel}-stocktake-${id}`;

export const LIST_EVENTS = ['stocktake-created', 'stocktake-deleted', 'stocktake-status-changed'];
export const STOCKTAKE_EVENTS = [
  'stocktake-status-changed',
  'stocktake-populated',
  'line-counted-updated',
  'line-movement-added',
  'line-movement-updated',
  'line-movement-deleted',
  // With the collaboration work (bound only when the server sends them; unknown names are ignored by the views):
  'bulk-lines-updated',
  'user-joined',
  'user-left',
  'user-editing-line',
  'user-stopped-editing-line',
];

/** A Pusher line object with the GraphQL line's field names (ids are numbers in the legacy payloads). */
function lineFromPusher(line) {
  return { ...camelKeys(line), id: String(line.id), stocktakeId: String(line.stocktake) };
}

/** snake_case → camelCase keys, one level (a Pusher line object → the GraphQL line's field names). */
function camelKeys(object) {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), value]),
  );
}

/**
 * A Pusher payload (live or from channelEvents) as the event the views
 * apply, the same shape the GraphQL variant produces.
 */
export function fromPusher(name, payload) {
  const line = payload.line ? lineFromPusher(payload.line) : null;
  return {
    name,
    sequence: payload.meta.sequence,
    actor: payload.meta.actor,
    // Slim form (over Pusher's size limit): only ids and meta, refetch what it names.
    refetch: payload.refetch === true,
    stocktakeId: String(payload.stocktake_id ?? payload.id ?? line?.stocktakeId ?? ''),
    lineId: payload.line_id != null ? String(payload.line_id) : (line?.id ?? null),
    itemSku: payload.item_sku ?? line?.itemSku ?? null,
    line,
    status: payload.status ?? null,
    movement: payload.movement
      ? { movementType: payload.movement.movement_type, quantity: payload.movement.quantity }
      : null,
    linesCreated: payload.lines_created ?? null,
    // bulk-lines-updated comes in parts that share meta; presence events name the user they are about.
    lines: payload.lines ? payload.lines.map(lineFromPusher) : null,
    linesUpdated: payload.lines_updated ?? null,
    part: payload.part ?? 1,
    parts: payload.parts ?? 1,
    user: payload.user ?? null,
    // How far the count has got, after a line change (counted_lines … as countedLines …).
    progress: payload.progress ? camelKeys(payload.progress) : null,
    uncountedLines: payload.uncounted_lines ?? null,
  };
}

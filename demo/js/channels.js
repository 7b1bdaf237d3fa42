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
];

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
  // Ids are numbers in the legacy payloads and strings (GraphQL IDs) everywhere else in the demo.
  const line = payload.line
    ? { ...camelKeys(payload.line), id: String(payload.line.id), stocktakeId: String(payload.line.stocktake) }
    : null;
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
  };
}

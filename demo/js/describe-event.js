/** One sentence for a toast about someone else's change. */
import { quantity } from './format.js';

export function describeEvent(event, lineName) {
  const who = event.actor?.name ?? 'Someone';
  const what = lineName ?? event.itemSku ?? 'a line';
  switch (event.name) {
    case 'line-counted-updated':
      return event.line ? `${who} counted ${what}: ${quantity(event.line.countedQty)}` : `${who} counted ${what}`;
    case 'line-movement-added': {
      const type = event.movement?.movementType === 'WASTE' ? 'waste' : 'a purchase';
      return event.movement
        ? `${who} recorded ${type} of ${quantity(event.movement.quantity)} on ${what}`
        : `${who} recorded a movement on ${what}`;
    }
    case 'bulk-lines-updated':
      return `${who} counted ${event.linesUpdated ?? 'several'} lines at once`;
    case 'line-movement-updated':
      return `${who} changed a movement on ${what}`;
    case 'line-movement-deleted':
      return `${who} removed a movement from ${what}`;
    case 'stocktake-status-changed':
      if (event.status !== 'APPROVED') return `${who} reopened the stocktake`;
      return event.uncountedLines
        ? `${who} approved the stocktake (${event.uncountedLines} lines not counted): it is now locked`
        : `${who} approved the stocktake: it is now locked`;
    case 'stocktake-populated':
      return event.linesCreated == null
        ? `${who} populated the stocktake`
        : `${who} populated the stocktake (${event.linesCreated} lines added)`;
    case 'stocktake-created':
      return `${who} created a stocktake`;
    case 'stocktake-deleted':
      return `${who} deleted a stocktake`;
    default:
      return `${who} changed something (${event.name})`;
  }
}

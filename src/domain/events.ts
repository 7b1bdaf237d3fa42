/**
 * What each mutation says happened, recorded inside its transaction.
 * Every event names the hotel and stocktake it belongs to; how it is
 * published (channels, payloads, GraphQL types) is the event catalog's job
 * (src/realtime/event-catalog/), keyed by these names.
 */
import type { MovementType, StocktakeStatus } from './entities';
import type { LineView, MovementView, StocktakeView } from './views';

/** The editable fields of a movement before an update (the original's `old_values`). */
export interface MovementValues {
  movementType: MovementType;
  quantity: string;
  unitCost: string | null;
  reference: string;
  notes: string;
}

interface About<Name extends string, Data> {
  name: Name;
  hotel: string;
  stocktakeId: number;
  data: Data;
}

export type DomainEvent =
  | About<'stocktake-created', { stocktake: StocktakeView }>
  | About<'stocktake-deleted', { stocktakeId: number }>
  | About<
      'stocktake-status-changed',
      { stocktakeId: number; status: StocktakeStatus; adjustmentsCreated: number; stocktake: StocktakeView }
    >
  | About<'stocktake-populated', { stocktakeId: number; linesCreated: number }>
  | About<'line-counted-updated', { line: LineView }>
  | About<'line-movement-added', { line: LineView; movement: MovementView }>
  | About<'line-movement-updated', { line: LineView; movement: MovementView; oldValues: MovementValues }>
  | About<'line-movement-deleted', { line: LineView; deletedMovementId: number }>;

export type EventName = DomainEvent['name'];
export type EventOf<Name extends EventName> = Extract<DomainEvent, { name: Name }>;

export interface EventRecorder {
  record(event: DomainEvent): void;
}

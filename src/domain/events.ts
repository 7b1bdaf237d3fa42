/**
 * What each mutation says happened, recorded inside its transaction.
 * Every event names the hotel and stocktake it belongs to; how it is
 * published (channels, payloads, GraphQL types) is the event catalog's job
 * (src/realtime/event-catalog/), keyed by these names.
 */
import type { MovementType, StocktakeStatus } from './entities';
import type { MovementView, ProgressView, StocktakeView } from './views';
import { type LineView } from './line-view';

/** The editable fields of a movement before an update (the original's `old_values`). */
export interface MovementValues {
  movementType: MovementType;
  quantity: string;
  unitCost: string | null;
  reference: string;
  notes: string;
}

/** Why a presence ended (docs/collaboration.md): the user left, their last connection closed, their heartbeat lapsed, or the instance holding their connection stopped renewing it (it died). */
export type PresenceEndReason = 'left' | 'disconnected' | 'timeout' | 'instance-lost';

/** Why an editing lock ended: its holder released it, it expired, a manager broke it, or its holder's presence ended. */
export type LockEndReason = 'released' | 'expired' | 'broken' | 'left';

/**
 * Why several editing locks ended at once, in one `editing-locks-ended`
 * event (docs/collaboration.md, "Editing locks"): a manager broke all of one
 * user's locks, or the stocktake was approved.
 */
export type LocksEndReason = 'broken' | 'approved';

/** One editing lock that ended, and who held it. */
interface EndedLock {
  lineId: number;
  user: UserRef;
}

/** A user as their token names them. */
export interface UserRef {
  id: string;
  name: string;
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
      {
        stocktakeId: number;
        status: StocktakeStatus;
        adjustmentsCreated: number;
        /** Lines without a count at this change (approving with uncounted lines is allowed, and says so). */
        uncountedLines: number;
        stocktake: StocktakeView;
      }
    >
  | About<'stocktake-populated', { stocktakeId: number; linesCreated: number }>
  | About<'line-counted-updated', { line: LineView; progress: ProgressView }>
  | About<'line-movement-added', { line: LineView; movement: MovementView; progress: ProgressView }>
  | About<
      'line-movement-updated',
      { line: LineView; movement: MovementView; oldValues: MovementValues; progress: ProgressView }
    >
  | About<'line-movement-deleted', { line: LineView; deletedMovementId: number; progress: ProgressView }>
  | About<'bulk-lines-updated', { stocktakeId: number; lines: LineView[]; progress: ProgressView }>
  | About<'user-joined', { stocktakeId: number; user: UserRef; since: string }>
  | About<'user-left', { stocktakeId: number; user: UserRef; reason: PresenceEndReason }>
  | About<'user-editing-line', { stocktakeId: number; lineId: number; user: UserRef; expiresAt: string }>
  | About<'user-stopped-editing-line', { stocktakeId: number; lineId: number; user: UserRef; reason: LockEndReason }>
  | About<'editing-locks-ended', { stocktakeId: number; locks: EndedLock[]; reason: LocksEndReason }>;

export type EventName = DomainEvent['name'];
export type EventOf<Name extends EventName> = Extract<DomainEvent, { name: Name }>;

export interface EventRecorder {
  record(event: DomainEvent): void;
}

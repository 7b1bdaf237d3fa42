/**
 * Positions on a channel's history: (epoch, sequence). What a client holds
 * is checked against where the history stands before anything is read, and
 * refused with HISTORY_EXPIRED when the history cannot continue from it
 * (docs/realtime.md, "Positions and epochs").
 */
import { HistoryExpiredError, type CurrentHistory } from '../domain/errors';
import type { ChannelHistory } from './outbox/outbox-store';

/**
 * Where a client says it stands on a channel: after `afterSequence` of
 * `epoch`. Both optional: without `afterSequence` it starts from now, and
 * without `epoch` only the sequence is checked (clients from before epochs).
 */
export interface HeldPosition {
  afterSequence?: number | null;
  epoch?: string | null;
}

/** The position a refused client follows from after reloading. */
export function currentOf(history: ChannelHistory): CurrentHistory {
  return { epoch: history.epoch, sequence: history.latest, oldestSequence: history.prunedThrough + 1 };
}

/**
 * Refuses a position the history cannot continue from, with where it stands
 * now: another epoch (the database was restored or reset), a sequence the
 * channel has not reached (its history went back; served, it would silently
 * swallow the events up to it), or one from before what is kept.
 */
export function checkHeldPosition(channel: string, held: HeldPosition, history: ChannelHistory): void {
  const current = currentOf(history);
  if (held.epoch != null && held.epoch !== history.epoch) {
    throw HistoryExpiredError.otherEpoch(channel, held.epoch, current);
  }
  const afterSequence = held.afterSequence;
  if (afterSequence == null) return;
  if (afterSequence > history.latest) throw HistoryExpiredError.ahead(channel, afterSequence, current);
  if (afterSequence < history.prunedThrough) throw HistoryExpiredError.pruned(channel, afterSequence, current);
}

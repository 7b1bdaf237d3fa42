/**
 * Counts made without a network, kept until they can be sent, then sent
 * exactly once (docs/demo.md, "Counting offline").
 *
 * Each count gets its `Idempotency-Key` when the user makes it (not per
 * attempt) and the line's `version` as it was on screen (`expectedVersion`).
 * Sending again after an answer that never arrived repeats the same request
 * with the same key, so the API replays the first result instead of counting
 * twice (docs/collaboration.md, "Idempotency keys"). A count refused because
 * the line changed meanwhile (`CONFLICT`, reason `STALE_VERSION`) or for any
 * other reason is kept as a conflict for the user to resolve: sent again on
 * top of the current line ("keep mine") or dropped ("keep theirs"), never
 * lost on its own. Both lists live in localStorage, so a reload keeps them.
 */
import { COUNT, RETRYABLE } from './api.js';

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 15_000;

/** A key per user action (crypto.randomUUID needs a secure context; the demo may be opened over plain http on a LAN). */
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createOfflineQueue(api, connectivity, userId) {
  const storageKey = `stocktake-demo-queue:${userId}`;
  const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') ?? {};
  /** Counts waiting to be sent, oldest first: { key, lineId, itemName, input }. */
  const pending = stored.pending ?? [];
  /** Counts the API refused: the item, and why ({ code, reason, message, line? }). */
  const conflicts = stored.conflicts ?? [];
  const listeners = new Set();
  let sending;
  /** The key of the count being sent. */
  let inFlight;
  let retryTimer;
  let retryDelay = RETRY_FIRST_MS;

  function changed(change) {
    localStorage.setItem(storageKey, JSON.stringify({ pending, conflicts }));
    for (const listener of listeners) listener(change);
  }

  /**
   * Queues a count of a line at the version shown. It replaces a count of
   * that line still waiting (not one being sent: that one's answer decides
   * the version the next count is on top of, see `sent`).
   */
  function enqueue({ lineId, itemName, counts, expectedVersion }) {
    const waiting = pending.findIndex((item) => item.lineId === lineId && item.key !== inFlight);
    const item = {
      key: newKey(),
      lineId,
      itemName,
      // A second offline count of the line is on top of the same version: the first one was never sent.
      input: { ...counts, expectedVersion: waiting >= 0 ? pending[waiting].input.expectedVersion : expectedVersion },
    };
    if (waiting >= 0) pending.splice(waiting, 1, item);
    else pending.push(item);
    changed({ type: 'queued', item });
  }

  function remove(item) {
    pending.splice(pending.indexOf(item), 1);
  }

  /** The user's own later count of the line was made on top of this one: it expects the version this one made. */
  function sent(item, line) {
    remove(item);
    for (const later of pending) {
      if (later.lineId === item.lineId && later.input.expectedVersion === item.input.expectedVersion)
        later.input = { ...later.input, expectedVersion: line.version };
    }
    changed({ type: 'sent', item, line });
  }

  async function sendAll() {
    clearTimeout(retryTimer);
    try {
      await sendEach();
    } finally {
      inFlight = undefined;
    }
  }

  async function sendEach() {
    while (pending.length && !connectivity.offline) {
      const [item] = pending;
      inFlight = item.key;
      try {
        const { updateStocktakeLine } = await api.request(
          COUNT,
          { id: item.lineId, input: item.input },
          { idempotencyKey: item.key },
        );
        retryDelay = RETRY_FIRST_MS;
        sent(item, updateStocktakeLine);
      } catch (error) {
        if (RETRYABLE.has(error.code)) {
          // No answer: it may or may not have been counted. Same request, same key, a little later.
          if (!connectivity.offline) retryTimer = setTimeout(flush, retryDelay);
          retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
          return;
        }
        remove(item);
        const conflict = {
          ...item,
          code: error.code,
          reason: error.extensions.reason ?? null,
          message: error.message,
          line: error.extensions.line ?? null,
          lockedBy: error.extensions.lockedBy ?? null,
        };
        conflicts.push(conflict);
        changed({ type: 'conflict', item: conflict });
      }
    }
  }

  /** Sends what is waiting, one count at a time, in the order they were made; one run at a time. */
  function flush() {
    sending ??= sendAll().finally(() => (sending = undefined));
    return sending;
  }

  connectivity.whenBack(flush);

  function takeConflict(key) {
    const index = conflicts.findIndex((conflict) => conflict.key === key);
    return index >= 0 ? conflicts.splice(index, 1)[0] : undefined;
  }

  return {
    enqueue,
    flush,
    pendingFor: (lineId) => pending.find((item) => item.lineId === lineId),
    get pending() {
      return [...pending];
    },
    get conflicts() {
      return [...conflicts];
    },
    /** Sends the user's count again on top of the line's current version (a new request, so a new key). */
    keepMine(key, currentVersion) {
      const conflict = takeConflict(key);
      if (!conflict) return;
      const { countedFullUnits, countedPartialUnits } = conflict.input;
      pending.push({
        key: newKey(),
        lineId: conflict.lineId,
        itemName: conflict.itemName,
        input: { countedFullUnits, countedPartialUnits, expectedVersion: currentVersion },
      });
      changed({ type: 'resolved', item: conflict });
      void flush();
    },
    /** Drops the user's count: the line stays as it is now. */
    keepTheirs(key) {
      const conflict = takeConflict(key);
      if (conflict) changed({ type: 'resolved', item: conflict });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

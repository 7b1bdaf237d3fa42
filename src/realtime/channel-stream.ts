/**
 * One subscriber's view of a channel: the stored events after
 * `afterSequence` first, then live ones, in sequence order with no gap and
 * no duplicate.
 *
 * Live events can reach the bus out of order (two commits publish from two
 * requests), so each event is checked against the last sequence delivered:
 * older ones are dropped as duplicates, and a jump ahead is filled from the
 * outbox first — the missing events are already committed, because a
 * channel's sequence is taken in commit order. If what is missing has been
 * pruned meanwhile, the stream ends with HISTORY_EXPIRED rather than skip it.
 * A bus that can lose events (Redis between instances) also asks for a
 * resync when it may have: the stream then reads the outbox past `last`,
 * so a lost event with no later one on its channel still arrives.
 */
import { HistoryExpiredError } from '../domain/errors';
import type { EventBus } from './event-bus';
import type { OutboxStore } from './outbox/outbox-store';
import type { StoredEvent } from './outbox/stored-event';

import type { Repeater as RepeaterClass } from '@repeaterjs/repeater' with { 'resolution-mode': 'import' };

// The package ships a CommonJS build, but its typings are declared as ESM only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Repeater } = require('@repeaterjs/repeater') as { Repeater: typeof RepeaterClass };

const PAGE = 500;
/** Live events held for a slow subscriber; past this the outbox serves them once it catches up. */
export const MAX_QUEUED = 1_000;

export interface ChannelStreamOptions {
  store: OutboxStore;
  bus: EventBus;
  channel: string;
  /** Replay what was stored after this sequence; without it, only what happens from now on. */
  afterSequence?: number | null;
  /** Live events held for a subscriber that does not keep up (default MAX_QUEUED). */
  maxQueued?: number;
  /** Told whenever missed events are read back from the outbox (metrics). */
  onGapFill?: () => void;
}

export function channelStream({
  store,
  bus,
  channel,
  afterSequence,
  maxQueued = MAX_QUEUED,
  onGapFill,
}: ChannelStreamOptions): AsyncIterableIterator<StoredEvent> {
  return new Repeater<StoredEvent>(async (push, stop) => {
    let last = 0;
    let closed = false;
    void stop.then(() => (closed = true));
    let work = Promise.resolve();
    let queued = 0;
    let behind = false;
    const enqueue = (step: () => Promise<void>) => {
      queued += 1;
      work = work
        .then(step)
        .then(() => {
          queued -= 1;
          // Live events were dropped while the subscriber was slow: read them from the outbox.
          if (behind && queued === 0) {
            behind = false;
            onGapFill?.();
            enqueue(() => catchUp(Number.POSITIVE_INFINITY));
          }
        })
        .catch((error: unknown) => stop(error));
    };

    const deliver = async (event: StoredEvent) => {
      await push(event);
      last = event.sequence;
    };
    const catchUp = async (upTo: number) => {
      while (!closed) {
        const page = await store.eventsAfter(channel, last, PAGE);
        const first = page[0];
        if (first && first.sequence !== last + 1) {
          throw new HistoryExpiredError(channel, last, first.sequence);
        }
        for (const event of page) {
          if (event.sequence > upTo) return;
          await deliver(event);
        }
        if (page.length < PAGE) return;
      }
    };

    // Listen first, then read: anything committed in between arrives through
    // the bus and waits in the queue behind the catch-up.
    const onEvent = (event: StoredEvent) => {
      if (queued >= maxQueued) {
        behind = true;
        return;
      }
      enqueue(async () => {
        if (event.sequence <= last) return;
        if (event.sequence > last + 1) {
          onGapFill?.();
          await catchUp(event.sequence - 1);
        }
        if (event.sequence > last) await deliver(event);
      });
    };
    // The bus may have lost live events (Redis between instances): read whatever the outbox has after `last`.
    const onResync = () => {
      if (queued >= maxQueued) {
        behind = true;
        return;
      }
      enqueue(async () => {
        const before = last;
        await catchUp(Number.POSITIVE_INFINITY);
        if (last > before) onGapFill?.();
      });
    };
    const unsubscribe = bus.subscribe(channel, onEvent, onResync);
    enqueue(async () => {
      if (afterSequence === undefined || afterSequence === null) {
        last = (await store.history(channel)).latest;
      } else {
        last = afterSequence;
        await catchUp(Number.POSITIVE_INFINITY);
      }
    });

    await stop;
    unsubscribe();
  });
}

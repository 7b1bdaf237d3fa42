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
 *
 * Sequences count within an epoch (docs/realtime.md, "Positions and
 * epochs"): an event of another epoch than the stream's (the database was
 * restored or reset under it) ends the stream with HISTORY_EXPIRED too, as
 * its sequence says nothing about what was delivered.
 */
import { HistoryExpiredError } from '../domain/errors';
import { currentOf } from './history-position';
import type { EventBus } from './event-bus';
import type { OutboxStore } from './outbox/outbox-store';
import type { StoredEvent } from './outbox/stored-event';

const PAGE = 500;
/** Live events held for a slow subscriber; past this the outbox serves them once it catches up. */
const MAX_QUEUED = 1_000;

interface ChannelStreamOptions {
  store: OutboxStore;
  bus: EventBus;
  channel: string;
  /** Replay what was stored after this sequence; without it, only what happens from now on. */
  afterSequence?: number | null;
  /** The epoch `afterSequence` belongs to (already checked against the current one); without it, the first event read sets it. */
  epoch?: string;
  /** Live events held for a subscriber that does not keep up (default MAX_QUEUED). */
  maxQueued?: number;
  /** Told whenever missed events are read back from the outbox (metrics). */
  onGapFill?: () => void;
  /**
   * Paid before each page of the replay from `afterSequence` is delivered (the subscriber's budget,
   * docs/operations.md "Per-token budgets"): a large catch-up slows down to what its user may spend.
   * Reading back events the bus missed is the product's own doing and is not paid for.
   */
  payForReplay?: (events: number, isClosed: () => boolean) => Promise<void>;
}

/**
 * Starts when first asked for an event (as graphql-ws does at once). Ending
 * it (`return`) unsubscribes at once, not at its next event.
 */
export function channelStream(options: ChannelStreamOptions): AsyncIterableIterator<StoredEvent> {
  return new ChannelStream(options);
}

/**
 * Hand-written rather than built on a general async-iterator library: every
 * open subscription holds one, and this keeps it to a few fields and two
 * listeners (about a quarter of what the @repeaterjs/repeater it replaces held; bench B9).
 *
 * Steps (the catch-up, each live event) run one after another on `work`, so
 * the order checks see one `last` at a time; what they deliver waits in
 * `ready` until the subscriber asks for it. The subscriber asks for one
 * event at a time (as `for await` and graphql-ws do): a `next()` made while
 * another is still waiting replaces it.
 */
class ChannelStream implements AsyncIterableIterator<StoredEvent> {
  private started = false;
  /** Nothing more is accepted: ended by the subscriber, or failed. */
  private closed = false;
  /** Thrown to the subscriber once what was delivered before the failure has been read. */
  private failure: { error: Error } | undefined;
  private last = 0;
  /** The epoch `last` counts in; undefined until known. */
  private epoch: string | undefined;
  private readonly ready: StoredEvent[] = [];
  private consumer:
    { resolve: (step: IteratorResult<StoredEvent>) => void; reject: (error: unknown) => void } | undefined;
  /** A catch-up waiting for the subscriber to read what it delivered before it reads the next page. */
  private whenRead: (() => void) | undefined;
  private work: Promise<void> = Promise.resolve();
  /** Live events accepted and not yet placed in order. */
  private pending = 0;
  /** Live events were dropped while the subscriber was slow: read them from the outbox once it has caught up. */
  private behind = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: ChannelStreamOptions) {}

  next(): Promise<IteratorResult<StoredEvent>> {
    if (!this.started) this.start();
    const event = this.ready.shift();
    if (event) {
      if (this.ready.length === 0) this.caughtUp();
      return Promise.resolve({ done: false, value: event });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => (this.consumer = { resolve, reject }));
  }

  return(): Promise<IteratorResult<StoredEvent>> {
    this.close();
    this.ready.length = 0;
    this.failure = undefined;
    this.consumer?.resolve({ done: true, value: undefined });
    this.consumer = undefined;
    return Promise.resolve({ done: true, value: undefined });
  }

  async throw(error: unknown): Promise<IteratorResult<StoredEvent>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredEvent> {
    return this;
  }

  private start(): void {
    this.started = true;
    if (this.closed) return;
    const { bus, channel, store, afterSequence } = this.options;
    // Listen first, then read: anything committed in between arrives through
    // the bus and waits behind the catch-up.
    this.unsubscribe = bus.subscribe(
      channel,
      (event) => this.onEvent(event),
      () => this.onResync(),
    );
    this.enqueue(async () => {
      if (afterSequence === undefined || afterSequence === null) {
        const start = await store.startingPosition(channel);
        this.last = start.sequence;
        this.epoch = start.epoch;
      } else {
        this.last = afterSequence;
        this.epoch = this.options.epoch;
        await this.catchUp(Number.POSITIVE_INFINITY, this.options.payForReplay);
      }
    });
  }

  private onEvent(event: StoredEvent): void {
    if (this.isFull()) return;
    this.pending += 1;
    this.enqueue(async () => {
      this.pending -= 1;
      await this.checkEpoch(event.epoch);
      if (event.sequence <= this.last) return;
      if (event.sequence > this.last + 1) {
        this.options.onGapFill?.();
        await this.catchUp(event.sequence - 1);
      }
      if (event.sequence > this.last) this.deliver(event);
    });
  }

  /** The bus may have lost live events (Redis between instances): read whatever the outbox has after `last`. */
  private onResync(): void {
    if (this.isFull()) return;
    this.enqueue(async () => {
      const before = this.last;
      await this.catchUp(Number.POSITIVE_INFINITY);
      if (this.last > before) this.options.onGapFill?.();
    });
  }

  private isFull(): boolean {
    if (this.ready.length + this.pending < (this.options.maxQueued ?? MAX_QUEUED)) return false;
    this.behind = true;
    return true;
  }

  private enqueue(step: () => Promise<void>): void {
    this.work = this.work
      .then(() => (this.closed ? undefined : step()))
      .then(
        () => this.caughtUp(),
        (error: unknown) => this.fail(error),
      );
  }

  /** Delivered what it has: a waiting catch-up may read on, and events dropped meanwhile are read back. */
  private caughtUp(): void {
    if (this.ready.length > 0 || this.closed) return;
    const resume = this.whenRead;
    this.whenRead = undefined;
    resume?.();
    if (this.behind && this.pending === 0 && !resume) {
      this.behind = false;
      this.options.onGapFill?.();
      this.enqueue(() => this.catchUp(Number.POSITIVE_INFINITY));
    }
  }

  private async catchUp(upTo: number, pay?: ChannelStreamOptions['payForReplay']): Promise<void> {
    const { store, channel } = this.options;
    while (!this.closed) {
      const page = await store.eventsAfter(channel, this.last, PAGE);
      const first = page[0];
      // One statement read the page: its events share one epoch.
      if (first) await this.checkEpoch(first.epoch);
      if (first && first.sequence !== this.last + 1) {
        const current = currentOf(await store.history(channel));
        throw HistoryExpiredError.pruned(channel, this.last, { ...current, oldestSequence: first.sequence });
      }
      if (pay && page.length > 0) await pay(page.length, () => this.closed);
      for (const event of page) {
        if (event.sequence > upTo) return;
        this.deliver(event);
      }
      if (page.length < PAGE) return;
      // The next page waits until the subscriber has read this one: a slow one holds at most a page.
      if (this.ready.length > 0) await new Promise<void>((resolve) => (this.whenRead = resolve));
    }
  }

  /** Sequences of another epoch cannot be compared with `last`: the stream ends, telling where history stands now. */
  private async checkEpoch(epoch: string): Promise<void> {
    if (this.epoch === undefined) this.epoch = epoch;
    if (epoch === this.epoch) return;
    const { store, channel } = this.options;
    throw HistoryExpiredError.otherEpoch(channel, this.epoch, currentOf(await store.history(channel)));
  }

  private deliver(event: StoredEvent): void {
    if (this.closed) return;
    this.last = event.sequence;
    const consumer = this.consumer;
    if (consumer) {
      this.consumer = undefined;
      consumer.resolve({ done: false, value: event });
    } else {
      this.ready.push(event);
    }
  }

  private fail(cause: unknown): void {
    if (this.closed) return;
    const error = cause instanceof Error ? cause : new Error(String(cause));
    this.close();
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) consumer.reject(error);
    else this.failure = { error };
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.whenRead?.();
    this.whenRead = undefined;
  }
}

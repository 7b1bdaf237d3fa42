/**
 * The event bus across instances without Redis: PostgreSQL carries the
 * signal and the outbox the events. See docs/realtime.md, "Several instances".
 *
 * - A commit on this instance goes to its subscribers at once, as with the
 *   in-process bus.
 * - A commit on another instance arrives as a commit notice (commit-notices.ts:
 *   a NOTIFY sent in that transaction, naming each channel and its new last
 *   sequence). For a channel followed here, the bus reads the new events from
 *   the outbox once, for all of the channel's subscribers, and hands them on
 *   as live events; notices arriving while a read runs only raise how far the
 *   next read goes, so a busy channel costs one read at a time.
 * - Each subscriber's channel stream drops repeats and fills a jump from the
 *   outbox (channel-stream.ts), so order and gap-freedom do not depend on the
 *   notices; after the listening connection was lost (notices sent meanwhile
 *   are gone), `resyncAll` has every followed channel's streams read the
 *   outbox past what they delivered.
 */
import type { Logger } from 'pino';
import type { CommitNotice } from './commit-notices';
import type { EventBus, EventListener, ResyncListener } from './event-bus';
import type { StoredEvent } from './outbox/stored-event';

/** Events read per statement; a longer run is read in several. */
const PAGE = 500;

/** What the bus reports as it works (metrics). */
interface NotifiedBusObserver {
  /** Events read for other instances' commits. */
  received?(events: number): void;
  /** Channels whose subscribers were asked to read the outbox again. */
  resynced?(channels: number): void;
}

interface NotifiedEventBusOptions {
  /** A channel's stored events after a sequence, in order (OutboxStore.eventsAfter). */
  eventsAfter(channel: string, afterSequence: number, limit: number): Promise<StoredEvent[]>;
  observer?: NotifiedBusObserver;
  log: Logger;
}

interface Followed {
  listeners: Set<EventListener>;
  resyncs: Set<ResyncListener>;
  /** The highest sequence handed to the listeners; null until the first. */
  seen: number | null;
  /** The highest sequence another instance has announced. */
  announced: number;
  reading: boolean;
}

export class NotifiedEventBus implements EventBus {
  private readonly followed = new Map<string, Followed>();
  private closed = false;

  constructor(private readonly options: NotifiedEventBusOptions) {}

  publish(events: readonly StoredEvent[]): void {
    for (const event of events) this.deliver(this.followed.get(event.channel), event);
  }

  subscribe(channel: string, listener: EventListener, onResync?: ResyncListener): () => void {
    let followed = this.followed.get(channel);
    if (!followed) {
      followed = { listeners: new Set(), resyncs: new Set(), seen: null, announced: 0, reading: false };
      this.followed.set(channel, followed);
    }
    const entry = followed;
    entry.listeners.add(listener);
    if (onResync) entry.resyncs.add(onResync);
    return () => {
      entry.listeners.delete(listener);
      if (onResync) entry.resyncs.delete(onResync);
      if (entry.listeners.size === 0 && this.followed.get(channel) === entry) this.followed.delete(channel);
    };
  }

  /** Another instance committed `notice`: read its events for this instance's subscribers, unless they have them. */
  noticed(notice: CommitNotice): void {
    const followed = this.followed.get(notice.channel);
    if (!followed || this.closed) return;
    if (followed.seen !== null && followed.seen >= notice.sequence) return;
    if (notice.sequence <= followed.announced) return;
    followed.announced = notice.sequence;
    // Before the first event seen here, start with this commit's own: a stream behind that fills the gap itself.
    followed.seen ??= notice.sequence - notice.count;
    if (!followed.reading) void this.read(notice.channel, followed);
  }

  /** Notices may have been lost (the listening connection was down): every followed channel's streams read the outbox. */
  resyncAll(): void {
    for (const followed of this.followed.values()) {
      for (const resync of [...followed.resyncs]) resync();
    }
    this.options.observer?.resynced?.(this.followed.size);
  }

  followedChannels(): number {
    return this.followed.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.followed.clear();
  }

  /** Reads until what was announced has been handed on; one read per channel at a time. */
  private async read(channel: string, followed: Followed): Promise<void> {
    followed.reading = true;
    try {
      while (!this.closed && this.followed.get(channel) === followed && (followed.seen ?? 0) < followed.announced) {
        const page = await this.options.eventsAfter(channel, followed.seen ?? 0, PAGE);
        // Nothing after it (pruned, or the channel was reset): the streams find out for themselves on their next event.
        if (page.length === 0) break;
        this.options.observer?.received?.(page.length);
        for (const event of page) this.deliver(followed, event);
      }
    } catch (error) {
      // The next notice reads again; a stream that sees a jump fills it from the outbox itself.
      this.options.log.warn({ err: error, channel }, 'event bus: could not read events another instance committed');
    } finally {
      followed.reading = false;
    }
  }

  private deliver(followed: Followed | undefined, event: StoredEvent): void {
    if (!followed) return;
    if (followed.seen === null || event.sequence > followed.seen) followed.seen = event.sequence;
    // A snapshot: a listener may unsubscribe while it is told.
    for (const listener of [...followed.listeners]) listener(event);
  }
}

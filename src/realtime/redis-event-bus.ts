/**
 * The event bus across instances, over Redis pub/sub (graphql-redis-subscriptions
 * on ioredis). See docs/realtime.md, "Several instances".
 *
 * - A commit is handed to this instance's subscribers at once, as the
 *   in-process bus does, and published to Redis, one message per channel,
 *   for the other instances; an instance skips its own messages (its
 *   subscribers already have them).
 * - Publishing happens after commit and never fails the mutation: a publish
 *   that Redis refuses is counted and logged, and the other instances find
 *   the event in the outbox (below).
 * - Redis pub/sub is at most once. What a subscriber's channel stream sees
 *   out of order or with a gap it fills from the outbox (channel-stream.ts).
 *   A message lost with no later one on its channel is found by a check of
 *   the followed channels' latest sequences against the outbox (one
 *   statement per interval for all of them), and after Redis reconnects
 *   every followed channel is read again; either asks the channel's streams
 *   to resync. So during a Redis outage events still arrive, late by about
 *   two check intervals.
 */
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Logger } from 'pino';
import type { EventBus, EventListener, ResyncListener } from './event-bus';
import type { StoredEvent } from './outbox/stored-event';

/** What the bus reports as it works (metrics). */
export interface BusObserver {
  /** Messages (one per channel per commit) Redis accepted. */
  published(messages: number): void;
  /** Messages Redis did not accept (the outbox check delivers their events). */
  publishFailed(messages: number): void;
  /** Events received from other instances. */
  received(events: number): void;
  /** Channels whose subscribers were asked to read the outbox again. */
  resynced(channels: number): void;
}

interface RedisEventBusOptions {
  pubsub: RedisPubSub;
  /** Names this instance's messages, so that it skips them when Redis echoes them back. */
  instanceId: string;
  /** Starts every Redis channel name (several deployments or test runs on one Redis). */
  prefix: string;
  /** The last committed sequence of each of the channels that has one (OutboxStore.latestSequences). */
  latestSequences(channels: readonly string[]): Promise<Map<string, number>>;
  /** How often followed channels are compared with the outbox (default 1000 ms). */
  checkIntervalMs?: number;
  observer?: BusObserver;
  log: Logger;
}

/** What crosses Redis: a commit's events of one channel, in sequence order. */
interface Envelope {
  origin: string;
  events: StoredEvent[];
}

interface Followed {
  listeners: Set<EventListener>;
  resyncs: Set<ResyncListener>;
  /** The highest sequence this bus has seen on the channel; null until the first check. */
  seen: number | null;
  /** What the outbox had at the previous check when it was ahead of `seen`: resync if still unseen now. */
  suspect: number | null;
  /** The Redis subscription's id once Redis confirmed it (undefined if it failed). */
  subscription: Promise<number | undefined>;
}

/** Channels per staleness-check statement. */
const CHECK_BATCH = 1_000;

export class RedisEventBus implements EventBus {
  private readonly followed = new Map<string, Followed>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;
  private closed = false;
  private readonly onReconnect: () => void;

  constructor(private readonly options: RedisEventBusOptions) {
    this.timer = setInterval(() => void this.check(), options.checkIntervalMs ?? 1_000);
    this.timer.unref();
    // ioredis subscribes again by itself after a reconnect; what was published meanwhile is in the outbox.
    let wasReady = false;
    this.onReconnect = () => {
      if (wasReady) this.resyncAll();
      wasReady = true;
    };
    const subscriber = options.pubsub.getSubscriber();
    if (subscriber.status === 'ready') wasReady = true;
    subscriber.on('ready', this.onReconnect);
  }

  publish(events: readonly StoredEvent[]): void {
    const byChannel = new Map<string, StoredEvent[]>();
    for (const event of events) {
      this.deliver(event);
      const list = byChannel.get(event.channel) ?? [];
      list.push(event);
      byChannel.set(event.channel, list);
    }
    const { pubsub, instanceId, observer, log } = this.options;
    for (const [channel, list] of byChannel) {
      const envelope: Envelope = { origin: instanceId, events: list };
      pubsub.publish(this.trigger(channel), envelope).then(
        () => observer?.published(1),
        (error: unknown) => {
          observer?.publishFailed(1);
          log.warn(
            { err: error, channel },
            'event bus: Redis did not take a message; other instances read it from the outbox',
          );
        },
      );
    }
  }

  subscribe(channel: string, listener: EventListener, onResync?: ResyncListener): () => void {
    let entry = this.followed.get(channel);
    if (!entry) {
      const created: Followed = {
        listeners: new Set(),
        resyncs: new Set(),
        seen: null,
        suspect: null,
        subscription: this.options.pubsub
          .subscribe<Envelope>(this.trigger(channel), (envelope) => this.receive(envelope))
          .then((id) => {
            // Whatever another instance published before Redis confirmed the subscription is in the outbox.
            if (this.followed.get(channel) === created) this.resync(created);
            return id;
          })
          .catch((error: unknown) => {
            this.options.log.warn(
              { err: error, channel },
              'event bus: could not subscribe in Redis; the outbox check stands in',
            );
            return undefined;
          }),
      };
      this.followed.set(channel, created);
      entry = created;
    }
    const followed = entry;
    followed.listeners.add(listener);
    if (onResync) followed.resyncs.add(onResync);
    return () => {
      followed.listeners.delete(listener);
      if (onResync) followed.resyncs.delete(onResync);
      if (followed.listeners.size > 0 || this.followed.get(channel) !== followed) return;
      this.followed.delete(channel);
      void followed.subscription.then((id) => {
        if (id !== undefined && !this.closed) this.options.pubsub.unsubscribe(id);
      });
    };
  }

  followedChannels(): number {
    return this.followed.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.options.pubsub.getSubscriber().off('ready', this.onReconnect);
    this.followed.clear();
  }

  private trigger(channel: string): string {
    return `${this.options.prefix}bus:${channel}`;
  }

  private receive(envelope: Envelope): void {
    if (envelope.origin === this.options.instanceId) return;
    this.options.observer?.received(envelope.events.length);
    for (const event of envelope.events) {
      if (hasEpoch(event)) this.deliver(event);
      else this.resyncChannel(event.channel);
    }
  }

  /**
   * An event from an instance of an earlier release (during a rolling upgrade) has no epoch, and
   * handed on as it is, a stream would take it for another epoch's: the channel's streams read it
   * from the outbox instead, which gives it its epoch (docs/realtime.md, "Positions and epochs").
   */
  private resyncChannel(channel: string): void {
    const followed = this.followed.get(channel);
    if (!followed) return;
    this.resync(followed);
    this.options.observer?.resynced(1);
  }

  private deliver(event: StoredEvent): void {
    const followed = this.followed.get(event.channel);
    if (!followed) return;
    if (followed.seen === null || event.sequence > followed.seen) followed.seen = event.sequence;
    // A snapshot: a listener may unsubscribe while it is told.
    for (const listener of [...followed.listeners]) listener(event);
  }

  private resyncAll(): void {
    for (const followed of this.followed.values()) this.resync(followed);
    this.options.observer?.resynced(this.followed.size);
  }

  private resync(followed: Followed): void {
    for (const resync of [...followed.resyncs]) resync();
  }

  /**
   * Compares each followed channel's latest committed sequence with the highest the bus has seen.
   * One behind at two checks in a row (not merely in flight) means a lost message: resync that channel.
   */
  private async check(): Promise<void> {
    if (this.checking || this.closed || this.followed.size === 0) return;
    this.checking = true;
    try {
      const names = [...this.followed.keys()];
      for (let start = 0; start < names.length; start += CHECK_BATCH) {
        const batch = names.slice(start, start + CHECK_BATCH);
        const latest = await this.options.latestSequences(batch);
        let resynced = 0;
        for (const channel of batch) {
          const followed = this.followed.get(channel);
          if (!followed) continue;
          const committed = latest.get(channel) ?? 0;
          const seen = followed.seen ?? 0;
          if (followed.suspect !== null && seen < followed.suspect) {
            this.resync(followed);
            resynced += 1;
            followed.seen = Math.max(seen, followed.suspect);
          }
          followed.suspect = committed > (followed.seen ?? 0) ? committed : null;
        }
        if (resynced > 0) this.options.observer?.resynced(resynced);
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'event bus: could not compare followed channels with the outbox');
    } finally {
      this.checking = false;
    }
  }
}

/** Whether an event that came through Redis carries its epoch (instances of earlier releases send none). */
function hasEpoch(event: StoredEvent): boolean {
  return typeof (event as Partial<StoredEvent>).epoch === 'string';
}

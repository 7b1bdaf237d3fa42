/**
 * The built-in Pusher endpoint's deliveries of committed events, on every
 * instance: each channel that has subscribers on this instance follows the
 * same ordered, outbox-backed channel stream a GraphQL subscription does
 * (channel-stream.ts), and hands each event's Pusher payloads
 * (pusher-publication.ts) to this instance's sockets alone. Nothing crosses
 * between instances but the commit signal, so a lost Redis message or a Redis
 * outage delays pusher-js clients (the stream fills the gap from the outbox)
 * instead of dropping events; each socket gets each event once, in order.
 * One stream per channel, however many sockets follow it here.
 * See docs/realtime.md, "The built-in endpoint's feed".
 */
import type { Logger } from 'pino';
import { parseChannel, pusherChannelName, type ChannelPrefixes } from './event-catalog';
import type { StoredEvent } from './outbox/stored-event';
import { pusherPublication } from './pusher-publication';
import type { LocalOccupancyListener } from './pusher-server';

/** What the feed reports as it works (metrics). */
interface FeedObserver {
  delivered?(events: number): void;
}

interface BuiltInPusherFeedOptions {
  /** An ordered, gap-free stream of the channel's events from now on (realtime-service.ts). */
  follow(channel: string): AsyncIterableIterator<StoredEvent>;
  /** Hands a Pusher event to this instance's subscribers of a Pusher channel. */
  deliver(pusherChannel: string, name: string, data: string): void;
  channelPrefixes: ChannelPrefixes;
  log: Logger;
  observer?: FeedObserver;
}

export class BuiltInPusherFeed implements LocalOccupancyListener {
  private readonly followed = new Map<string, AsyncIterableIterator<StoredEvent>>();
  private closed = false;

  constructor(private readonly options: BuiltInPusherFeedOptions) {}

  /** A Pusher channel got its first subscriber here: follow its events, if it is one of ours. */
  occupied(pusherChannel: string): void {
    const channel = this.storedChannel(pusherChannel);
    if (!channel || this.closed || this.followed.has(pusherChannel)) return;
    void this.run(pusherChannel, channel);
  }

  /** Its last subscriber here left: stop following. */
  vacated(pusherChannel: string): void {
    const stream = this.followed.get(pusherChannel);
    this.followed.delete(pusherChannel);
    void stream?.return?.();
  }

  /** Channels followed on this instance (tests, metrics). */
  followedChannels(): number {
    return this.followed.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const channel of [...this.followed.keys()]) this.vacated(channel);
  }

  /**
   * The stored channel a Pusher channel carries, or null: not one of ours, or
   * written with another prefix than its family's (events never go there).
   */
  private storedChannel(pusherChannel: string): string | null {
    const parsed = parseChannel(pusherChannel);
    if (!parsed) return null;
    return pusherChannelName(parsed.name, this.options.channelPrefixes) === pusherChannel ? parsed.name : null;
  }

  private async run(pusherChannel: string, channel: string): Promise<void> {
    // Follows until vacated; a stream that fails (it fell behind what the outbox keeps) starts again from now.
    while (!this.closed) {
      const stream = this.options.follow(channel);
      this.followed.set(pusherChannel, stream);
      try {
        for await (const event of stream) this.hand(event);
        return;
      } catch (error) {
        if (this.followed.get(pusherChannel) !== stream) return;
        this.options.log.warn(
          { err: error, channel: pusherChannel },
          'built-in Pusher feed: the channel stream failed; following it again from now',
        );
      }
    }
  }

  private hand(event: StoredEvent): void {
    const publication = pusherPublication(event, this.options.channelPrefixes);
    if ('refusal' in publication) {
      this.options.log.error(
        { reason: publication.refusal, channel: event.channel, sequence: event.sequence },
        'built-in Pusher feed: event cannot be sent',
      );
      return;
    }
    for (const data of publication.data) this.options.deliver(publication.channel, publication.name, data);
    this.options.observer?.delivered?.(1);
  }
}

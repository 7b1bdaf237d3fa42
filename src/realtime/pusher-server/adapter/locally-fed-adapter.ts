/**
 * An adapter around another (local or Redis) for channels that every
 * instance feeds itself from a source all instances share, rather than by
 * fan-out between instances: it keeps this instance's own subscribers per
 * channel, says when a channel gains its first one here and loses its last,
 * and hands a frame to them alone (`publishLocally`). Everything else
 * (presence, counts, the HTTP API's publish) goes to the wrapped adapter
 * unchanged. See docs/pusher-server.md, "Fed channels".
 */
import type {
  ChannelAdapter,
  ChannelCounts,
  ChannelSubscriber,
  PresenceMember,
  PresenceSnapshot,
  SubscribeOutcome,
  UnsubscribeOutcome,
} from './channel-adapter';

/** Told when a channel is first subscribed on this instance, and when its last subscriber here leaves. */
export interface LocalOccupancyListener {
  occupied(channel: string): void;
  vacated(channel: string): void;
}

export class LocallyFedAdapter implements ChannelAdapter {
  private readonly local = new Map<string, Map<string, ChannelSubscriber>>();

  constructor(
    private readonly inner: ChannelAdapter,
    private readonly listener: LocalOccupancyListener,
  ) {}

  async subscribe(channel: string, subscriber: ChannelSubscriber, member?: PresenceMember): Promise<SubscribeOutcome> {
    const outcome = await this.inner.subscribe(channel, subscriber, member);
    if (outcome.kind === 'subscribed') {
      let sockets = this.local.get(channel);
      if (!sockets) {
        sockets = new Map();
        this.local.set(channel, sockets);
        this.listener.occupied(channel);
      }
      sockets.set(subscriber.socketId, subscriber);
    }
    return outcome;
  }

  async unsubscribe(channel: string, socketId: string): Promise<UnsubscribeOutcome> {
    const outcome = await this.inner.unsubscribe(channel, socketId);
    const sockets = this.local.get(channel);
    if (sockets?.delete(socketId) && sockets.size === 0) {
      this.local.delete(channel);
      this.listener.vacated(channel);
    }
    return outcome;
  }

  /** Hands `frame` to this instance's subscribers of `channel`; returns how many. */
  publishLocally(channel: string, frame: string): number {
    const sockets = this.local.get(channel);
    if (!sockets) return 0;
    // A snapshot: a socket may unsubscribe or close while it is handed the frame.
    for (const subscriber of [...sockets.values()]) subscriber.send(frame);
    return sockets.size;
  }

  publish(channel: string, frame: string, exceptSocketId?: string): Promise<number> {
    return this.inner.publish(channel, frame, exceptSocketId);
  }

  isSubscribed(channel: string, socketId: string): Promise<boolean> {
    return this.inner.isSubscribed(channel, socketId);
  }

  subscriptionCount(channel: string): Promise<number> {
    return this.inner.subscriptionCount(channel);
  }

  userCount(channel: string): Promise<number> {
    return this.inner.userCount(channel);
  }

  presence(channel: string): Promise<PresenceSnapshot> {
    return this.inner.presence(channel);
  }

  channels(): Promise<Map<string, ChannelCounts>> {
    return this.inner.channels();
  }
}

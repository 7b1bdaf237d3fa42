/**
 * The seam between the protocol and where channel state lives. The protocol core and the HTTP API
 * subscribe and unsubscribe sockets, fan events out and ask for occupancy and presence only
 * through this interface, so one process (LocalChannelAdapter) and several processes sharing
 * state (a Redis-backed adapter, for instance) are interchangeable. See docs/pusher-server.md,
 * "The adapter seam".
 *
 * Every method is async so that an implementation may ask another process. Decisions that must
 * be atomic across instances (is this the user's first connection? is the presence channel
 * full?) are made inside `subscribe` and `unsubscribe`, never by the caller from two queries.
 */
import type { PresenceSnapshot } from '../protocol/messages';

export type { PresenceSnapshot } from '../protocol/messages';

/** A socket as the adapter sees it: an id to exclude by, and a way to hand it a text frame. */
export interface ChannelSubscriber {
  readonly socketId: string;
  /** Must not throw; a frame for a socket that is going away is dropped. */
  send(frame: string): void;
}

/** Who a presence subscription belongs to. */
export interface PresenceMember {
  userId: string;
  /** Parsed `user_info`; null when the auth endpoint supplied none. */
  userInfo: unknown;
}

export type SubscribeOutcome =
  /** `newUser`: the first connection of this user to a presence channel (announce member_added). */
  | { kind: 'subscribed'; newUser: boolean; presence?: PresenceSnapshot }
  | { kind: 'already-subscribed'; presence?: PresenceSnapshot }
  | { kind: 'presence-full' };

export interface UnsubscribeOutcome {
  wasSubscribed: boolean;
  /** Set when this was the user's last connection to a presence channel (announce member_removed). */
  removedUserId?: string;
}

export interface ChannelCounts {
  subscriptionCount: number;
  /** Presence channels only. */
  userCount?: number;
}

export interface ChannelAdapter {
  /**
   * Adds a socket to a channel; `member` is required for presence channels. For presence
   * channels the outcome carries the member list including the new socket's user.
   */
  subscribe(channel: string, subscriber: ChannelSubscriber, member?: PresenceMember): Promise<SubscribeOutcome>;
  unsubscribe(channel: string, socketId: string): Promise<UnsubscribeOutcome>;
  /**
   * Hands `frame` to every subscriber of `channel` except `exceptSocketId`, in call order per
   * channel; resolves with the number of sockets it was handed to (on this instance).
   */
  publish(channel: string, frame: string, exceptSocketId?: string): Promise<number>;

  isSubscribed(channel: string, socketId: string): Promise<boolean>;
  subscriptionCount(channel: string): Promise<number>;
  /** Distinct users of a presence channel; 0 for other channels. */
  userCount(channel: string): Promise<number>;
  /** Presence members in join order; empty for other channels. */
  presence(channel: string): Promise<PresenceSnapshot>;
  /** Occupied channels only, in the order they became occupied. */
  channels(): Promise<Map<string, ChannelCounts>>;
}

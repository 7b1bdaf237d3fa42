/**
 * Channel state for a single process: who is subscribed to which channel, presence membership,
 * and fan-out to the subscribers' sockets. The default ChannelAdapter.
 *
 * Presence membership is per user, not per connection: `subscribe` reports `newUser` only for a
 * user's first connection and `unsubscribe` reports `removedUserId` only after the last one, so
 * member_added / member_removed are decided here, in one place, atomically.
 */
import { isPresenceChannel } from '../../pusher-limits';
import type {
  ChannelAdapter,
  ChannelCounts,
  ChannelSubscriber,
  PresenceMember,
  PresenceSnapshot,
  SubscribeOutcome,
  UnsubscribeOutcome,
} from './channel-adapter';

interface PresenceUser {
  userInfo: unknown;
  socketIds: Set<string>;
}

interface ChannelState {
  subscribers: Map<string, { subscriber: ChannelSubscriber; userId?: string }>;
  /** Only for presence channels. Insertion order = join order, which keeps `ids` stable. */
  users?: Map<string, PresenceUser>;
}

export class LocalChannelAdapter implements ChannelAdapter {
  private readonly state = new Map<string, ChannelState>();

  /** @param maxPresenceMembers distinct users allowed in one presence channel */
  constructor(private readonly maxPresenceMembers: number) {}

  async subscribe(channel: string, subscriber: ChannelSubscriber, member?: PresenceMember): Promise<SubscribeOutcome> {
    const presence = isPresenceChannel(channel);
    if (presence && !member) throw new Error('presence subscription without member data');
    let state = this.state.get(channel);
    if (state?.subscribers.has(subscriber.socketId)) {
      return { kind: 'already-subscribed', ...this.presenceOf(state) };
    }
    if (member && state?.users && !state.users.has(member.userId) && state.users.size >= this.maxPresenceMembers) {
      return { kind: 'presence-full' };
    }

    if (!state) {
      state = { subscribers: new Map(), users: presence ? new Map() : undefined };
      this.state.set(channel, state);
    }
    state.subscribers.set(subscriber.socketId, { subscriber, userId: presence ? member?.userId : undefined });
    if (!presence || !member || !state.users) return { kind: 'subscribed', newUser: false };

    const existing = state.users.get(member.userId);
    if (existing) {
      // Pusher keeps the first connection's user_info; a later connection does not overwrite it.
      existing.socketIds.add(subscriber.socketId);
    } else {
      state.users.set(member.userId, { userInfo: member.userInfo, socketIds: new Set([subscriber.socketId]) });
    }
    return { kind: 'subscribed', newUser: !existing, ...this.presenceOf(state) };
  }

  async unsubscribe(channel: string, socketId: string): Promise<UnsubscribeOutcome> {
    const state = this.state.get(channel);
    const entry = state?.subscribers.get(socketId);
    if (!state || !entry) return { wasSubscribed: false };
    state.subscribers.delete(socketId);

    let removedUserId: string | undefined;
    const { userId } = entry;
    const user = userId === undefined ? undefined : state.users?.get(userId);
    if (user && userId !== undefined) {
      user.socketIds.delete(socketId);
      if (user.socketIds.size === 0) {
        state.users?.delete(userId);
        removedUserId = userId;
      }
    }
    // Vacated channels are dropped so channels() only ever lists occupied ones.
    if (state.subscribers.size === 0) this.state.delete(channel);
    return removedUserId === undefined ? { wasSubscribed: true } : { wasSubscribed: true, removedUserId };
  }

  async publish(channel: string, frame: string, exceptSocketId?: string): Promise<number> {
    const state = this.state.get(channel);
    if (!state) return 0;
    let delivered = 0;
    // A snapshot, so a subscriber may unsubscribe or close while we iterate.
    for (const { subscriber } of [...state.subscribers.values()]) {
      if (subscriber.socketId === exceptSocketId) continue;
      subscriber.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  async isSubscribed(channel: string, socketId: string): Promise<boolean> {
    return this.state.get(channel)?.subscribers.has(socketId) ?? false;
  }

  async subscriptionCount(channel: string): Promise<number> {
    return this.state.get(channel)?.subscribers.size ?? 0;
  }

  async userCount(channel: string): Promise<number> {
    return this.state.get(channel)?.users?.size ?? 0;
  }

  async presence(channel: string): Promise<PresenceSnapshot> {
    return snapshot(this.state.get(channel)?.users);
  }

  async channels(): Promise<Map<string, ChannelCounts>> {
    const result = new Map<string, ChannelCounts>();
    for (const [name, state] of this.state) {
      const subscriptionCount = state.subscribers.size;
      result.set(name, state.users ? { subscriptionCount, userCount: state.users.size } : { subscriptionCount });
    }
    return result;
  }

  private presenceOf(state: ChannelState): { presence?: PresenceSnapshot } {
    return state.users ? { presence: snapshot(state.users) } : {};
  }
}

function snapshot(users: Map<string, PresenceUser> | undefined): PresenceSnapshot {
  const ids: string[] = [];
  const hash: Record<string, unknown> = {};
  for (const [id, user] of users ?? []) {
    ids.push(id);
    hash[id] = user.userInfo;
  }
  return { ids, hash, count: ids.length };
}

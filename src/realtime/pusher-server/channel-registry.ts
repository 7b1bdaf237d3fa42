/**
 * Who is subscribed to which channel, and presence membership.
 *
 * Pure bookkeeping: it never sends frames. Callers use the returned facts (first connection of a
 * user, last connection gone) to decide which presence events to emit, which keeps the per-user
 * (not per-connection) member_added/member_removed rule in one place.
 */
import { isPresenceChannel } from './limits';

export interface PresenceMember {
  userId: string;
  /** Parsed user_info; null when the auth endpoint supplied none. */
  userInfo: unknown;
}

interface PresenceUser {
  userInfo: unknown;
  socketIds: Set<string>;
}

interface ChannelState<C> {
  subscribers: Map<string, { connection: C; userId?: string }>;
  /** Only for presence channels. Insertion order = join order, which keeps `ids` stable. */
  users?: Map<string, PresenceUser>;
}

export interface PresenceSnapshot {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

export type SubscribeOutcome =
  | { kind: 'subscribed'; newUser: boolean }
  | { kind: 'already-subscribed' }
  | { kind: 'presence-full' };

export class ChannelRegistry<C> {
  private readonly channels = new Map<string, ChannelState<C>>();

  constructor(private readonly maxPresenceMembers: number) {}

  subscribe(channel: string, socketId: string, connection: C, member?: PresenceMember): SubscribeOutcome {
    let state = this.channels.get(channel);
    if (state?.subscribers.has(socketId)) return { kind: 'already-subscribed' };

    const presence = isPresenceChannel(channel);
    if (presence && !member) throw new Error('presence subscription without member data');

    if (presence && member && state?.users && !state.users.has(member.userId) && state.users.size >= this.maxPresenceMembers) {
      return { kind: 'presence-full' };
    }

    if (!state) {
      state = { subscribers: new Map(), users: presence ? new Map() : undefined };
      this.channels.set(channel, state);
    }
    state.subscribers.set(socketId, { connection, userId: member?.userId });

    if (!presence || !member || !state.users) return { kind: 'subscribed', newUser: false };
    const existing = state.users.get(member.userId);
    if (existing) {
      existing.socketIds.add(socketId);
      // Pusher keeps the first connection's user_info; a later connection does not overwrite it.
      return { kind: 'subscribed', newUser: false };
    }
    state.users.set(member.userId, { userInfo: member.userInfo, socketIds: new Set([socketId]) });
    return { kind: 'subscribed', newUser: true };
  }

  /** Returns the user id whose last connection just left (presence only), so the caller can announce it. */
  unsubscribe(channel: string, socketId: string): { wasSubscribed: boolean; removedUserId?: string } {
    const state = this.channels.get(channel);
    const entry = state?.subscribers.get(socketId);
    if (!state || !entry) return { wasSubscribed: false };
    state.subscribers.delete(socketId);

    let removedUserId: string | undefined;
    if (state.users && entry.userId !== undefined) {
      const user = state.users.get(entry.userId);
      if (user) {
        user.socketIds.delete(socketId);
        if (user.socketIds.size === 0) {
          state.users.delete(entry.userId);
          removedUserId = entry.userId;
        }
      }
    }
    // Vacated channels are dropped so GET /channels only ever lists occupied ones.
    if (state.subscribers.size === 0) this.channels.delete(channel);
    return { wasSubscribed: true, removedUserId };
  }

  isSubscribed(channel: string, socketId: string): boolean {
    return this.channels.get(channel)?.subscribers.has(socketId) ?? false;
  }

  /** Snapshot, so senders may unsubscribe/close connections while iterating. */
  subscribers(channel: string): Array<{ socketId: string; connection: C }> {
    const state = this.channels.get(channel);
    if (!state) return [];
    return [...state.subscribers].map(([socketId, { connection }]) => ({ socketId, connection }));
  }

  presence(channel: string): PresenceSnapshot {
    const users = this.channels.get(channel)?.users;
    const ids: string[] = [];
    const hash: Record<string, unknown> = {};
    if (users) {
      for (const [id, user] of users) {
        ids.push(id);
        hash[id] = user.userInfo;
      }
    }
    return { ids, hash, count: ids.length };
  }

  subscriptionCount(channel: string): number {
    return this.channels.get(channel)?.subscribers.size ?? 0;
  }

  userCount(channel: string): number {
    return this.channels.get(channel)?.users?.size ?? 0;
  }

  isOccupied(channel: string): boolean {
    return this.subscriptionCount(channel) > 0;
  }

  /** Occupied channels only; userCount only for presence channels (as the HTTP API reports it). */
  info(): Map<string, { subscriptionCount: number; userCount?: number }> {
    const result = new Map<string, { subscriptionCount: number; userCount?: number }>();
    for (const [name, state] of this.channels) {
      result.set(
        name,
        state.users
          ? { subscriptionCount: state.subscribers.size, userCount: state.users.size }
          : { subscriptionCount: state.subscribers.size },
      );
    }
    return result;
  }
}

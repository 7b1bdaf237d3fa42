/**
 * pusher:subscribe and pusher:unsubscribe: channel name rules, private/presence authorization,
 * presence membership and the frames each outcome produces. Channel state itself is the
 * adapter's; this module only decides what to ask it and what to tell the clients.
 */
import { LIMITS, channelNameError, isPresenceChannel, requiresAuth, truncate } from '../../pusher-limits';
import type { ChannelAdapter, PresenceMember, PresenceSnapshot } from '../adapter/channel-adapter';
import type { PusherLogger } from '../logger';
import { verifyChannelAuth, type SigningCredentials } from '../signature';
import type { ClientConnection } from './connection';
import { PusherEvent, encodeError, encodeProtocolEvent, isRecord } from './messages';
import { parsePresenceData } from './presence-data';
import type { ConnectionQuotas } from './quotas';

interface SubscriptionDeps {
  credentials: SigningCredentials;
  adapter: ChannelAdapter;
  /** Bounds the channels of one connection. */
  quotas: ConnectionQuotas;
  log: PusherLogger;
}

type Authorization = { ok: true; member?: PresenceMember } | { ok: false; message: string };

export class Subscriptions {
  constructor(private readonly deps: SubscriptionDeps) {}

  /** Handles the (decoded) data of a pusher:subscribe. */
  async subscribe(connection: ClientConnection, data: unknown): Promise<void> {
    if (!isRecord(data)) {
      connection.send(encodeError('Invalid pusher:subscribe data: expected an object with a channel'));
      return;
    }
    const channel = data.channel;
    if (typeof channel !== 'string') {
      this.rejected(connection, undefined, channelNameError(channel) ?? 'Invalid channel');
      return;
    }
    const nameError = channelNameError(channel);
    if (nameError !== null) {
      this.rejected(connection, channel, nameError);
      return;
    }

    if (connection.channels.has(channel)) {
      // A repeated subscribe (a client retrying) gets the same answer, without a second member_added.
      connection.send(succeeded(channel, await this.presenceIfAny(channel)));
      return;
    }

    const overQuota = this.deps.quotas.channel(connection.channels.size);
    if (overQuota) {
      this.rejected(connection, channel, overQuota.message, { code: overQuota.code, type: 'LimitReached' });
      return;
    }

    const authorization = this.authorize(connection, channel, data);
    if (!authorization.ok) {
      this.rejected(connection, channel, authorization.message);
      return;
    }
    const { member } = authorization;
    const outcome = await this.deps.adapter.subscribe(channel, connection, member);
    if (outcome.kind === 'presence-full') {
      const message = `Presence channel ${channel} is full: at most ${LIMITS.maxPresenceMembers} members are allowed`;
      this.rejected(connection, channel, message);
      return;
    }
    connection.channels.add(channel);
    connection.send(succeeded(channel, outcome.presence));
    this.deps.log.debug({ socketId: connection.socketId, channel }, 'pusher-server: subscribed');

    if (outcome.kind === 'subscribed' && outcome.newUser && member) {
      // Per user, not per connection, and never to the joining socket.
      const added = encodeProtocolEvent(
        PusherEvent.MemberAdded,
        { user_id: member.userId, user_info: member.userInfo },
        channel,
      );
      await this.deps.adapter.publish(channel, added, connection.socketId);
    }
  }

  async unsubscribe(connection: ClientConnection, channel: string): Promise<void> {
    const { wasSubscribed, removedUserId } = await this.deps.adapter.unsubscribe(channel, connection.socketId);
    connection.channels.delete(channel);
    if (wasSubscribed && removedUserId !== undefined) {
      const removed = encodeProtocolEvent(PusherEvent.MemberRemoved, { user_id: removedUserId }, channel);
      await this.deps.adapter.publish(channel, removed);
    }
  }

  /** Leaves every channel of a connection that is going away. */
  async unsubscribeAll(connection: ClientConnection): Promise<void> {
    for (const channel of [...connection.channels]) await this.unsubscribe(connection, channel);
  }

  /** Public channels need nothing; private ones a signature; presence ones a signature over valid channel_data. */
  private authorize(connection: ClientConnection, channel: string, data: Record<string, unknown>): Authorization {
    if (!requiresAuth(channel)) return { ok: true };
    const presence = isPresenceChannel(channel);
    const channelData = presence ? data.channel_data : undefined;
    if (presence && typeof channelData !== 'string') {
      return { ok: false, message: `Presence channel subscriptions require channel_data (${channel})` };
    }
    const signedData = typeof channelData === 'string' ? channelData : undefined;
    const auth = verifyChannelAuth(this.deps.credentials, connection.socketId, channel, data.auth, signedData);
    if (!auth.ok) return auth;
    if (signedData === undefined) return { ok: true };
    const member = parsePresenceData(signedData);
    return typeof member === 'string' ? { ok: false, message: member } : { ok: true, member };
  }

  private async presenceIfAny(channel: string): Promise<PresenceSnapshot | undefined> {
    return isPresenceChannel(channel) ? this.deps.adapter.presence(channel) : undefined;
  }

  /**
   * Real Pusher answers a rejected subscription with a connection-level pusher:error (code null),
   * which pusher-js only surfaces as pusher.connection 'error'. We also send a channel-scoped
   * pusher:subscription_error (the shape pusher-js emits for auth-endpoint failures) so that
   * `channel.bind('pusher:subscription_error', ...)` works; real Pusher does not send that frame.
   */
  private rejected(
    connection: ClientConnection,
    channel: string | undefined,
    message: string,
    // A quota's refusal carries its Pusher code (4100); others have none, as on the hosted service.
    how: { code: number | null; type: 'AuthError' | 'LimitReached' } = { code: null, type: 'AuthError' },
  ): void {
    connection.send(encodeError(message, how.code));
    if (channel !== undefined && channel.length > 0) {
      const error = encodeProtocolEvent(PusherEvent.SubscriptionError, { type: how.type, error: message }, channel);
      connection.send(error);
    }
    this.deps.log.warn(
      {
        socketId: connection.socketId,
        channel: channel === undefined ? undefined : truncate(channel, 170),
        reason: truncate(message, 200),
      },
      'pusher-server: subscription rejected',
    );
  }
}

/** subscription_succeeded: `{}` for public and private channels, the member list for presence ones. */
function succeeded(channel: string, presence: PresenceSnapshot | undefined): string {
  return encodeProtocolEvent(PusherEvent.SubscriptionSucceeded, presence ? { presence } : {}, channel);
}

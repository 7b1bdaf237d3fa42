/**
 * Channel state shared by every instance through Redis, in the manner of soketi's Redis adapter:
 * the ChannelAdapter for several instances of the built-in endpoint behind a load balancer.
 * See docs/pusher-server.md, "The adapter seam", and docs/realtime.md, "Several instances".
 *
 * - Fan-out: a frame is handed to this instance's sockets at once and published on one Redis
 *   pub/sub channel (graphql-redis-subscriptions); every other instance hands it to its own
 *   sockets of that channel. An instance skips its own messages, so each socket gets a frame once,
 *   and frames of one channel keep their order (one publishing connection per instance).
 * - Occupancy and presence live in Redis hashes, changed only by Lua scripts, so the decisions the
 *   seam requires to be atomic (first connection of a user, presence channel full, last
 *   connection gone) are made in one place across instances.
 * - An instance that dies without unsubscribing its sockets stops renewing its heartbeat key;
 *   the others then remove its sockets (announcing member_removed where a user left a presence
 *   channel), so counts and members do not keep ghosts.
 *
 * Keys (standalone Redis; the scripts build key names from the prefix):
 *   {P}ch:{channel}:sockets  hash socketId → "instanceId\n-" or "instanceId\nu{userId}"
 *   {P}ch:{channel}:users    hash userId → connections (presence)
 *   {P}ch:{channel}:info     hash userId → user_info JSON of the first connection (presence)
 *   {P}ch:{channel}:order    zset userId by join order (presence)
 *   {P}channels              zset of occupied channels by the order they became occupied
 *   {P}instance:{id}:sockets set of "channel\nsocketId" an instance holds
 *   {P}instance:{id}:alive   heartbeat with a time to live
 *   {P}instances             set of instance ids
 */
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Redis, Result } from 'ioredis';
import { isPresenceChannel } from '../../pusher-limits';
import type { PusherLogger } from '../logger';
import { PusherEvent, encodeProtocolEvent } from '../protocol/messages';
import type {
  ChannelAdapter,
  ChannelCounts,
  ChannelSubscriber,
  PresenceMember,
  PresenceSnapshot,
  SubscribeOutcome,
  UnsubscribeOutcome,
} from './channel-adapter';

const SUBSCRIBE = `
local P, channel, socketId, instanceId, userId, userInfo = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local maxMembers, presence = tonumber(ARGV[7]), ARGV[8] == '1'
local base = P .. 'ch:' .. channel
local sockets = base .. ':sockets'
if redis.call('HEXISTS', sockets, socketId) == 1 then return {'already-subscribed', 0} end
if presence and redis.call('HEXISTS', base .. ':users', userId) == 0
   and redis.call('HLEN', base .. ':users') >= maxMembers then
  return {'presence-full', 0}
end
redis.call('HSET', sockets, socketId, instanceId .. '\\n' .. (presence and ('u' .. userId) or '-'))
redis.call('SADD', P .. 'instance:' .. instanceId .. ':sockets', channel .. '\\n' .. socketId)
if not redis.call('ZSCORE', P .. 'channels', channel) then
  redis.call('ZADD', P .. 'channels', redis.call('INCR', P .. 'seq'), channel)
end
local newUser = 0
if presence and redis.call('HINCRBY', base .. ':users', userId, 1) == 1 then
  redis.call('HSET', base .. ':info', userId, userInfo)
  redis.call('ZADD', base .. ':order', redis.call('INCR', P .. 'seq'), userId)
  newUser = 1
end
return {'subscribed', newUser}
`;

const UNSUBSCRIBE = `
local P, channel, socketId = ARGV[1], ARGV[2], ARGV[3]
local base = P .. 'ch:' .. channel
local sockets = base .. ':sockets'
local owner = redis.call('HGET', sockets, socketId)
if not owner then return {0, ''} end
redis.call('HDEL', sockets, socketId)
local nl = string.find(owner, '\\n', 1, true)
redis.call('SREM', P .. 'instance:' .. string.sub(owner, 1, nl - 1) .. ':sockets', channel .. '\\n' .. socketId)
local removed = ''
if string.sub(owner, nl + 1, nl + 1) == 'u' then
  local userId = string.sub(owner, nl + 2)
  if redis.call('HINCRBY', base .. ':users', userId, -1) <= 0 then
    redis.call('HDEL', base .. ':users', userId)
    redis.call('HDEL', base .. ':info', userId)
    redis.call('ZREM', base .. ':order', userId)
    removed = userId
  end
end
if redis.call('HLEN', sockets) == 0 then
  redis.call('ZREM', P .. 'channels', channel)
  redis.call('DEL', base .. ':users', base .. ':info', base .. ':order')
end
return {1, removed}
`;

/** Members in join order, as a flat list: id, user_info JSON, id, user_info JSON, … */
const PRESENCE = `
local base = ARGV[1] .. 'ch:' .. ARGV[2]
local ids = redis.call('ZRANGE', base .. ':order', 0, -1)
local out = {}
for _, id in ipairs(ids) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', base .. ':info', id) or 'null'
end
return out
`;

/** Occupied channels in order, as a flat list: name, subscriptions, users, … */
const CHANNELS = `
local P = ARGV[1]
local out = {}
for _, name in ipairs(redis.call('ZRANGE', P .. 'channels', 0, -1)) do
  out[#out + 1] = name
  out[#out + 1] = redis.call('HLEN', P .. 'ch:' .. name .. ':sockets')
  out[#out + 1] = redis.call('HLEN', P .. 'ch:' .. name .. ':users')
end
return out
`;

type Script = (...args: (string | number)[]) => Promise<unknown>;

/** The scripts, as ioredis commands (`defineCommand` adds them to each connection they are defined on). */
const SCRIPTS = {
  subscribe: { command: 'stocktakePusherSubscribe', lua: SUBSCRIBE },
  unsubscribe: { command: 'stocktakePusherUnsubscribe', lua: UNSUBSCRIBE },
  presence: { command: 'stocktakePusherPresence', lua: PRESENCE },
  channels: { command: 'stocktakePusherChannels', lua: CHANNELS },
} as const;

// ioredis' documented way of typing commands added by `defineCommand` (its README, "Lua Scripting"):
// no cast to reach them.
declare module 'ioredis' {
  interface RedisCommander<Context> {
    stocktakePusherSubscribe(...args: (string | number)[]): Result<unknown, Context>;
    stocktakePusherUnsubscribe(...args: (string | number)[]): Result<unknown, Context>;
    stocktakePusherPresence(...args: (string | number)[]): Result<unknown, Context>;
    stocktakePusherChannels(...args: (string | number)[]): Result<unknown, Context>;
  }
}

interface LocalSubscription {
  subscriber: ChannelSubscriber;
  member?: PresenceMember;
}

/** What crosses Redis for one publish. */
interface FrameMessage {
  origin: string;
  channel: string;
  frame: string;
  except?: string;
}

interface RedisChannelAdapterOptions {
  /** Runs the scripts and reads (a connection that is not in subscriber mode). */
  redis: Redis;
  /** Carries frames between instances. */
  pubsub: RedisPubSub;
  /** Starts every key and pub/sub channel name. */
  prefix: string;
  instanceId: string;
  maxPresenceMembers: number;
  log: PusherLogger;
  /** How often this instance renews its heartbeat and looks for dead instances (default 5000 ms). */
  heartbeatMs?: number;
}

export class RedisChannelAdapter implements ChannelAdapter {
  /** This instance's sockets, by channel, with their presence member (to restore Redis after it lost its data). */
  private readonly local = new Map<string, Map<string, LocalSubscription>>();
  private readonly scripts: Record<'subscribe' | 'unsubscribe' | 'presence' | 'channels', Script>;
  private readonly prefix: string;
  private readonly heartbeatMs: number;
  private subscription: Promise<number | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reaping = false;
  private readonly onReady: () => void;

  constructor(private readonly options: RedisChannelAdapterOptions) {
    this.prefix = `${options.prefix}pusher:`;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    const { redis } = options;
    for (const { command, lua } of Object.values(SCRIPTS)) redis.defineCommand(command, { numberOfKeys: 0, lua });
    this.scripts = {
      subscribe: (...args) => redis.stocktakePusherSubscribe(...args),
      unsubscribe: (...args) => redis.stocktakePusherUnsubscribe(...args),
      presence: (...args) => redis.stocktakePusherPresence(...args),
      channels: (...args) => redis.stocktakePusherChannels(...args),
    };
    // After a reconnect, Redis may have restarted empty: put this instance's sockets back (a no-op where it kept them).
    let wasReady = redis.status === 'ready';
    this.onReady = () => {
      if (wasReady) void this.restore();
      wasReady = true;
    };
    redis.on('ready', this.onReady);
  }

  /** Listens for other instances' frames and starts the heartbeat; resolves once both are in place. */
  async start(): Promise<void> {
    this.subscription ??= this.options.pubsub
      .subscribe<FrameMessage>(`${this.prefix}frames`, (message) => this.receive(message))
      .catch((error: unknown) => {
        this.options.log.error({ err: error }, 'pusher-server: could not subscribe to frames of other instances');
        return undefined;
      });
    await this.subscription;
    await this.heartbeat();
    this.timer = setInterval(() => void this.heartbeat().then(() => this.reapDeadInstances()), this.heartbeatMs);
    this.timer.unref();
  }

  /** Stops listening and the heartbeat. Sockets leave their channels as the transport closes them, before this. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.options.redis.off('ready', this.onReady);
    const id = await this.subscription;
    this.subscription = undefined;
    if (id !== undefined) this.options.pubsub.unsubscribe(id);
    await this.options.redis.del(this.key(`instance:${this.options.instanceId}:alive`)).catch(() => undefined);
  }

  async subscribe(channel: string, subscriber: ChannelSubscriber, member?: PresenceMember): Promise<SubscribeOutcome> {
    const presence = isPresenceChannel(channel);
    if (presence && !member) throw new Error('presence subscription without member data');
    const [kind, newUser] = await this.register(channel, subscriber.socketId, member);
    if (kind === 'presence-full') return { kind };
    const sockets = this.local.get(channel) ?? new Map<string, LocalSubscription>();
    sockets.set(subscriber.socketId, { subscriber, member });
    this.local.set(channel, sockets);
    const snapshot = presence ? { presence: await this.presence(channel) } : {};
    return kind === 'subscribed' ? { kind, newUser: newUser === 1, ...snapshot } : { kind, ...snapshot };
  }

  async unsubscribe(channel: string, socketId: string): Promise<UnsubscribeOutcome> {
    const sockets = this.local.get(channel);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.local.delete(channel);
    const [was, removed] = (await this.scripts.unsubscribe(this.prefix, channel, socketId)) as [number, string];
    if (was !== 1) return { wasSubscribed: false };
    return removed === '' ? { wasSubscribed: true } : { wasSubscribed: true, removedUserId: removed };
  }

  async publish(channel: string, frame: string, exceptSocketId?: string): Promise<number> {
    const delivered = this.deliver(channel, frame, exceptSocketId);
    const message: FrameMessage = {
      origin: this.options.instanceId,
      channel,
      frame,
      ...(exceptSocketId === undefined ? {} : { except: exceptSocketId }),
    };
    // Pusher itself is at most once; clients catch up by sequence (docs/realtime.md). A refused publish is logged.
    await this.options.pubsub.publish(`${this.prefix}frames`, message).catch((error: unknown) => {
      this.options.log.warn({ err: error, channel }, 'pusher-server: a frame did not reach the other instances');
    });
    return delivered;
  }

  async isSubscribed(channel: string, socketId: string): Promise<boolean> {
    return (await this.options.redis.hexists(this.channelKey(channel, 'sockets'), socketId)) === 1;
  }

  subscriptionCount(channel: string): Promise<number> {
    return this.options.redis.hlen(this.channelKey(channel, 'sockets'));
  }

  async userCount(channel: string): Promise<number> {
    return isPresenceChannel(channel) ? this.options.redis.hlen(this.channelKey(channel, 'users')) : 0;
  }

  async presence(channel: string): Promise<PresenceSnapshot> {
    const flat = (await this.scripts.presence(this.prefix, channel)) as string[];
    const ids: string[] = [];
    const hash: Record<string, unknown> = {};
    for (let index = 0; index < flat.length; index += 2) {
      const id = flat[index]!;
      ids.push(id);
      hash[id] = JSON.parse(flat[index + 1]!) as unknown;
    }
    return { ids, hash, count: ids.length };
  }

  async channels(): Promise<Map<string, ChannelCounts>> {
    const flat = (await this.scripts.channels(this.prefix)) as (string | number)[];
    const result = new Map<string, ChannelCounts>();
    for (let index = 0; index < flat.length; index += 3) {
      const name = String(flat[index]);
      const subscriptionCount = Number(flat[index + 1]);
      result.set(
        name,
        isPresenceChannel(name) ? { subscriptionCount, userCount: Number(flat[index + 2]) } : { subscriptionCount },
      );
    }
    return result;
  }

  private async register(
    channel: string,
    socketId: string,
    member: PresenceMember | undefined,
  ): Promise<[SubscribeOutcome['kind'], number]> {
    return (await this.scripts.subscribe(
      this.prefix,
      channel,
      socketId,
      this.options.instanceId,
      member?.userId ?? '',
      JSON.stringify(member?.userInfo ?? null),
      this.options.maxPresenceMembers,
      isPresenceChannel(channel) ? '1' : '0',
    )) as [SubscribeOutcome['kind'], number];
  }

  private async restore(): Promise<void> {
    try {
      for (const [channel, sockets] of this.local) {
        for (const [socketId, { member }] of sockets) await this.register(channel, socketId, member);
      }
      await this.heartbeat();
    } catch (error) {
      this.options.log.warn({ err: error }, 'pusher-server: could not restore this instance channels in Redis');
    }
  }

  /** Subscriptions of this instance's sockets (the per-instance metric). */
  localSubscriptionCount(): number {
    let count = 0;
    for (const sockets of this.local.values()) count += sockets.size;
    return count;
  }

  private receive(message: FrameMessage): void {
    if (message.origin === this.options.instanceId) return;
    this.deliver(message.channel, message.frame, message.except);
  }

  private deliver(channel: string, frame: string, exceptSocketId: string | undefined): number {
    const sockets = this.local.get(channel);
    if (!sockets) return 0;
    let delivered = 0;
    // A snapshot, so a subscriber may unsubscribe or close while we iterate.
    for (const { subscriber } of [...sockets.values()]) {
      if (subscriber.socketId === exceptSocketId) continue;
      subscriber.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  private async heartbeat(): Promise<void> {
    const { redis, instanceId } = this.options;
    try {
      await redis
        .multi()
        .set(this.key(`instance:${instanceId}:alive`), '1', 'PX', this.heartbeatMs * 3)
        .sadd(this.key('instances'), instanceId)
        .exec();
    } catch (error) {
      this.options.log.warn({ err: error }, 'pusher-server: could not renew this instance heartbeat in Redis');
    }
  }

  /** Removes the sockets of instances whose heartbeat expired; the scripts make a second reaper harmless. */
  private async reapDeadInstances(): Promise<void> {
    if (this.reaping) return;
    this.reaping = true;
    const { redis } = this.options;
    try {
      for (const instance of await redis.smembers(this.key('instances'))) {
        if (instance === this.options.instanceId) continue;
        if ((await redis.exists(this.key(`instance:${instance}:alive`))) === 1) continue;
        const socketsKey = this.key(`instance:${instance}:sockets`);
        for (const entry of await redis.smembers(socketsKey)) {
          const split = entry.indexOf('\n');
          const channel = entry.slice(0, split);
          const { removedUserId } = await this.unsubscribe(channel, entry.slice(split + 1));
          if (removedUserId !== undefined) {
            await this.publish(
              channel,
              encodeProtocolEvent(PusherEvent.MemberRemoved, { user_id: removedUserId }, channel),
            );
          }
        }
        if ((await redis.scard(socketsKey)) === 0) await redis.srem(this.key('instances'), instance);
        this.options.log.info({ instance }, 'pusher-server: removed the sockets of an instance that stopped');
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'pusher-server: could not look for stopped instances in Redis');
    } finally {
      this.reaping = false;
    }
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private channelKey(channel: string, part: 'sockets' | 'users'): string {
    return `${this.prefix}ch:${channel}:${part}`;
  }
}

/**
 * Clients that follow channels through nginx the way docs/realtime.md tells them to, and record
 * what they got: a graphql-ws subscriber resubscribes after a lost socket with `afterSequence` set
 * to the last sequence it saw; a pusher-js client drops repeats by `meta.sequence` and fetches
 * what it missed with the `channelEvents` query (on a jump in sequence, and whenever pusher-js has
 * (re)subscribed, since events published while it was away leave no later jump to notice).
 */
import { createClient, type Client } from 'graphql-ws';
import Pusher from 'pusher-js';
import WebSocket from 'ws';
import { graphql, type Endpoint } from './http';

/** What one client got on one channel. */
export interface Tally {
  /** Sequences applied, in the order applied. */
  applied: number[];
  /** Sequences delivered again after being applied (a graphql-ws subscriber must never see one). */
  duplicates: number;
  /** pusher-js: repeats dropped by sequence (Pusher delivery is at least once). */
  repeatsDropped: number;
  /** Sequences obtained with channelEvents rather than live. */
  caughtUp: Set<number>;
}

export interface Follower {
  name: string;
  transport: 'graphql-ws' | 'pusher-js';
  /** Channel (without prefix) -> tally. */
  tallies: Map<string, Tally>;
  /** Times the client lost its socket and came back. */
  reconnects: number;
  /** What went wrong beyond retrying (a catch-up that kept failing). */
  errors: string[];
  /** The last sequence applied on a channel. */
  last(channel: string): number;
  close(): Promise<void>;
}

const newTally = (): Tally => ({ applied: [], duplicates: 0, repeatsDropped: 0, caughtUp: new Set() });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything after `after` on a channel, through nginx; retried (bounded) while no replica answers. */
export async function channelEventsAfter(endpoint: Endpoint, channel: string, after: number): Promise<number[]> {
  const sequences: number[] = [];
  let from = after;
  for (let attempt = 0; attempt < 100;) {
    const answer = await graphql<{ channelEvents: Array<{ sequence: number }> }>(
      endpoint,
      'query($channel: String!, $after: Int!) { channelEvents(channel: $channel, afterSequence: $after, limit: 500) { sequence } }',
      { channel, after: from },
    ).catch((error: unknown) => ({ status: 0, data: undefined, errors: [{ message: String(error) }] }));
    if (!answer.data) {
      attempt += 1;
      await delay(100);
      continue;
    }
    const page = answer.data.channelEvents.map((event) => event.sequence);
    sequences.push(...page);
    if (page.length < 500) return sequences;
    from = page.at(-1)!;
  }
  throw new Error(`channelEvents on ${channel} failed 100 times`);
}

/** Full channel events with payloads (the truth the clients are compared with). */
export async function channelHistory(
  endpoint: Endpoint,
  channel: string,
  after: number,
): Promise<Array<{ sequence: number; name: string; payload: Record<string, unknown> }>> {
  const events: Array<{ sequence: number; name: string; payload: Record<string, unknown> }> = [];
  let from = after;
  for (;;) {
    const answer = await graphql<{
      channelEvents: Array<{ sequence: number; name: string; payload: Record<string, unknown> }>;
    }>(
      endpoint,
      'query($channel: String!, $after: Int!) { channelEvents(channel: $channel, afterSequence: $after, limit: 500) { sequence name payload } }',
      { channel, after: from },
    );
    if (!answer.data) throw new Error(`channelEvents on ${channel}: ${JSON.stringify(answer.errors)}`);
    events.push(...answer.data.channelEvents);
    if (answer.data.channelEvents.length < 500) return events;
    from = events.at(-1)!.sequence;
  }
}

export interface Subscription {
  channel: string;
  query: string;
  variables: Record<string, unknown>;
  /** The channel's sequence when following starts: later events are expected. */
  after: number;
}

/**
 * A graphql-ws client over nginx. Its socket is not retried by graphql-ws (which would resend the
 * original `afterSequence`): when it is lost, a new client resubscribes from the last sequence seen.
 */
export function graphqlWsFollower(
  name: string,
  endpoint: Endpoint,
  subscriptions: Subscription[],
  onSocket: () => void,
): Follower {
  const tallies = new Map(subscriptions.map((s) => [s.channel, newTally()]));
  const last = new Map(subscriptions.map((s) => [s.channel, s.after]));
  let client: Client | undefined;
  let closing = false;
  const follower: Follower = {
    name,
    transport: 'graphql-ws',
    tallies,
    reconnects: 0,
    errors: [],
    last: (channel) => last.get(channel)!,
    async close() {
      closing = true;
      await client?.dispose();
    },
  };
  // A lost socket: a new client through nginx, resubscribing from the last sequence seen.
  const lost = (from: Client) => {
    if (closing || from !== client) return;
    client = undefined;
    follower.reconnects += 1;
    if (follower.reconnects > 200) {
      follower.errors.push('gave up after 200 reconnections');
      return;
    }
    void from.dispose();
    setTimeout(connect, 100);
  };
  const connect = () => {
    const current = createClient({
      url: `${endpoint.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${endpoint.token}` },
      retryAttempts: 0,
      lazy: true,
      on: { connected: () => onSocket() },
    });
    client = current;
    for (const subscription of subscriptions) {
      const tally = tallies.get(subscription.channel)!;
      current.subscribe(
        { query: subscription.query, variables: { ...subscription.variables, after: last.get(subscription.channel) } },
        {
          next: (result) => {
            const data = result.data as Record<string, { sequence: number }> | undefined;
            const event = data ? Object.values(data)[0] : undefined;
            if (!event) return;
            if (event.sequence <= last.get(subscription.channel)!) {
              tally.duplicates += 1;
              return;
            }
            tally.applied.push(event.sequence);
            last.set(subscription.channel, event.sequence);
          },
          error: (error: unknown) => {
            // Errors of the operation itself (a list of GraphQL errors) are not a lost socket.
            if (Array.isArray(error)) follower.errors.push(`${subscription.channel}: ${JSON.stringify(error)}`);
            else lost(current);
          },
          complete: () => lost(current),
        },
      );
    }
  };
  connect();
  return follower;
}

/** The pusher-js settings GET /pusher/config returns, used as they are. */
export interface PusherConfig {
  key: string;
  cluster: string;
  wsHost: string;
  wsPort: number;
  forceTLS: boolean;
  authEndpoint: string;
  channelAuthorization: { endpoint: string; transport: 'ajax' };
  channelPrefix: string;
}

export interface PusherChannel {
  channel: string;
  /** The Pusher channel name (with the prefix /pusher/config names). */
  pusherName: string;
  after: number;
}

/** pusher-js over nginx with exactly /pusher/config's settings; resolves once every channel is subscribed. */
export async function pusherFollower(
  name: string,
  endpoint: Endpoint,
  config: PusherConfig,
  channels: PusherChannel[],
): Promise<Follower & { pusher: Pusher; states: string[] }> {
  const tallies = new Map(channels.map((c) => [c.channel, newTally()]));
  const last = new Map(channels.map((c) => [c.channel, c.after]));
  const pusher = new Pusher(config.key, {
    cluster: config.cluster,
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    forceTLS: config.forceTLS,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: config.channelAuthorization.endpoint,
      transport: config.channelAuthorization.transport,
      headers: { authorization: `Bearer ${endpoint.token}` },
    },
  });
  let connections = 0;
  const follower: Follower & { pusher: Pusher; states: string[] } = {
    name,
    transport: 'pusher-js',
    tallies,
    reconnects: 0,
    errors: [],
    states: [],
    pusher,
    last: (channel) => last.get(channel)!,
    async close() {
      pusher.disconnect();
    },
  };
  const born = Date.now();
  pusher.connection.bind('state_change', (states: { current: string }) =>
    follower.states.push(`${states.current}@${Date.now() - born}`),
  );
  pusher.connection.bind('error', (error: unknown) =>
    follower.states.push(`error ${JSON.stringify(error).slice(0, 120)}@${Date.now() - born}`),
  );
  pusher.connection.bind('connected', () => {
    connections += 1;
    if (connections > 1) follower.reconnects += 1;
  });
  const subscribed: Array<Promise<void>> = [];
  for (const { channel, pusherName } of channels) {
    const tally = tallies.get(channel)!;
    // One queue per channel, so that a catch-up and live events apply in sequence order.
    let queue = Promise.resolve();
    const apply = (sequence: number, fromCatchUp: boolean) => {
      if (sequence <= last.get(channel)!) {
        if (!fromCatchUp) tally.repeatsDropped += 1;
        return;
      }
      tally.applied.push(sequence);
      if (fromCatchUp) tally.caughtUp.add(sequence);
      last.set(channel, sequence);
    };
    const catchUp = async () => {
      for (const sequence of await channelEventsAfter(endpoint, channel, last.get(channel)!)) apply(sequence, true);
    };
    const failed = (error: unknown) => void follower.errors.push(`${channel}: ${String(error)}`);
    const subscription = pusher.subscribe(pusherName);
    subscribed.push(
      new Promise<void>((resolve, reject) => {
        subscription.bind('pusher:subscription_succeeded', () => {
          queue = queue.then(catchUp).catch(failed);
          resolve();
        });
        let refusals = 0;
        subscription.bind('pusher:subscription_error', (error: { status?: number }) => {
          // A refusal (401/403) is final; no answer (nginx's 502 while replicas restart) is retried, as
          // pusher-js itself does not: the channel would otherwise stay unsubscribed on this socket.
          refusals += 1;
          const problem = `${name}: subscription to ${pusherName} failed: ${JSON.stringify(error)}`;
          if (error.status === 401 || error.status === 403 || refusals > 100) {
            follower.errors.push(problem);
            reject(new Error(problem));
          } else {
            setTimeout(() => subscription.subscribe(), 100);
          }
        });
      }),
    );
    subscription.bind_global((event: string, data: { meta?: { sequence?: number } }) => {
      if (event.startsWith('pusher:') || event.startsWith('pusher_internal:')) return;
      const sequence = data?.meta?.sequence;
      if (typeof sequence !== 'number') return;
      queue = queue
        .then(async () => {
          if (sequence > last.get(channel)! + 1) await catchUp();
          apply(sequence, false);
        })
        .catch(failed);
    });
  }
  await Promise.all(subscribed);
  return follower;
}

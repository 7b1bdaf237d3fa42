/**
 * pusher-js clients (B4): the real `pusher-js` package, one `Pusher`
 * instance (one socket) per client, each subscribed to one channel of the
 * built-in Pusher-compatible endpoint. `arm` tells each client the last
 * sequence of its channel before the load starts; afterwards every event
 * must arrive in sequence order: a sequence seen again is a repeat (Pusher
 * delivery is at least once; clients drop those), one that skips ahead
 * means events were lost. Latency: receipt time minus `meta.occurred_at`.
 */
import Pusher from 'pusher-js';
import { Histogram, type HistogramData } from '../lib/histogram';
import { serve } from '../lib/rpc';

const now = () => performance.timeOrigin + performance.now();

interface Client {
  pusher: Pusher;
  channel: string;
  next: number;
  after: number;
  armed: boolean;
  received: number;
  stale: number;
  repeats: number;
  gaps: number;
  subscribed: boolean;
  failed: string | null;
  reachedAt: number | null;
}

interface Payload {
  meta?: { sequence: number; occurred_at: string };
}

let clients: Client[] = [];
const latency = new Histogram();
let firstError: string | undefined;
let waiting: { target: Record<string, number>; remaining: number; resolve: () => void } | null = null;

function reached(client: Client, at: number): void {
  if (!waiting || client.reachedAt !== null) return;
  const final = waiting.target[client.channel];
  if (final === undefined || client.next - 1 < final) return;
  client.reachedAt = at;
  waiting.remaining -= 1;
  if (waiting.remaining === 0) waiting.resolve();
}

function onEvent(client: Client, name: string, data: Payload): void {
  if (name.startsWith('pusher:') || name.startsWith('pusher_internal:')) return;
  const at = now();
  const meta = data?.meta;
  if (!meta) return;
  if (!client.armed || meta.sequence <= client.after) {
    // Before `arm`, or not newer than the sequence the client was armed after.
    client.stale += 1;
    return;
  }
  latency.record(at - Date.parse(meta.occurred_at));
  client.received += 1;
  if (meta.sequence === client.next) client.next += 1;
  else if (meta.sequence < client.next) client.repeats += 1;
  else {
    client.gaps += meta.sequence - client.next;
    client.next = meta.sequence + 1;
  }
  reached(client, at);
}

function totals() {
  return {
    clients: clients.length,
    received: clients.reduce((n, c) => n + c.received, 0),
    repeats: clients.reduce((n, c) => n + c.repeats, 0),
    stale: clients.reduce((n, c) => n + c.stale, 0),
    gaps: clients.reduce((n, c) => n + c.gaps, 0),
    failed: clients.filter((c) => c.failed !== null).length,
    firstError,
  };
}

serve({
  /** Connects every client at once and subscribes each to its channel; answers when all succeeded (or failed). */
  async connect(params: { key: string; host: string; port: number; channels: string[]; timeoutMs: number }) {
    const firstOpenAt = now();
    let lastSubscribedAt = 0;
    let settle!: () => void;
    const all = new Promise<void>((resolve) => (settle = resolve));
    let pending = params.channels.length;
    const done = () => {
      pending -= 1;
      if (pending === 0) settle();
    };
    clients = params.channels.map((channelName) => {
      const pusher = new Pusher(params.key, {
        cluster: 'mt1',
        wsHost: params.host,
        wsPort: params.port,
        forceTLS: false,
        enabledTransports: ['ws'],
      });
      const client: Client = {
        pusher,
        channel: channelName,
        next: 0,
        after: 0,
        armed: false,
        received: 0,
        stale: 0,
        repeats: 0,
        gaps: 0,
        subscribed: false,
        failed: null,
        reachedAt: null,
      };
      let settled = false;
      const settle = (failure?: string) => {
        if (failure !== undefined) {
          client.failed ??= failure;
          firstError ??= client.failed;
        }
        if (settled) return;
        settled = true;
        done();
      };
      const channel = pusher.subscribe(channelName);
      channel.bind_global((name: string, data: Payload) => onEvent(client, name, data));
      channel.bind('pusher:subscription_succeeded', () => {
        client.subscribed = true;
        lastSubscribedAt = Math.max(lastSubscribedAt, now());
        settle();
      });
      channel.bind('pusher:subscription_error', (error: unknown) => settle(JSON.stringify(error)));
      pusher.connection.bind('failed', () => settle('connection failed'));
      pusher.connection.bind('unavailable', () => settle('connection unavailable'));
      return client;
    });
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), params.timeoutMs)),
    ]);
    return {
      firstOpenAt,
      lastSubscribedAt,
      subscribed: clients.filter((c) => c.subscribed).length,
      timedOut,
      ...totals(),
    };
  },

  /** From now on, each client expects its channel's events after `afterByChannel[channel]`, in order. */
  arm(params: { afterByChannel: Record<string, number> }) {
    for (const client of clients) {
      client.after = params.afterByChannel[client.channel] ?? 0;
      client.next = client.after + 1;
      client.armed = true;
    }
  },

  async waitFor(params: { finalByChannel: Record<string, number>; timeoutMs: number }) {
    for (const client of clients) client.reachedAt = null;
    let resolveWait!: () => void;
    const done = new Promise<void>((resolve) => (resolveWait = resolve));
    waiting = { target: params.finalByChannel, remaining: clients.length, resolve: resolveWait };
    const at = now();
    for (const client of clients) reached(client, at);
    if (clients.length === 0) resolveWait();
    const timedOut = await Promise.race([
      done.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), params.timeoutMs)),
    ]);
    const complete = clients.filter((c) => c.reachedAt !== null);
    waiting = null;
    return {
      complete: complete.length,
      incomplete: clients.length - complete.length,
      timedOut,
      lastReachedAt: Math.max(0, ...complete.map((c) => c.reachedAt!)),
      missing: clients.reduce((n, c) => n + Math.max(0, (params.finalByChannel[c.channel] ?? 0) - (c.next - 1)), 0),
      ...totals(),
    };
  },

  collect(): HistogramData {
    const data = latency.toJSON();
    latency.reset();
    return data;
  },

  close() {
    for (const client of clients) client.pusher.disconnect();
    clients = [];
  },
});

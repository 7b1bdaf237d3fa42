/**
 * graphql-ws subscribers (B2, B3, B8, B9, B10): one socket per subscriber (or
 * `perSocket` subscribers sharing one), each
 * with one `stocktakeEvents(stocktakeId, afterSequence)` subscription, made
 * with the real graphql-ws client over `ws`. Every event is checked against
 * the subscriber's own expectation (the next sequence after the one it
 * subscribed after: a repeat, a gap or an error is counted) and its
 * commit→receipt latency is recorded (receipt time minus `occurredAt`, which
 * the outbox stamps inside the transaction; same machine clock).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Histogram, type HistogramData } from '../lib/histogram';
import { serve } from '../lib/rpc';

const QUERY = `subscription Events($id: ID!, $after: Int) {
  stocktakeEvents(stocktakeId: $id, afterSequence: $after) {
    __typename
    ... on RealtimeEvent { sequence eventId occurredAt }
    ... on LineCountedUpdatedEvent { line { id countedQty expectedQty varianceQty varianceValue version } }
  }
}`;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

interface Subscriber {
  stocktakeId: number;
  client: Client;
  next: number;
  received: number;
  repeats: number;
  gaps: number;
  acked: boolean;
  failed: string | null;
  reachedAt: number | null;
  dispose: () => void;
}

interface EventData {
  stocktakeEvents?: { __typename: string; sequence: number; occurredAt: string };
}

let subscribers: Subscriber[] = [];
const latency = new Histogram();
let firstError: string | undefined;
let subscribeSentAt = 0;
let waiting: { target: Map<number, number>; remaining: number; resolve: () => void } | null = null;

/** The `ws` client, noting when each subscribe message goes out. */
class TimedWebSocket extends WebSocket {
  override send(data: unknown, ...rest: unknown[]): void {
    if (typeof data === 'string' && data.includes('"type":"subscribe"'))
      subscribeSentAt = Math.max(subscribeSentAt, now());
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }
}

function reached(subscriber: Subscriber, at: number): void {
  if (!waiting || subscriber.reachedAt !== null) return;
  const final = waiting.target.get(subscriber.stocktakeId);
  if (final === undefined || subscriber.next - 1 < final) return;
  subscriber.reachedAt = at;
  waiting.remaining -= 1;
  if (waiting.remaining === 0) waiting.resolve();
}

function onEvent(subscriber: Subscriber, data: EventData | null | undefined): void {
  const at = now();
  const event = data?.stocktakeEvents;
  if (!event) return;
  latency.record(at - Date.parse(event.occurredAt));
  subscriber.received += 1;
  if (event.sequence === subscriber.next) subscriber.next += 1;
  else if (event.sequence < subscriber.next) subscriber.repeats += 1;
  else {
    subscriber.gaps += event.sequence - subscriber.next;
    subscriber.next = event.sequence + 1;
  }
  reached(subscriber, at);
}

function fail(subscriber: Subscriber, error: unknown): void {
  const text = Array.isArray(error) ? JSON.stringify(error) : error instanceof Error ? error.message : String(error);
  subscriber.failed ??= text || 'closed';
  firstError ??= subscriber.failed;
}

function totals() {
  return {
    subscribers: subscribers.length,
    received: subscribers.reduce((n, s) => n + s.received, 0),
    repeats: subscribers.reduce((n, s) => n + s.repeats, 0),
    gaps: subscribers.reduce((n, s) => n + s.gaps, 0),
    failed: subscribers.filter((s) => s.failed !== null).length,
    firstError,
  };
}

serve({
  /**
   * Opens every socket at once and subscribes; answers when all are acknowledged (or failed). `perSocket`
   * subscriptions share a socket (default 1: one socket each), as a screen following many stocktakes would;
   * `subscribeRatePerSecond` spreads the subscribe messages over time (default: all at once).
   */
  async connect(params: {
    url: string;
    token: string;
    subscriptions: Array<{ stocktakeId: number; afterSequence: number }>;
    timeoutMs: number;
    perSocket?: number;
    subscribeRatePerSecond?: number;
  }) {
    const firstOpenAt = now();
    let lastAckAt = 0;
    subscribeSentAt = 0;
    let settle!: () => void;
    const all = new Promise<void>((resolve) => (settle = resolve));
    let pending = params.subscriptions.length;
    const done = () => {
      pending -= 1;
      if (pending === 0) settle();
    };
    const perSocket = Math.max(1, params.perSocket ?? 1);
    let socket: { client: Client; members: Subscriber[] } | undefined;
    subscribers = params.subscriptions.map(({ stocktakeId, afterSequence }, index) => {
      if (index % perSocket === 0) {
        const members: Subscriber[] = [];
        const client = createClient({
          url: params.url,
          webSocketImpl: TimedWebSocket,
          connectionParams: { authorization: `Bearer ${params.token}` },
          lazy: true,
          retryAttempts: 0,
          on: {
            connected: () => {
              lastAckAt = Math.max(lastAckAt, now());
              for (const member of members) {
                member.acked = true;
                done();
              }
            },
          },
        });
        socket = { client, members };
      }
      const subscriber = {
        stocktakeId,
        client: socket!.client,
        next: afterSequence + 1,
        received: 0,
        repeats: 0,
        gaps: 0,
        acked: false,
        failed: null,
        reachedAt: null,
      } as unknown as Subscriber;
      socket!.members.push(subscriber);
      const subscribe = () => {
        subscriber.dispose = subscriber.client.subscribe<EventData>(
          { query: QUERY, variables: { id: String(stocktakeId), after: afterSequence } },
          {
            next: (value) => {
              // An error in the stream (HISTORY_EXPIRED …) comes as a result with errors, then a complete.
              if (value.errors) fail(subscriber, value.errors);
              else onEvent(subscriber, value.data);
            },
            error: (error) => {
              if (!subscriber.acked && subscriber.failed === null) {
                fail(subscriber, error);
                done();
              } else fail(subscriber, error);
            },
            complete: () => fail(subscriber, 'the server completed the subscription'),
          },
        );
      };
      // Paced, when asked: screens that open over a few seconds rather than in one burst.
      if (params.subscribeRatePerSecond) setTimeout(subscribe, (index / params.subscribeRatePerSecond) * 1000);
      else subscribe();
      return subscriber;
    });
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), params.timeoutMs)),
    ]);
    return {
      firstOpenAt,
      lastAckAt,
      lastSubscribeSentAt: subscribeSentAt,
      acked: subscribers.filter((s) => s.acked).length,
      timedOut,
      ...totals(),
    };
  },

  /** Waits until every subscriber has the final sequence of its stocktake; answers with what arrived. */
  async waitFor(params: { finalByStocktake: Record<string, number>; timeoutMs: number }) {
    for (const subscriber of subscribers) subscriber.reachedAt = null;
    const target = new Map(Object.entries(params.finalByStocktake).map(([id, seq]) => [Number(id), seq]));
    let resolveWait!: () => void;
    const done = new Promise<void>((resolve) => (resolveWait = resolve));
    waiting = { target, remaining: subscribers.length, resolve: resolveWait };
    const at = now();
    for (const subscriber of subscribers) reached(subscriber, at);
    if (subscribers.length === 0) resolveWait();
    const timedOut = await Promise.race([
      done.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), params.timeoutMs)),
    ]);
    const complete = subscribers.filter((s) => s.reachedAt !== null);
    waiting = null;
    return {
      complete: complete.length,
      incomplete: subscribers.length - complete.length,
      timedOut,
      lastReachedAt: Math.max(0, ...complete.map((s) => s.reachedAt!)),
      missing: subscribers.reduce((n, s) => n + Math.max(0, (target.get(s.stocktakeId) ?? 0) - (s.next - 1)), 0),
      ...totals(),
    };
  },

  /** The latencies recorded since the last call. */
  collect(): HistogramData {
    const data = latency.toJSON();
    latency.reset();
    return data;
  },

  async close() {
    await Promise.all(
      [...new Set(subscribers.map((s) => s.client))].map((client) => Promise.resolve(client.dispose())),
    );
    subscribers = [];
  },
});

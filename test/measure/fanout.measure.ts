/**
 * Not a test: a measurement of the fan-out across two instances, for the
 * closing note of the multi-instance work (docs/realtime.md, "Several
 * instances"). Prints events × subscribers × instances delivered,
 * duplicates, losses, order violations and the cross-instance
 * commit→receipt latency (p50/p99). It asserts nothing about time.
 *
 *   npx jest --testMatch '**' test/measure/fanout.measure.ts
 *
 * MEASURE_EVENTS and MEASURE_SUBSCRIBERS (per instance and transport) size it.
 */
import { performance } from 'node:perf_hooks';
import { print } from 'graphql';
import { StocktakeEventsDocument } from '../__generated__/graphql';
import { graphqlSubscriber, legacyFrontend, type GraphQLSubscriber } from '../support/realtime-clients';
import { redisUnavailable, stopTestRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { stocktakeSteps } from '../support/stocktakes';
import { startTestApp, type TestApp } from '../support/test-app';
import { ok, waitUntil } from '../support/waiting';
import { PopulateStocktakeDocument, StocktakeDocument } from '../__generated__/graphql';

jest.setTimeout(600_000);

const EVENTS = Number(process.env.MEASURE_EVENTS ?? 200);
const SUBSCRIBERS = Number(process.env.MEASURE_SUBSCRIBERS ?? 10);

interface Sink {
  instance: number;
  transport: 'graphql-ws' | 'pusher-js';
  sequences: number[];
  receivedAt: number[];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

const summary = (byTransport: Record<string, number[]>) =>
  Object.fromEntries(
    Object.entries(byTransport).map(([transport, values]) => [
      transport,
      { samples: values.length, p50: +percentile(values, 50).toFixed(1), p99: +percentile(values, 99).toFixed(1) },
    ]),
  );

(redisUnavailable ? it.skip : it)('fan-out across two instances', async () => {
  const redis = { url: await testRedisUrl(), prefix: uniquePrefix() };
  const apps: TestApp[] = [];
  apps.push(await startTestApp({ redis }));
  apps.push(await startTestApp({ database: { url: apps[0]!.databaseUrl }, redis }));
  const closers: Array<() => unknown> = [];
  try {
    const [first] = apps as [TestApp, TestApp];
    const steps = stocktakeSteps(first);
    const stocktake = await steps.create();
    ok(await first.graphql(PopulateStocktakeDocument, { id: stocktake.id }));
    const line = ok(await first.graphql(StocktakeDocument, { id: stocktake.id })).stocktake.lines[0]!;
    await steps.waitForBacklog(0);
    const after = 1;
    const token = await first.token();

    const sinks: Sink[] = [];
    for (const [index, t] of apps.entries()) {
      for (let n = 0; n < SUBSCRIBERS; n += 1) {
        const sink: Sink = { instance: index, transport: 'graphql-ws', sequences: [], receivedAt: [] };
        sinks.push(sink);
        const subscriber: GraphQLSubscriber = graphqlSubscriber(t, token);
        closers.push(() => subscriber.close());
        subscriber.client.subscribe(
          {
            query: print(StocktakeEventsDocument),
            variables: { stocktakeId: stocktake.id, afterSequence: after },
          },
          {
            next: (result) => {
              sink.sequences.push((result.data as { stocktakeEvents: { sequence: number } }).stocktakeEvents.sequence);
              sink.receivedAt.push(performance.now());
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
        const frontend = await legacyFrontend(t);
        closers.push(() => frontend.close());
        const pusherSink: Sink = { instance: index, transport: 'pusher-js', sequences: [], receivedAt: [] };
        sinks.push(pusherSink);
        const received = await frontend.listen(stocktake.channel);
        const push = received.items.push.bind(received.items);
        received.items.push = (...items) => {
          for (const item of items) {
            pusherSink.sequences.push((item.data as { meta: { sequence: number } }).meta.sequence);
            pusherSink.receivedAt.push(performance.now());
          }
          return push(...items);
        };
      }
    }

    // Committed through alternating instances. The commit lies between the mutation's request and its answer:
    // latency from the request is an upper bound of commit→receipt, from the answer a lower one.
    const committedAt = new Map<number, { sent: number; answered: number; instance: number }>();
    for (let n = 1; n <= EVENTS; n += 1) {
      const instance = n % 2;
      const sent = performance.now();
      await stocktakeSteps(apps[instance]!).count(line.id, String(n));
      committedAt.set(after + n, { sent, answered: performance.now(), instance });
    }
    await waitUntil(
      () => sinks.every((sink) => new Set(sink.sequences).size >= EVENTS),
      'every subscriber to have every event',
      120_000,
    );

    const crossInstance: Record<string, number[]> = { 'graphql-ws': [], 'pusher-js': [] };
    const crossInstanceFromAnswer: Record<string, number[]> = { 'graphql-ws': [], 'pusher-js': [] };
    let delivered = 0;
    let duplicates = 0;
    let losses = 0;
    let outOfOrder = 0;
    for (const sink of sinks) {
      delivered += sink.sequences.length;
      duplicates += sink.sequences.length - new Set(sink.sequences).size;
      for (let s = after + 1; s <= after + EVENTS; s += 1) if (!sink.sequences.includes(s)) losses += 1;
      for (let i = 1; i < sink.sequences.length; i += 1)
        if (sink.sequences[i]! <= sink.sequences[i - 1]!) outOfOrder += 1;
      sink.sequences.forEach((sequence, i) => {
        const commit = committedAt.get(sequence);
        if (commit && commit.instance !== sink.instance) {
          crossInstance[sink.transport]!.push(sink.receivedAt[i]! - commit.sent);
          crossInstanceFromAnswer[sink.transport]!.push(sink.receivedAt[i]! - commit.answered);
        }
      });
    }
    const busReceived = await Promise.all(
      apps.map(async (t) => (await t.app.metrics.busRedisReceived.get()).values[0]?.value ?? 0),
    );
    const resyncs = await Promise.all(
      apps.map(async (t) => (await t.app.metrics.busResyncs.get()).values[0]?.value ?? 0),
    );
    const figures = {
      events: EVENTS,
      subscribersPerInstance: { 'graphql-ws': SUBSCRIBERS, 'pusher-js': SUBSCRIBERS },
      instances: apps.length,
      expectedDeliveries: EVENTS * sinks.length,
      delivered,
      duplicates,
      losses,
      outOfOrder,
      crossInstanceRequestToReceiptMs: summary(crossInstance),
      crossInstanceAnswerToReceiptMs: summary(crossInstanceFromAnswer),
      busEventsReceivedFromOtherInstance: busReceived,
      resyncs,
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    for (const close of closers.reverse()) await close();
    for (const t of apps.reverse()) await t.close();
    await stopTestRedis();
  }
});

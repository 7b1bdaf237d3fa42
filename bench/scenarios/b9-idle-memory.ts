/**
 * B9: what an idle graphql-ws subscriber costs the server in heap. A server
 * of its own, started with `node --expose-gc` (and BENCH_GC_ON_METRICS=1, so
 * that GET /metrics collects garbage before answering, once the server has
 * that endpoint). The heap is read after a GC before and after the
 * subscribers connect (proved live with one event per stocktake):
 *
 * 1. from GET /metrics (`nodejs_heap_size_used_bytes`) when the server answers it;
 * 2. otherwise through the V8 inspector the server was started with
 *    (`--inspect` on a free loopback port): `HeapProfiler.collectGarbage`,
 *    then `Runtime.getHeapUsage`;
 * 3. and if neither works, RSS growth per subscriber, labelled as RSS.
 *
 * RSS growth is reported in every case, for comparison.
 */
import path from 'node:path';
import WebSocket from 'ws';
import { memory, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { HOTEL, populatedStocktakes, seedHotel } from '../lib/seed';
import { freePort, startServer, type RunningServer } from '../lib/server';
import { countOnEach, GraphqlSubscribers, sequencesById } from './client-groups';
import { MemoryWindow, target, type ScenarioResult, type Suite } from './types';
import { CpuWindow } from '../lib/proc-stats';

const KB = 1024;

async function heapFromMetrics(server: RunningServer): Promise<number | null> {
  try {
    const response = await fetch(`${server.origin}/metrics`, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) return null;
    const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})?\s+(\S+)/m.exec(await response.text());
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** One call over a fresh inspector session (closed again, so the session itself holds nothing). */
async function heapFromInspector(inspectPort: number): Promise<number | null> {
  let socket: WebSocket | undefined;
  try {
    const targets = (await (
      await fetch(`http://127.0.0.1:${inspectPort}/json/list`, { signal: AbortSignal.timeout(5_000) })
    ).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) return null;
    const ws = new WebSocket(url);
    socket = ws;
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let next = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 30_000);
        const onMessage = (raw: WebSocket.RawData) => {
          const message = JSON.parse((raw as Buffer).toString('utf8')) as {
            id?: number;
            result?: Record<string, unknown>;
            error?: unknown;
          };
          if (message.id !== id) return;
          clearTimeout(timer);
          ws.off('message', onMessage);
          if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
          else resolve(message.result ?? {});
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ id, method }));
      });
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return typeof usage.usedSize === 'number' ? usage.usedSize : null;
  } catch {
    return null;
  } finally {
    socket?.close();
  }
}

/**
 * The same measurement on graphql-ws and graphql-js as shipped, without the app
 * (baseline/graphql-ws-reference-server.ts): the same warm-up, then the heap per subscriber once the
 * reference server reports every stream open.
 */
async function referenceHeapPerSubscriber(
  suite: Suite,
  subscribers: GraphqlSubscribers,
  token: string,
): Promise<{ bytes: number; heapBeforeMB: number; heapAfterMB: number }> {
  const reference = await Worker.start(
    'graphql-ws-reference',
    path.join(__dirname, '../baseline/graphql-ws-reference-server.ts'),
  );
  try {
    const { port } = await reference.call<{ port: number }>('start', {}, 30_000);
    const url = `ws://127.0.0.1:${port}/graphql`;
    const openStreams = async (count: number) => {
      const subscriptions = Array.from({ length: count }, (_, i) => ({ stocktakeId: i + 1, afterSequence: 0 }));
      const connected = await subscribers.connect(url, token, subscriptions);
      if (connected.acked !== count) throw new Error(`reference: ${connected.acked} of ${count} connected`);
      await untilReferenceHas(reference, count);
    };
    await openStreams(20);
    await subscribers.close();
    await untilReferenceHas(reference, 0);
    const before = await reference.call<number>('heap', {}, 30_000);
    await openStreams(suite.profile.b9.subscribers);
    const after = await reference.call<number>('heap', {}, 30_000);
    await subscribers.close();
    return {
      bytes: (after - before) / suite.profile.b9.subscribers,
      heapBeforeMB: round(before / KB / KB, 2),
      heapAfterMB: round(after / KB / KB, 2),
    };
  } finally {
    await reference.call('stop', {}, 10_000).catch(() => undefined);
    await reference.stop();
  }
}

/** Asks the reference server how many streams are open until it says `count` (a subscribe message sent is not yet one). */
async function untilReferenceHas(reference: Worker, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await reference.call<number>('subscriptions', {}, 5_000);
    if (open === count) return;
    if (Date.now() > deadline) throw new Error(`reference: ${open} streams open, expected ${count}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function b9(suite: Suite): Promise<ScenarioResult> {
  const settings = suite.profile.b9;
  const inspectPort = await freePort();
  const db = await suite.postgres.freshDatabase();
  let server: RunningServer | undefined;
  const subscribers = await GraphqlSubscribers.start(1);
  try {
    server = await startServer({
      name: 'server (--expose-gc)',
      databaseUrl: db.url,
      jwtSecret: suite.jwtSecret,
      nodeFlags: ['--expose-gc', `--inspect=127.0.0.1:${inspectPort}`],
      env: { BENCH_GC_ON_METRICS: '1' },
    });
    const running = server;
    await seedHotel(db.pool, HOTEL, 40);
    const stocktakes = await populatedStocktakes(running.graphqlUrl, suite.token, db.pool, HOTEL, 10);
    const ctx = { profile: suite.profile, server: running, db, token: suite.token, log: suite.log };
    const subscribeAll = async (count: number) => {
      const after = await sequencesById(ctx, stocktakes);
      const subscriptions = Array.from({ length: count }, (_, i) => {
        const stocktake = stocktakes[i % stocktakes.length]!;
        return { stocktakeId: stocktake.id, afterSequence: after[String(stocktake.id)]! };
      });
      const connected = await subscribers.connect(running.wsUrl, suite.token, subscriptions);
      if (connected.acked !== count)
        throw new Error(`${connected.acked} of ${count} connected: ${connected.firstError}`);
      await countOnEach(ctx, stocktakes);
      const live = await subscribers.waitFor(await sequencesById(ctx, stocktakes));
      if (live.incomplete > 0) throw new Error(`${live.incomplete} subscribers did not get the barrier event`);
      return connected;
    };

    let source = 'GET /metrics (nodejs_heap_size_used_bytes; the server collects garbage first)';
    let metricsAnswered = true;
    const heap = async (): Promise<number | null> => {
      const fromMetrics = await heapFromMetrics(running);
      if (fromMetrics !== null) return fromMetrics;
      metricsAnswered = false;
      source = 'V8 inspector (Runtime.getHeapUsage after HeapProfiler.collectGarbage); GET /metrics did not answer';
      return heapFromInspector(inspectPort);
    };

    // Warm up: the first subscriptions initialise caches that are not a per-subscriber cost.
    suite.log('B9: warming up with 20 subscribers');
    await subscribeAll(20);
    await subscribers.close();
    await subscribers.collect();

    const heapBefore = await heap();
    const rssBefore = memory(running.pid).rssMB;
    const memoryWindow = new MemoryWindow(running.pid);
    const cpu = new CpuWindow(running.pid);
    suite.log(`B9: ${settings.subscribers} idle subscribers`);
    const connected = await subscribeAll(settings.subscribers);
    const used = cpu.end();
    const heapAfter = await heap();
    const mem = memoryWindow.end();
    const rssAfter = memory(running.pid).rssMB;
    const rssPerSubscriber = ((rssAfter - rssBefore) * KB * KB) / settings.subscribers;
    const heapPerSubscriber =
      heapBefore !== null && heapAfter !== null ? (heapAfter - heapBefore) / settings.subscribers : null;
    const measured = heapPerSubscriber !== null;
    await subscribers.close();
    suite.log('B9: the same on graphql-ws and graphql-js as shipped (the reference)');
    const reference = await referenceHeapPerSubscriber(suite, subscribers, suite.token);
    return {
      id: 'B9',
      title: `${settings.subscribers} idle graphql-ws subscribers: server heap per subscriber`,
      rows: [
        {
          label: `${settings.subscribers} idle subs, ${measured ? 'heap' : 'RSS'} per sub ${round((heapPerSubscriber ?? rssPerSubscriber) / KB, 2)} KiB`,
          throughput: {
            value: (settings.subscribers / (connected.lastSubscribeSentAt - connected.firstOpenAt)) * 1000,
            unit: 'subs/s',
          },
          cpuPerOp: { ms: used.cpuMs / settings.subscribers, op: 'subscriber' },
          memory: mem,
        },
        { label: `graphql-ws + graphql-js as shipped, heap per sub ${round(reference.bytes / KB, 2)} KiB` },
      ],
      targets: [
        measured
          ? target(
              'server heap per idle subscriber',
              heapPerSubscriber / KB,
              '<=',
              10,
              'KiB',
              `${source}; graphql-ws and graphql-js as shipped, without the app: ${round(reference.bytes / KB, 2)} KiB`,
            )
          : target(
              'server RSS per idle subscriber (heap not readable)',
              rssPerSubscriber / KB,
              '<=',
              10,
              'KiB',
              'RSS, not heap: neither GET /metrics nor the inspector answered',
            ),
      ],
      details: {
        subscribers: settings.subscribers,
        heapSource: measured ? source : 'none (RSS only)',
        metricsEndpoint: metricsAnswered ? 'answered' : 'not available (404 or no heap gauge)',
        heapBeforeMB: heapBefore === null ? null : round(heapBefore / KB / KB, 2),
        heapAfterMB: heapAfter === null ? null : round(heapAfter / KB / KB, 2),
        heapPerSubscriberBytes: heapPerSubscriber === null ? null : Math.round(heapPerSubscriber),
        rssBeforeMB: rssBefore,
        rssAfterMB: rssAfter,
        rssPerSubscriberBytes: Math.round(rssPerSubscriber),
        cpu: used,
        memory: mem,
        reference: {
          server:
            'baseline/graphql-ws-reference-server.ts (graphql-ws use/ws, graphql-js subscribe, a stream that never yields)',
          heapPerSubscriberBytes: Math.round(reference.bytes),
          heapBeforeMB: reference.heapBeforeMB,
          heapAfterMB: reference.heapAfterMB,
        },
      },
    };
  } finally {
    await subscribers.close();
    await subscribers.stop();
    await server?.stop();
    await db.drop().catch(() => undefined);
  }
}

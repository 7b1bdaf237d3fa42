/**
 * INSTANCES: what a commit costs to cross from one instance to another, both
 * ways the product does it (docs/realtime.md, "Several instances"):
 *
 * - **NOTIFY** (no Redis): the commit's NOTIFY reaches the other instance,
 *   which reads the new events from the outbox once per channel;
 * - **Redis**: the events themselves travel over Redis pub/sub (the NOTIFY
 *   is still sent; there it only wakes the relay leader).
 *
 * For each, two servers (A and B) on one fresh database; a driver makes
 * counts on A; graphql-ws subscribers listen on B only. Measured on B: CPU
 * per event committed on A, with no subscriber on B (a quiet round) and with
 * them, and commit→receipt latency across instances; on A: CPU per mutation
 * and the mutations' latency. Then, on the database alone, what the NOTIFY
 * adds to a commit: one upsert with and without a pg_notify of the
 * product's shape, in interleaved blocks, with two connections listening.
 */
import path from 'node:path';
import { Client } from 'pg';
import { Histogram, type LatencySummary } from '../lib/histogram';
import { CpuWindow, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { HOTEL, populatedStocktakes, seedHotel, waitRelayDrained, type SeededStocktake } from '../lib/seed';
import { benchRedis } from '../lib/redis';
import { startServer, type RunningServer } from '../lib/server';
import type { DriveResult } from '../load/paced-driver';
import { countOnEach, faults, GraphqlSubscribers, sequencesById } from './client-groups';
import { target, type Row, type ScenarioResult, type ServerContext, type Suite } from './types';

interface Mode {
  name: 'NOTIFY' | 'Redis';
  env: Record<string, string>;
}

function drive(
  driver: Worker,
  server: RunningServer,
  token: string,
  stocktakes: SeededStocktake[],
  rate: number,
  ms: number,
) {
  return driver.call<DriveResult>(
    'drive',
    {
      url: server.graphqlUrl,
      token,
      stocktakes: stocktakes.map((s) => ({ id: s.id, lineIds: s.lineIds })),
      ratePerSecond: rate,
      durationMs: ms,
    },
    ms + 60_000,
  );
}

const eventsBetween = (before: Record<string, number>, after: Record<string, number>) =>
  Object.keys(after).reduce((n, key) => n + (after[key]! - (before[key] ?? 0)), 0);

interface ModeResult {
  mode: Mode['name'];
  rows: Row[];
  receiverPerEventMs: { quiet: number; withSubscribers: number; perDelivery: number };
  senderPerMutationMs: number;
  p99: number;
  problems: number;
  details: Record<string, unknown>;
}

async function runMode(suite: Suite, mode: Mode): Promise<ModeResult> {
  const s = suite.profile.instances;
  const db = await suite.postgres.freshDatabase();
  // One bench token holds every subscriber's socket and makes every count: past one person's share by design.
  const env = { TOKEN_MAX_CONNECTIONS: String(s.subscribers + 10), TOKEN_COST_PER_SECOND: '100000000', ...mode.env };
  const servers: RunningServer[] = [];
  let subscribers: GraphqlSubscribers | undefined;
  let driver: Worker | undefined;
  try {
    // A first: it takes the relay's leadership, so B does the receiving alone.
    const a = await startServer({
      name: `instance-a (${mode.name})`,
      databaseUrl: db.url,
      jwtSecret: suite.jwtSecret,
      env,
    });
    servers.push(a);
    const b = await startServer({
      name: `instance-b (${mode.name})`,
      databaseUrl: db.url,
      jwtSecret: suite.jwtSecret,
      env,
    });
    servers.push(b);
    await seedHotel(db.pool, HOTEL, 40);
    const stocktakes = await populatedStocktakes(a.graphqlUrl, suite.token, db.pool, HOTEL, s.stocktakes);
    await waitRelayDrained(db.pool);
    const onA: ServerContext = { profile: suite.profile, server: a, db, token: suite.token, log: suite.log };
    driver = await Worker.start('paced-driver', path.join(__dirname, '../load/paced-driver.ts'));

    const round_ = async () => {
      const before = await sequencesById(onA, stocktakes);
      const cpuA = new CpuWindow(a.pid);
      const cpuB = new CpuWindow(b.pid);
      const driven = await drive(driver!, a, suite.token, stocktakes, s.ratePerSecond, s.roundMs);
      const final = await sequencesById(onA, stocktakes);
      const check = subscribers ? await subscribers.waitFor(final) : undefined;
      await waitRelayDrained(db.pool);
      return { events: eventsBetween(before, final), a: cpuA.end(), b: cpuB.end(), driven, check, final };
    };

    suite.log(`INSTANCES (${mode.name}): quiet round, nobody listening on B`);
    const quiet = await round_();

    subscribers = await GraphqlSubscribers.start(1);
    const after = await sequencesById(onA, stocktakes);
    const subscriptions = Array.from({ length: s.subscribers }, (_, i) => {
      const stocktake = stocktakes[i % stocktakes.length]!;
      return { stocktakeId: stocktake.id, afterSequence: after[String(stocktake.id)]! };
    });
    suite.log(`INSTANCES (${mode.name}): ${s.subscribers} graphql-ws subscribers on B`);
    const connected = await subscribers.connect(b.wsUrl, suite.token, subscriptions);
    if (connected.acked !== s.subscribers || connected.timedOut)
      throw new Error(
        `INSTANCES: ${connected.acked} of ${s.subscribers} subscribers connected: ${connected.firstError ?? ''}`,
      );
    // Proved live across instances: a count on A for each stocktake reaches every subscriber on B.
    await countOnEach(onA, stocktakes);
    const live = await subscribers.waitFor(await sequencesById(onA, stocktakes));
    if (live.incomplete > 0) throw new Error(`INSTANCES: ${live.incomplete} subscribers did not get the barrier`);
    await subscribers.collect();

    suite.log(`INSTANCES (${mode.name}): ${s.ratePerSecond} mutations/s on A for ${s.roundMs} ms`);
    const loaded = await round_();
    const latency = await subscribers.collect();
    const deliveries = subscriptions.reduce(
      (n, sub) => n + loaded.final[String(sub.stocktakeId)]! - after[String(sub.stocktakeId)]!,
      0,
    );
    const perEvent = (cpuMs: number, events: number) => cpuMs / Math.max(1, events);
    const mutationLatency = Histogram.merge([quiet.driven.latency, loaded.driven.latency]);
    const senderPerMutationMs = perEvent(quiet.a.cpuMs + loaded.a.cpuMs, quiet.events + loaded.events);
    return {
      mode: mode.name,
      rows: [
        {
          label: `${mode.name}: receiver B, ${s.subscribers} subs`,
          throughput: { value: (loaded.events / loaded.b.wallMs) * 1000, unit: 'ev/s' },
          latency: latency.summary(),
          cpuPerOp: { ms: perEvent(loaded.b.cpuMs, loaded.events), op: 'event' },
        },
        {
          label: `${mode.name}: receiver B, no subs`,
          throughput: { value: (quiet.events / quiet.b.wallMs) * 1000, unit: 'ev/s' },
          cpuPerOp: { ms: perEvent(quiet.b.cpuMs, quiet.events), op: 'event' },
        },
        {
          label: `${mode.name}: sender A (mutations)`,
          throughput: {
            value: ((quiet.events + loaded.events) / (quiet.a.wallMs + loaded.a.wallMs)) * 1000,
            unit: 'mut/s',
          },
          latency: mutationLatency.summary(),
          cpuPerOp: { ms: senderPerMutationMs, op: 'mut' },
        },
      ],
      receiverPerEventMs: {
        quiet: perEvent(quiet.b.cpuMs, quiet.events),
        withSubscribers: perEvent(loaded.b.cpuMs, loaded.events),
        perDelivery: loaded.b.cpuMs / Math.max(1, deliveries),
      },
      senderPerMutationMs,
      p99: latency.percentile(99),
      problems: faults(loaded.check!),
      details: {
        stocktakes: s.stocktakes,
        subscribers: s.subscribers,
        ratePerSecond: s.ratePerSecond,
        roundMs: s.roundMs,
        quiet: { events: quiet.events, a: quiet.a, b: quiet.b, errors: quiet.driven.errors },
        loaded: {
          events: loaded.events,
          deliveries,
          a: loaded.a,
          b: loaded.b,
          errors: loaded.driven.errors,
          check: loaded.check,
        },
        crossInstanceLatency: latency.summary(),
        mutationLatency: mutationLatency.summary(),
      },
    };
  } finally {
    await subscribers?.close();
    await subscribers?.stop();
    await driver?.stop();
    for (const server of servers.reverse()) await server.stop();
    await db.drop().catch(() => undefined);
  }
}

/**
 * What a NOTIFY adds to a commit, on the database alone: the same single-statement transaction (an upsert of a
 * channel's counter, as the outbox takes a sequence) with and without a pg_notify of the product's shape, in
 * interleaved blocks, while two other connections LISTEN (two more instances).
 */
interface NoticeCost {
  commitsEach: number;
  listeners: number;
  notificationsHeard: number;
  plain: LatencySummary & { meanMs: number };
  notify: LatencySummary & { meanMs: number };
  addedMs: { p50: number; mean: number };
}

async function noticeCost(suite: Suite): Promise<NoticeCost> {
  const { commits } = suite.profile.instances;
  const db = await suite.postgres.freshDatabase();
  const clients: Client[] = [];
  try {
    const connect = async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
      return client;
    };
    const sender = await connect();
    let heard = 0;
    for (let i = 0; i < 2; i += 1) {
      const listener = await connect();
      listener.on('notification', () => (heard += 1));
      await listener.query('listen stocktake_live_commits');
    }
    await sender.query('create table bench_counter (channel text primary key, n bigint not null)');
    const upsert = `insert into bench_counter (channel, n) values ($1, 1)
      on conflict (channel) do update set n = bench_counter.n + 1 returning n`;
    const statements = {
      plain: { name: 'plain', text: upsert },
      notify: {
        name: 'notify',
        text: `with taken as (${upsert}),
          noticed as (select pg_notify('stocktake_live_commits', concat_ws(' ', cast($2 as text), n, 1, cast($1 as text))) from taken)
          select n from taken, noticed`,
      },
    };
    const histograms = { plain: new Histogram(), notify: new Histogram() };
    const block = 250;
    const origin = '00000000-0000-4000-8000-000000000000';
    for (let done = 0; done < commits; done += block) {
      for (const kind of ['plain', 'notify'] as const) {
        for (let i = 0; i < block; i += 1) {
          const channel = `${HOTEL}-stocktake-${i % 10}`;
          const values = kind === 'plain' ? [channel] : [channel, origin];
          const started = performance.now();
          await sender.query({ ...statements[kind], values });
          histograms[kind].record(performance.now() - started);
        }
      }
    }
    // Every notice reaches both listeners (bounded wait: a notice lost would be a fault worth seeing in the JSON).
    for (let waited = 0; heard < 2 * histograms.notify.count && waited < 5_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const summary = (h: Histogram) => ({ ...h.summary(), meanMs: round(h.sum / Math.max(1, h.count), 4) });
    return {
      commitsEach: histograms.plain.count,
      listeners: 2,
      notificationsHeard: heard,
      plain: summary(histograms.plain),
      notify: summary(histograms.notify),
      addedMs: {
        p50: round(histograms.notify.percentile(50) - histograms.plain.percentile(50), 4),
        mean: round((histograms.notify.sum - histograms.plain.sum) / Math.max(1, histograms.plain.count), 4),
      },
    };
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

export async function instances(suite: Suite): Promise<ScenarioResult> {
  const s = suite.profile.instances;
  const results: ModeResult[] = [await runMode(suite, { name: 'NOTIFY', env: {} })];
  const redis = await benchRedis();
  let skipped: string | undefined;
  if ('skipped' in redis) skipped = redis.skipped;
  else {
    try {
      results.push(await runMode(suite, { name: 'Redis', env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench:' } }));
    } finally {
      await redis.stop();
    }
  }
  suite.log('INSTANCES: what a NOTIFY adds to a commit');
  const notice = await noticeCost(suite);
  const added = notice.addedMs;
  const notify = results[0]!;
  const viaRedis = results[1];
  return {
    id: 'INSTANCES',
    title: `two instances on one database: ${s.subscribers} graphql-ws subscribers on B, ${s.ratePerSecond} mutations/s on A, without and with Redis`,
    rows: [
      ...results.flatMap((r) => r.rows),
      {
        label: 'NOTIFY added to a commit (DB)',
        latency: notice.notify,
      },
    ],
    targets: [
      target('cross-instance commit→receipt p99, NOTIFY', notify.p99, '<=', 100, 'ms'),
      target('events lost, repeated, out of order or failed subscribers, NOTIFY', notify.problems, '==', 0, ''),
      ...(viaRedis
        ? [
            target('cross-instance commit→receipt p99, Redis', viaRedis.p99, '<=', 100, 'ms'),
            target('events lost, repeated, out of order or failed subscribers, Redis', viaRedis.problems, '==', 0, ''),
          ]
        : []),
      target(
        'commit latency a NOTIFY adds (mean)',
        added.mean,
        '<=',
        0.5,
        'ms',
        `p50 ${added.p50} ms; ${notice.commitsEach} commits each way`,
      ),
    ],
    details: {
      modes: Object.fromEntries(
        results.map((r) => [
          r.mode,
          {
            receiverCpuPerEventMs: {
              quiet: round(r.receiverPerEventMs.quiet, 4),
              withSubscribers: round(r.receiverPerEventMs.withSubscribers, 4),
              perDelivery: round(r.receiverPerEventMs.perDelivery, 5),
              // What following the channels adds: the cross-instance path and the fan-out to this many subscribers.
              marginal: round(r.receiverPerEventMs.withSubscribers - r.receiverPerEventMs.quiet, 4),
              subscribersPerEvent: s.subscribers / s.stocktakes,
            },
            senderCpuPerMutationMs: round(r.senderPerMutationMs, 4),
            ...r.details,
          },
        ]),
      ),
      ...(skipped ? { redisSkipped: skipped } : {}),
      noticeCost: notice,
    },
  };
}

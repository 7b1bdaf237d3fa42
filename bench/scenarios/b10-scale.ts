/**
 * B10, the scale curve: what one event costs each instance that receives it over Redis, as instances are
 * added and as the channels they follow grow (docs/realtime.md, "Several instances").
 *
 * One fresh database and a Redis of the run's own. A writer instance takes every count (as the instance
 * behind the load balancer that got the request would) and leads the relay; it has no subscribers.
 * Receiving instances R1..R3 each follow the same channels with graphql-ws subscriptions (`perSocket` to a
 * socket): a driver commits `ratePerSecond` counts on the writer over the hot stocktakes (populated through
 * the API), and the other followed channels are stocktakes that stay quiet (inserted by SQL). Each event
 * reaches one subscription on each receiver, so what a receiver spends per event is the cross-instance
 * path (Redis message, envelope, stream) plus one delivery, whatever the number of instances or channels.
 *
 * Points, each a round of the same load:
 *   R1 alone following 100, 1,000, then 10,000 channels (the channel curve);
 *   R1+R2, then R1+R2+R3, each following 10,000 (the instance curve).
 * Every round ends when every subscription has its channel's last sequence, checked for nothing lost,
 * repeated or out of order. Between the channel points, an idle window on R1 (no counts) measures what
 * following costs with nothing happening: the staleness check (one statement per 1,000 followed channels
 * per second) and the rest of the idle work, on the instance and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Pool } from 'pg';
import { CpuWindow, cpuMsOfCommand, round } from '../lib/proc-stats';
import { benchRedis } from '../lib/redis';
import { Worker } from '../lib/rpc';
import { HOTEL, populatedStocktakes, seedHotel, waitRelayDrained, type SeededStocktake } from '../lib/seed';
import { startServer, type RunningServer } from '../lib/server';
import { svgChart } from '../lib/svg-plot';
import type { DriveResult } from '../load/paced-driver';
import { faults, GraphqlSubscribers, sequencesById, type WaitResult } from './client-groups';
import { target, type Row, type ScenarioResult, type ServerContext, type Suite } from './types';

/** How far (±) a point may stray from the first of its curve. */
const FLAT_WITHIN = 0.2;

interface Point {
  instances: number;
  channels: number;
  events: number;
  /** CPU per event of each receiving instance, ms. */
  perInstanceMs: number[];
  meanMs: number;
  writerPerEventMs: number;
  postgresPerEventMs: number;
  /** Deliveries lost, repeated or out of order, and subscriptions failed. */
  faults: number;
  /** Counts the writer did not commit (an error answer or none), and the first error. */
  countErrors: number;
  firstCountError?: string;
}

interface IdleWindow {
  channels: number;
  wallMs: number;
  /** Share of one core R1 used while nothing was counted. */
  instanceCoreShare: number;
  /** Share of one core all of PostgreSQL's processes used meanwhile (every instance's idle work). */
  postgresCoreShare: number;
}

/** Until the server's bus follows `channels` channels (its `event_bus_followed_channels` gauge). */
async function followedOn(
  server: RunningServer,
  metricsToken: string,
  channels: number,
  timeoutMs = 120_000,
): Promise<void> {
  const started = performance.now();
  let seen = NaN;
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    const text = await response.text();
    seen = Number(/^event_bus_followed_channels (\S+)$/m.exec(text)?.[1]);
    if (seen === channels) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`B10: ${server.name} follows ${seen} channels, not ${channels}, after ${timeoutMs} ms`);
}

/** `count` stocktakes of the hotel that nobody counts: followed channels that stay quiet. */
async function quietStocktakes(pool: Pool, hotel: string, count: number): Promise<SeededStocktake[]> {
  if (count <= 0) return [];
  const rows = await pool.query<{ id: number }>(
    `insert into stocktake (hotel_id, period_start, period_end)
     select h.id, date '2040-01-01' + g, date '2040-01-01' + g
     from hotel h, generate_series(1, $2::int) g where h.identifier = $1
     returning id`,
    [hotel, count],
  );
  return rows.rows.map(({ id }) => ({ id, channel: `${hotel}-stocktake-${id}`, lineIds: [] }));
}

export async function b10(suite: Suite): Promise<ScenarioResult> {
  const p = suite.profile.b10;
  const redis = await benchRedis();
  if ('skipped' in redis) throw new Error(`B10 needs Redis: ${redis.skipped}`);
  const db = await suite.postgres.freshDatabase();
  const env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench10:',
    GRAPHQL_WS_MAX_SUBSCRIPTIONS: String(p.perSocket),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
  };
  const servers: RunningServer[] = [];
  const groups: GraphqlSubscribers[] = [];
  let driver: Worker | undefined;
  try {
    // The writer first: it takes the relay's leadership, so the receivers only receive.
    const writer = await startServer({ name: 'b10-writer', databaseUrl: db.url, jwtSecret: suite.jwtSecret, env });
    servers.push(writer);
    await seedHotel(db.pool, HOTEL, 40);
    const hot = await populatedStocktakes(writer.graphqlUrl, suite.token, db.pool, HOTEL, p.hotStocktakes);
    const maxChannels = Math.max(...p.channels);
    const quiet = await quietStocktakes(db.pool, HOTEL, maxChannels - hot.length);
    await waitRelayDrained(db.pool);
    const onWriter: ServerContext = { profile: suite.profile, server: writer, db, token: suite.token, log: suite.log };
    driver = await Worker.start('paced-driver', path.join(__dirname, '../load/paced-driver.ts'));
    const quietFinal = Object.fromEntries(quiet.map((s) => [String(s.id), 0]));

    const receivers: RunningServer[] = [];
    /** Receiver `index` follows the hot channels and quiet ones up to `channels`, proved live by a barrier count. */
    const follow = async (index: number, channels: number) => {
      const fresh = !receivers[index];
      if (fresh) {
        const receiver = await startServer({
          name: `b10-receiver-${index + 1}`,
          databaseUrl: db.url,
          jwtSecret: suite.jwtSecret,
          env,
        });
        servers.push(receiver);
        receivers[index] = receiver;
        groups[index] = await GraphqlSubscribers.start(1);
      }
      const group = groups[index]!;
      await group.close();
      const after = await sequencesById(onWriter, hot);
      const subscriptions = [
        ...hot.map((s) => ({ stocktakeId: s.id, afterSequence: after[String(s.id)]! })),
        ...quiet.slice(0, channels - hot.length).map((s) => ({ stocktakeId: s.id, afterSequence: 0 })),
      ];
      suite.log(`B10: receiver ${index + 1} follows ${channels} channels`);
      const connected = await group.connect(receivers[index]!.wsUrl, suite.token, subscriptions, 120_000, {
        perSocket: p.perSocket,
        subscribeRatePerSecond: p.subscribeRatePerSecond,
      });
      if (connected.acked !== subscriptions.length || connected.timedOut || connected.failed > 0)
        throw new Error(
          `B10: ${connected.acked} of ${subscriptions.length} subscriptions acknowledged: ${connected.firstError ?? ''}`,
        );
      // Every subscription is set up on the receiver (its bus follows each channel once)…
      await followedOn(receivers[index]!, env.METRICS_TOKEN, channels);
      // …and live: one more count on each hot stocktake reaches every subscription of every receiver.
      await drive(p.hotStocktakes, 1_000);
      const barrier = await waitAll();
      const incomplete = barrier.reduce((n, r) => n + r.incomplete + r.failed, 0);
      if (incomplete > 0)
        throw new Error(
          `B10: ${incomplete} subscriptions did not get the barrier: ${JSON.stringify(barrier)}; the receiver logged ${receivers[
            index
          ]!.logLines.filter((line) => line.includes('"error"'))
            .slice(0, 3)
            .join('\n')}`,
        );
      // A new instance's first events run cold code (JIT): warm it up unmeasured, as the others were.
      if (fresh) await drive(p.ratePerSecond, p.warmupMs);
      await waitAll();
      await Promise.all(groups.map((g) => g.collect()));
    };

    const drive = (rate: number, ms: number) =>
      driver!.call<DriveResult>(
        'drive',
        {
          url: writer.graphqlUrl,
          token: suite.token,
          stocktakes: hot.map((s) => ({ id: s.id, lineIds: s.lineIds })),
          ratePerSecond: rate,
          durationMs: ms,
        },
        ms + 60_000,
      );
    const waitAll = async (): Promise<WaitResult[]> => {
      const final = { ...quietFinal, ...(await sequencesById(onWriter, hot)) };
      return Promise.all(groups.map((g) => g.waitFor(final, 60_000)));
    };

    const points: Point[] = [];
    const rows: Row[] = [];
    const measure = async (instances: number, channels: number) => {
      suite.log(`B10: ${p.ratePerSecond} counts/s for ${p.roundMs} ms, ${instances} receiver(s), ${channels} channels`);
      const before = await sequencesById(onWriter, hot);
      const windows = receivers.map((r) => new CpuWindow(r.pid));
      const writerWindow = new CpuWindow(writer.pid);
      const postgresBefore = cpuMsOfCommand('postgres');
      const driven = await drive(p.ratePerSecond, p.roundMs);
      const checks = await waitAll();
      const cpus = windows.map((w) => w.end());
      const postgresMs = cpuMsOfCommand('postgres') - postgresBefore;
      const writerCpu = writerWindow.end();
      await waitRelayDrained(db.pool);
      const final = await sequencesById(onWriter, hot);
      const events = hot.reduce((n, s) => n + final[String(s.id)]! - before[String(s.id)]!, 0);
      const perInstanceMs = cpus.map((c) => c.cpuMs / Math.max(1, events));
      const point: Point = {
        instances,
        channels,
        events,
        perInstanceMs: perInstanceMs.map((ms) => round(ms, 4)),
        meanMs: round(perInstanceMs.reduce((a, b) => a + b, 0) / perInstanceMs.length, 4),
        writerPerEventMs: round(writerCpu.cpuMs / Math.max(1, events), 4),
        postgresPerEventMs: round(postgresMs / Math.max(1, events), 4),
        faults: checks.reduce((n, c) => n + faults(c), 0),
        countErrors: driven.errors,
        ...(driven.firstError ? { firstCountError: driven.firstError } : {}),
      };
      points.push(point);
      rows.push({
        label: `B10: ${instances} inst × ${channels.toLocaleString('en')} ch`,
        throughput: { value: (events / Math.max(1, cpus[0]!.wallMs)) * 1000, unit: 'ev/s' },
        cpuPerOp: { ms: point.meanMs, op: 'ev/inst' },
      });
    };

    const idle: IdleWindow[] = [];
    const idleWindow = async (channels: number) => {
      suite.log(`B10: idle for ${p.idleMs} ms, receiver 1 following ${channels} channels`);
      const window = new CpuWindow(receivers[0]!.pid);
      const postgresBefore = cpuMsOfCommand('postgres');
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, p.idleMs));
      const wallMs = performance.now() - started;
      const cpu = window.end();
      idle.push({
        channels,
        wallMs: round(wallMs, 1),
        instanceCoreShare: round(cpu.cpuMs / wallMs, 4),
        postgresCoreShare: round((cpuMsOfCommand('postgres') - postgresBefore) / wallMs, 4),
      });
    };

    const channelSteps = [...p.channels].sort((a, b) => a - b);
    for (const channels of channelSteps) {
      await follow(0, channels);
      if (channels === channelSteps[0] || channels === maxChannels) await idleWindow(channels);
      await measure(1, channels);
    }
    for (let index = 1; index < p.instances; index += 1) {
      await follow(index, maxChannels);
      await measure(index + 1, maxChannels);
    }

    const channelCurve = points.filter((pt) => pt.instances === 1);
    const instanceCurve = points.filter((pt) => pt.channels === maxChannels);
    const spread = (curve: Point[]) =>
      round(Math.max(...curve.map((pt) => Math.abs(pt.meanMs / curve[0]!.meanMs - 1))) * 100, 1);
    const quietIdle = idle[0]!;
    const busyIdle = idle[idle.length - 1]!;
    const problems = points.reduce((n, pt) => n + pt.faults, 0);
    const countErrors = points.reduce((n, pt) => n + pt.countErrors, 0);
    const firstCountError = points.find((pt) => pt.firstCountError)?.firstCountError;
    return {
      id: 'B10',
      title: `scale: a writer and 1-${p.instances} receiving instances on Redis, ${p.ratePerSecond} events/s, ${channelSteps[0]}-${maxChannels} followed channels`,
      rows,
      targets: [
        target(
          `CPU per event per instance, 1→${p.instances} instances (${maxChannels} channels): largest change`,
          spread(instanceCurve),
          '<=',
          FLAT_WITHIN * 100,
          '%',
          instanceCurve.map((pt) => `${pt.instances}: ${pt.meanMs} ms`).join(', '),
        ),
        target(
          `CPU per event per instance, ${channelSteps[0]}→${maxChannels} channels (1 instance): largest change`,
          spread(channelCurve),
          '<=',
          FLAT_WITHIN * 100,
          '%',
          channelCurve.map((pt) => `${pt.channels}: ${pt.meanMs} ms`).join(', '),
        ),
        target(
          `idle instance following ${maxChannels} channels (the staleness check and all else)`,
          busyIdle.instanceCoreShare * 100,
          '<=',
          5,
          '% of a core',
          `${quietIdle.channels} channels: ${round(quietIdle.instanceCoreShare * 100, 2)}%; PostgreSQL meanwhile ${round(busyIdle.postgresCoreShare * 100, 2)}% (${round(quietIdle.postgresCoreShare * 100, 2)}% at ${quietIdle.channels})`,
        ),
        target('events lost, repeated, out of order or failed subscriptions', problems, '==', 0, ''),
        target(
          'counts the writer did not commit',
          countErrors,
          '==',
          0,
          '',
          `of ${points.reduce((n, pt) => n + pt.events, 0) + countErrors}${firstCountError ? `; first: ${firstCountError}` : ''}`,
        ),
      ],
      details: {
        hotStocktakes: p.hotStocktakes,
        perSocket: p.perSocket,
        ratePerSecond: p.ratePerSecond,
        roundMs: p.roundMs,
        points,
        idle,
      },
    };
  } finally {
    for (const group of groups) {
      await group.close();
      await group.stop();
    }
    await driver?.stop();
    for (const server of servers.reverse()) await server.stop();
    await db.drop().catch(() => undefined);
    await redis.stop();
  }
}

/** B10's curves as an SVG (bench/results/), from the details a run recorded. */
export function b10Plot(details: { points: Point[]; ratePerSecond: number }): string {
  const maxChannels = Math.max(...details.points.map((pt) => pt.channels));
  const channelCurve = details.points.filter((pt) => pt.instances === 1);
  const instanceCurve = details.points.filter((pt) => pt.channels === maxChannels);
  const band = (base: number) => ({
    low: base * (1 - FLAT_WITHIN),
    high: base * (1 + FLAT_WITHIN),
    label: `±${FLAT_WITHIN * 100}% of the first point`,
  });
  const perInstanceSeries = (curve: Point[], x: (pt: Point) => number) => [
    { name: 'mean of receivers', color: '#1f77b4', points: curve.map((pt) => ({ x: x(pt), y: pt.meanMs })) },
    {
      name: 'busiest receiver',
      color: '#ff7f0e',
      points: curve.map((pt) => ({ x: x(pt), y: Math.max(...pt.perInstanceMs) })),
    },
  ];
  return svgChart(
    [
      {
        title: `Instances (${maxChannels.toLocaleString('en')} channels each)`,
        xLabel: 'receiving instances',
        yLabel: 'CPU ms per event per instance',
        xTicks: instanceCurve.map((pt) => pt.instances),
        series: perInstanceSeries(instanceCurve, (pt) => pt.instances),
        band: band(instanceCurve[0]!.meanMs),
      },
      {
        title: 'Followed channels (1 instance)',
        xLabel: 'channels followed (log scale)',
        yLabel: 'CPU ms per event per instance',
        xTicks: channelCurve.map((pt) => pt.channels),
        logX: true,
        series: perInstanceSeries(channelCurve, (pt) => pt.channels),
        band: band(channelCurve[0]!.meanMs),
      },
    ],
    `B10: ${details.ratePerSecond} events/s committed on a writer instance, received over Redis (npm run bench)`,
  );
}

/**
 * Delivery to many realtime clients on the main server (built-in Pusher
 * endpoint):
 *
 * - B2: graphql-ws subscribers spread over ten stocktakes, 50 mutations/s;
 * - B3 with B4's one-channel part: graphql-ws subscribers on one stocktake and
 *   pusher-js clients on another, 20 mutations/s, in interleaved rounds
 *   (graphql-ws, pusher-js, and a third stocktake with no listener, whose
 *   CPU per event is what a mutation and its relaying cost on their own, so
 *   that CPU per delivery can be given with and without it);
 * - B4's ten-channel part: pusher-js clients with B2's load;
 * - B8: connecting subscribers, proved live by a barrier event.
 *
 * Every group of clients is connected, then proved live with one event per
 * channel (a count from the orchestrator) before anything is measured.
 */
import { Histogram } from '../lib/histogram';
import { CpuWindow, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { waitRelayDrained, type SeededStocktake } from '../lib/seed';
import path from 'node:path';
import type { DriveResult } from '../load/paced-driver';
import {
  countOnEach,
  faults,
  GraphqlSubscribers,
  PusherClients,
  sequencesByChannel,
  sequencesById,
  type WaitResult,
} from './client-groups';
import { MemoryWindow, target, type MainContext, type Row, type ScenarioResult } from './types';

function startDriver(): Promise<Worker> {
  return Worker.start('paced-driver', path.join(__dirname, '../load/paced-driver.ts'));
}

function drive(
  driver: Worker,
  ctx: MainContext,
  stocktakes: SeededStocktake[],
  ratePerSecond: number,
  durationMs: number,
): Promise<DriveResult> {
  return driver.call<DriveResult>(
    'drive',
    {
      url: ctx.server.graphqlUrl,
      token: ctx.token,
      stocktakes: stocktakes.map((s) => ({ id: s.id, lineIds: s.lineIds })),
      ratePerSecond,
      durationMs,
    },
    durationMs + 60_000,
  );
}

function eventsBetween(before: Record<string, number>, after: Record<string, number>): number {
  return Object.keys(after).reduce((n, key) => n + (after[key]! - (before[key] ?? 0)), 0);
}

function pusherSettings(ctx: MainContext) {
  return { key: ctx.pusherKey, host: '127.0.0.1', port: ctx.server.port };
}

/** `count` subscriptions spread round robin over the stocktakes, each after its channel's current sequence. */
async function spreadSubscriptions(ctx: MainContext, stocktakes: SeededStocktake[], count: number) {
  const after = await sequencesById(ctx, stocktakes);
  return Array.from({ length: count }, (_, i) => {
    const stocktake = stocktakes[i % stocktakes.length]!;
    return { stocktakeId: stocktake.id, afterSequence: after[String(stocktake.id)]! };
  });
}

function checkConnected(what: string, expected: number, got: number, timedOut: boolean, firstError?: string): void {
  if (got !== expected || timedOut)
    throw new Error(`${what}: ${got} of ${expected} connected${timedOut ? ' (timed out)' : ''}: ${firstError ?? ''}`);
}

function checkLive(what: string, result: WaitResult): void {
  if (result.incomplete > 0)
    throw new Error(`${what}: ${result.incomplete} did not get the barrier event: ${result.firstError ?? ''}`);
}

// ---- B2 -----------------------------------------------------------------------

export async function b2(ctx: MainContext): Promise<ScenarioResult> {
  const settings = ctx.profile.b2;
  const stocktakes = ctx.spread;
  const subscribers = await GraphqlSubscribers.start(settings.processes);
  const driver = await startDriver();
  try {
    const subscriptions = await spreadSubscriptions(ctx, stocktakes, settings.subscribers);
    ctx.log(`B2: connecting ${settings.subscribers} graphql-ws subscribers over ${stocktakes.length} stocktakes`);
    const connected = await subscribers.connect(ctx.server.wsUrl, ctx.token, subscriptions);
    checkConnected('B2 subscribers', settings.subscribers, connected.acked, connected.timedOut, connected.firstError);
    await countOnEach(ctx, stocktakes);
    const barrier = await sequencesById(ctx, stocktakes);
    const live = await subscribers.waitFor(barrier);
    checkLive('B2 subscribers', live);
    await subscribers.collect();

    ctx.log(`B2: ${settings.ratePerSecond} mutations/s for ${settings.durationMs} ms`);
    const memoryWindow = new MemoryWindow(ctx.server.pid);
    const cpu = new CpuWindow(ctx.server.pid);
    const driven = await drive(driver, ctx, stocktakes, settings.ratePerSecond, settings.durationMs);
    const final = await sequencesById(ctx, stocktakes);
    const result = await subscribers.waitFor(final);
    const used = cpu.end();
    const mem = memoryWindow.end();
    const latency = await subscribers.collect();

    const events = eventsBetween(barrier, final);
    const delivered = result.received - live.received;
    const expectedDeliveries = subscriptions.reduce(
      (n, s) => n + final[String(s.stocktakeId)]! - barrier[String(s.stocktakeId)]!,
      0,
    );
    const problems = faults(result);
    return {
      id: 'B2',
      title: `graphql-ws, ${settings.subscribers} subscribers over ${stocktakes.length} stocktakes, ${settings.ratePerSecond} mutations/s`,
      rows: [
        {
          label: `graphql-ws ${settings.subscribers} subs ×${stocktakes.length} st.`,
          throughput: { value: (delivered / used.wallMs) * 1000, unit: 'deliv/s' },
          latency: latency.summary(),
          cpuPerOp: { ms: used.cpuMs / Math.max(1, delivered), op: 'delivery' },
          memory: mem,
        },
      ],
      targets: [
        target('commit→receipt p99', latency.percentile(99), '<=', 25, 'ms'),
        target(
          'events lost, repeated, out of order or failed subscribers',
          problems,
          '==',
          0,
          '',
          `${delivered} of ${expectedDeliveries} deliveries`,
        ),
        target('server CPU, share of one core', used.coreShare * 100, '<=', 50, '%'),
      ],
      details: {
        subscribers: settings.subscribers,
        processes: settings.processes,
        events,
        expectedDeliveries,
        delivered,
        check: result,
        mutations: { ...driven, latency: undefined, latencySummary: latencyOf(driven) },
        cpu: {
          ...used,
          perMutationMs: round(used.cpuMs / Math.max(1, events), 3),
          perDeliveryMs: round(used.cpuMs / Math.max(1, delivered), 4),
        },
        memory: mem,
      },
    };
  } finally {
    await subscribers.close();
    await Promise.all([subscribers.stop(), driver.stop()]);
  }
}

/** The mutations' own latency, as the driver saw it. */
function latencyOf(driven: DriveResult) {
  return Histogram.merge([driven.latency]).summary();
}

// ---- B3 and B4's one-channel part, interleaved ----------------------------------------

interface SideTotals {
  events: number;
  cpuMs: number;
  wallMs: number;
  rounds: Array<{ events: number; cpuMs: number; wallMs: number; p99?: number }>;
}

export interface OneChannelResult {
  graphql: { row: Row; p99: number; problems: number; check: WaitResult | null; marginal: number; gross: number };
  pusher: { row: Row; p99: number; problems: number; check: WaitResult | null; marginal: number; gross: number };
  ratio: { marginal: number; gross: number };
  details: Record<string, unknown>;
}

export async function oneChannel(ctx: MainContext): Promise<OneChannelResult> {
  const settings = ctx.profile.b3;
  const n = settings.subscribers;
  const { graphql: gqlStocktake, pusher: pusherStocktake } = ctx.single;
  const subscribers = await GraphqlSubscribers.start(settings.processes);
  const clients = await PusherClients.start(settings.processes);
  const driver = await startDriver();
  try {
    ctx.log(`B3/B4: connecting ${n} graphql-ws subscribers and ${n} pusher-js clients (one channel each)`);
    const subscriptions = await spreadSubscriptions(ctx, [gqlStocktake], n);
    const gqlConnected = await subscribers.connect(ctx.server.wsUrl, ctx.token, subscriptions);
    checkConnected('B3 subscribers', n, gqlConnected.acked, gqlConnected.timedOut, gqlConnected.firstError);
    const pusherConnected = await clients.connect(
      pusherSettings(ctx),
      Array.from({ length: n }, () => pusherStocktake.channel),
    );
    checkConnected(
      'B4 pusher-js clients',
      n,
      pusherConnected.subscribed,
      pusherConnected.timedOut,
      pusherConnected.firstError,
    );
    await waitRelayDrained(ctx.db.pool);
    await clients.arm(await sequencesByChannel(ctx, [pusherStocktake]));
    await countOnEach(ctx, [gqlStocktake, pusherStocktake]);
    checkLive('B3 subscribers', await subscribers.waitFor(await sequencesById(ctx, [gqlStocktake])));
    checkLive('B4 pusher-js clients', await clients.waitFor(await sequencesByChannel(ctx, [pusherStocktake])));
    await waitRelayDrained(ctx.db.pool);
    await subscribers.collect();
    await clients.collect();

    const sides = {
      graphql: { events: 0, cpuMs: 0, wallMs: 0, rounds: [] } as SideTotals,
      pusher: { events: 0, cpuMs: 0, wallMs: 0, rounds: [] } as SideTotals,
      quiet: { events: 0, cpuMs: 0, wallMs: 0, rounds: [] } as SideTotals,
    };
    const latencies: { graphql: Histogram[]; pusher: Histogram[] } = { graphql: [], pusher: [] };
    const checks: { graphql: WaitResult | null; pusher: WaitResult | null } = { graphql: null, pusher: null };
    // Each round's check covers everything since the connection (sequences, losses), except who had not
    // got the round's last event when the round ended: that is summed over the rounds.
    const incompleteInRounds = { graphql: 0, pusher: 0 };
    const memoryWindow = new MemoryWindow(ctx.server.pid);
    for (let r = 0; r < settings.rounds; r++) {
      for (const side of ['graphql', 'pusher', 'quiet'] as const) {
        const stocktake = ctx.single[side];
        ctx.log(`B3/B4: round ${r + 1}/${settings.rounds}, ${side === 'quiet' ? 'no listener' : side}`);
        const before = await sequencesById(ctx, [stocktake]);
        const cpu = new CpuWindow(ctx.server.pid);
        await drive(driver, ctx, [stocktake], settings.ratePerSecond, settings.roundMs);
        const final = await sequencesById(ctx, [stocktake]);
        if (side === 'graphql') checks.graphql = await subscribers.waitFor(final);
        if (side === 'pusher')
          checks.pusher = await clients.waitFor({ [stocktake.channel]: final[String(stocktake.id)]! });
        if (side !== 'quiet') incompleteInRounds[side] += checks[side]!.incomplete;
        await waitRelayDrained(ctx.db.pool);
        const used = cpu.end();
        const events = eventsBetween(before, final);
        let p99: number | undefined;
        if (side !== 'quiet') {
          const latency = await (side === 'graphql' ? subscribers : clients).collect();
          latencies[side].push(latency);
          p99 = latency.percentile(99);
        }
        const totals = sides[side];
        totals.events += events;
        totals.cpuMs += used.cpuMs;
        totals.wallMs += used.wallMs;
        totals.rounds.push({ events, cpuMs: used.cpuMs, wallMs: used.wallMs, ...(p99 !== undefined ? { p99 } : {}) });
      }
    }
    const mem = memoryWindow.end();
    const perEventQuiet = sides.quiet.cpuMs / Math.max(1, sides.quiet.events);
    const figures = (side: 'graphql' | 'pusher') => {
      const totals = sides[side];
      const deliveries = totals.events * n;
      const latency = Histogram.merge(latencies[side].map((h) => h.toJSON()));
      const check = checks[side];
      return {
        row: {
          label: side === 'graphql' ? `graphql-ws ${n} subs on 1 stocktake` : `pusher-js ${n} clients on 1 channel`,
          throughput: { value: (deliveries / totals.wallMs) * 1000, unit: 'deliv/s' },
          latency: latency.summary(),
          cpuPerOp: { ms: totals.cpuMs / Math.max(1, deliveries), op: 'delivery' },
          memory: mem,
        } satisfies Row,
        p99: latency.percentile(99),
        problems: check ? faults(check, side === 'pusher') - check.incomplete + incompleteInRounds[side] : NaN,
        check,
        gross: totals.cpuMs / Math.max(1, deliveries),
        marginal: (totals.cpuMs / Math.max(1, totals.events) - perEventQuiet) / n,
      };
    };
    const graphqlSide = figures('graphql');
    const pusherSide = figures('pusher');
    return {
      graphql: graphqlSide,
      pusher: pusherSide,
      ratio: {
        marginal: graphqlSide.marginal / pusherSide.marginal,
        gross: graphqlSide.gross / pusherSide.gross,
      },
      details: {
        listeners: n,
        ratePerSecond: settings.ratePerSecond,
        roundMs: settings.roundMs,
        rounds: sides,
        cpuPerEventWithoutListenersMs: round(perEventQuiet, 3),
        cpuPerDeliveryMs: {
          graphql: { gross: round(graphqlSide.gross, 5), marginal: round(graphqlSide.marginal, 5) },
          pusher: { gross: round(pusherSide.gross, 5), marginal: round(pusherSide.marginal, 5) },
        },
        memory: mem,
      },
    };
  } finally {
    await Promise.all([subscribers.close(), clients.close()]);
    await Promise.all([subscribers.stop(), clients.stop(), driver.stop()]);
  }
}

export function b3Result(ctx: MainContext, one: OneChannelResult): ScenarioResult {
  const s = ctx.profile.b3;
  return {
    id: 'B3',
    title: `graphql-ws, ${s.subscribers} subscribers on one stocktake, ${s.ratePerSecond} mutations/s`,
    rows: [one.graphql.row],
    targets: [
      target('commit→receipt p99', one.graphql.p99, '<=', 50, 'ms'),
      target(
        'server CPU per delivery, graphql-ws / pusher-js',
        one.ratio.marginal,
        '<=',
        1.2,
        '×',
        `delivery cost only (each side minus the CPU per event of rounds without listeners); with it: ${round(one.ratio.gross, 2)}×`,
      ),
      target('events lost, repeated, out of order or failed subscribers', one.graphql.problems, '==', 0, ''),
    ],
    details: { ...one.details, check: one.graphql.check },
  };
}

// ---- B4 -------------------------------------------------------------------------

export async function b4Spread(ctx: MainContext): Promise<{
  row: Row;
  p99: number;
  problems: number;
  details: Record<string, unknown>;
}> {
  const settings = ctx.profile.b4;
  const stocktakes = ctx.spread;
  const clients = await PusherClients.start(settings.processes);
  const driver = await startDriver();
  try {
    ctx.log(`B4: connecting ${settings.clients} pusher-js clients over ${stocktakes.length} channels`);
    const channels = Array.from({ length: settings.clients }, (_, i) => stocktakes[i % stocktakes.length]!.channel);
    const connected = await clients.connect(pusherSettings(ctx), channels);
    checkConnected(
      'B4 pusher-js clients',
      settings.clients,
      connected.subscribed,
      connected.timedOut,
      connected.firstError,
    );
    await waitRelayDrained(ctx.db.pool);
    await clients.arm(await sequencesByChannel(ctx, stocktakes));
    await countOnEach(ctx, stocktakes);
    const barrier = await sequencesByChannel(ctx, stocktakes);
    const live = await clients.waitFor(barrier);
    checkLive('B4 pusher-js clients', live);
    await waitRelayDrained(ctx.db.pool);
    await clients.collect();

    ctx.log(`B4: ${settings.ratePerSecond} mutations/s for ${settings.durationMs} ms`);
    const memoryWindow = new MemoryWindow(ctx.server.pid);
    const cpu = new CpuWindow(ctx.server.pid);
    const driven = await drive(driver, ctx, stocktakes, settings.ratePerSecond, settings.durationMs);
    const final = await sequencesByChannel(ctx, stocktakes);
    const result = await clients.waitFor(final);
    await waitRelayDrained(ctx.db.pool);
    const used = cpu.end();
    const mem = memoryWindow.end();
    const latency = await clients.collect();
    const delivered = result.received - live.received;
    return {
      row: {
        label: `pusher-js ${settings.clients} clients ×${stocktakes.length} ch.`,
        throughput: { value: (delivered / used.wallMs) * 1000, unit: 'deliv/s' },
        latency: latency.summary(),
        cpuPerOp: { ms: used.cpuMs / Math.max(1, delivered), op: 'delivery' },
        memory: mem,
      },
      p99: latency.percentile(99),
      problems: faults(result, true),
      details: {
        clients: settings.clients,
        processes: settings.processes,
        events: eventsBetween(barrier, final),
        delivered,
        check: result,
        mutations: { ...driven, latency: undefined, latencySummary: latencyOf(driven) },
        cpu: { ...used, perDeliveryMs: round(used.cpuMs / Math.max(1, delivered), 4) },
        memory: mem,
      },
    };
  } finally {
    await clients.close();
    await Promise.all([clients.stop(), driver.stop()]);
  }
}

export function b4Result(
  ctx: MainContext,
  spread: Awaited<ReturnType<typeof b4Spread>>,
  one: OneChannelResult,
): ScenarioResult {
  return {
    id: 'B4',
    title: `pusher-js on the built-in endpoint: B2's load (${ctx.profile.b4.clients} clients, ${ctx.spread.length} channels) and B3's (${ctx.profile.b3.subscribers} on one channel)`,
    rows: [spread.row, one.pusher.row],
    targets: [
      target('ten channels: commit→receipt p99', spread.p99, '<=', 50, 'ms'),
      target(
        'ten channels: events lost or out of order',
        spread.problems,
        '==',
        0,
        '',
        'repeats are allowed (at least once)',
      ),
      target('one channel: commit→receipt p99', one.pusher.p99, '<=', 50, 'ms'),
      target(
        'one channel: events lost or out of order',
        one.pusher.problems,
        '==',
        0,
        '',
        'repeats are allowed (at least once)',
      ),
    ],
    details: { tenChannels: spread.details, oneChannel: { ...one.details, check: one.pusher.check } },
  };
}

// ---- B8 -------------------------------------------------------------------------

export async function b8(ctx: MainContext): Promise<ScenarioResult> {
  const settings = ctx.profile.b8;
  const stocktake = ctx.single.connect;
  const subscribers = await GraphqlSubscribers.start(settings.processes);
  try {
    const subscriptions = await spreadSubscriptions(ctx, [stocktake], settings.subscribers);
    ctx.log(`B8: connecting ${settings.subscribers} graphql-ws subscribers`);
    const memoryWindow = new MemoryWindow(ctx.server.pid);
    const cpu = new CpuWindow(ctx.server.pid);
    const connected = await subscribers.connect(ctx.server.wsUrl, ctx.token, subscriptions);
    checkConnected('B8 subscribers', settings.subscribers, connected.acked, connected.timedOut, connected.firstError);
    const barrierAt = performance.timeOrigin + performance.now();
    await countOnEach(ctx, [stocktake]);
    const live = await subscribers.waitFor(await sequencesById(ctx, [stocktake]));
    const used = cpu.end();
    const mem = memoryWindow.end();
    const latency = await subscribers.collect();
    const connectMs = connected.lastSubscribeSentAt - connected.firstOpenAt;
    const barrierMs = live.lastReachedAt - barrierAt;
    const untilLiveMs = live.lastReachedAt - connected.firstOpenAt;
    const ackMs = connected.lastAckAt - connected.firstOpenAt;
    return {
      id: 'B8',
      title: `connecting ${settings.subscribers} graphql-ws subscribers, proved live by a barrier event`,
      rows: [
        {
          label: `connect+subscribe ${settings.subscribers} subs`,
          throughput: { value: (settings.subscribers / connectMs) * 1000, unit: 'subs/s' },
          cpuPerOp: { ms: used.cpuMs / settings.subscribers, op: 'subscriber' },
          memory: mem,
        },
        {
          label: `barrier event to the ${settings.subscribers}`,
          throughput: { value: (settings.subscribers / barrierMs) * 1000, unit: 'deliv/s' },
          latency: latency.summary(),
        },
      ],
      targets: [
        target(
          'first socket → all subscriptions live (proved by the barrier)',
          untilLiveMs,
          '<=',
          500,
          'ms',
          `an upper bound: connect+subscribe ${round(connectMs, 1)} ms (all acknowledged at ${round(ackMs, 1)} ms), then the barrier reached all ${round(barrierMs, 1)} ms after its commit was sent`,
        ),
        target('subscribers without the barrier event', live.incomplete, '==', 0, ''),
      ],
      details: {
        subscribers: settings.subscribers,
        processes: settings.processes,
        connectAndSubscribeMs: round(connectMs, 1),
        allAcknowledgedMs: round(ackMs, 1),
        barrierDeliveryMs: round(barrierMs, 1),
        firstSocketToAllLiveMs: round(untilLiveMs, 1),
        barrierLatency: latency.summary(),
        check: live,
        cpu: used,
        memory: mem,
      },
    };
  } finally {
    await subscribers.close();
    await subscribers.stop();
  }
}

/**
 * B1: `updateStocktakeLine` over HTTP against the raw-SQL baseline (as the
 * issue describes it, statements unnamed; and the same with prepared
 * statements, as the app's hot path uses) and the stack's floor (Apollo
 * Server on Express answering from memory), with the same load generator
 * (closed loop, keep-alive clients, random lines of the ten spread
 * stocktakes), in interleaved rounds: app, baseline, prepared baseline,
 * floor, app… Server CPU per mutation from /proc; the app's window runs until
 * the relay has delivered the round's events (the relay is part of its
 * cost), so no round leaves work for the next.
 */
import path from 'node:path';
import { Histogram, type HistogramData } from '../lib/histogram';
import { CpuWindow, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { waitRelayDrained } from '../lib/seed';
import { MemoryWindow, target, type MainContext, type ScenarioResult } from './types';
import type { RoundResult } from '../load/http-load';

type SideName = 'app' | 'raw' | 'prepared' | 'floor';

const SIDE_TITLES: Record<SideName, string> = {
  app: 'app',
  raw: 'raw-SQL baseline',
  prepared: 'raw-SQL baseline, prepared statements',
  floor: 'framework floor',
};

interface Side {
  name: SideName;
  pid: number;
  ok: number;
  errors: number;
  elapsedMs: number;
  cpuMs: number;
  latency: HistogramData[];
  rounds: Array<{ ok: number; perSecond: number; cpuPerOpMs: number; p50: number }>;
}

export async function b1(ctx: MainContext): Promise<ScenarioResult> {
  const { profile, server, db, token } = ctx;
  const settings = profile.b1;
  const lineIds = ctx.spread.flatMap((s) => s.lineIds);
  const baseline = await Worker.start('raw-sql-baseline', path.join(__dirname, '../baseline/raw-sql-server.ts'));
  const preparedBaseline = await Worker.start(
    'raw-sql-baseline-prepared',
    path.join(__dirname, '../baseline/raw-sql-server.ts'),
  );
  const floorServer = await Worker.start(
    'framework-floor',
    path.join(__dirname, '../baseline/framework-floor-server.ts'),
  );
  const load = await Worker.start('http-load', path.join(__dirname, '../load/http-load.ts'));
  try {
    const raw = await baseline.call<{ port: number; pid: number }>('start', { databaseUrl: db.url }, 30_000);
    const rawPrepared = await preparedBaseline.call<{ port: number; pid: number }>(
      'start',
      { databaseUrl: db.url, prepared: true },
      30_000,
    );
    const floor = await floorServer.call<{ port: number; pid: number }>('start', {}, 30_000);
    const configure = (name: string, kind: 'graphql' | 'raw', url: string) =>
      load.call('configure', { name, target: { kind, url, token, lineIds, concurrency: settings.clients } }, 5_000);
    await configure('app', 'graphql', server.graphqlUrl);
    await configure('raw', 'raw', `http://127.0.0.1:${raw.port}/`);
    await configure('prepared', 'raw', `http://127.0.0.1:${rawPrepared.port}/`);
    await configure('floor', 'graphql', `http://127.0.0.1:${floor.port}/graphql`);
    const roundTimeout = settings.roundMs + 60_000;

    ctx.log(`B1: warming up each side (${settings.warmupMs} ms each)`);
    for (const name of ['app', 'raw', 'prepared', 'floor'] as const) {
      await load.call('round', { name, durationMs: settings.warmupMs }, roundTimeout);
    }
    await waitRelayDrained(db.pool);

    const side = (name: SideName, pid: number): Side => ({
      name,
      pid,
      ok: 0,
      errors: 0,
      elapsedMs: 0,
      cpuMs: 0,
      latency: [],
      rounds: [],
    });
    const sides: Record<SideName, Side> = {
      app: side('app', server.pid),
      raw: side('raw', raw.pid),
      prepared: side('prepared', rawPrepared.pid),
      floor: side('floor', floor.pid),
    };
    const appMemory = new MemoryWindow(server.pid);
    const rawMemory = new MemoryWindow(raw.pid);
    let firstError: string | undefined;
    for (let r = 0; r < settings.rounds; r++) {
      for (const side of [sides.app, sides.raw, sides.prepared, sides.floor]) {
        ctx.log(`B1: round ${r + 1}/${settings.rounds}, ${SIDE_TITLES[side.name]}`);
        const cpu = new CpuWindow(side.pid);
        const result = await load.call<RoundResult>(
          'round',
          { name: side.name, durationMs: settings.roundMs },
          roundTimeout,
        );
        if (side.name === 'app') await waitRelayDrained(db.pool);
        const used = cpu.end();
        side.ok += result.ok;
        side.errors += result.errors;
        side.elapsedMs += result.elapsedMs;
        side.cpuMs += used.cpuMs;
        side.latency.push(result.latency);
        firstError ??= result.firstError;
        side.rounds.push({
          ok: result.ok,
          perSecond: round((result.ok / result.elapsedMs) * 1000, 1),
          cpuPerOpMs: round(used.cpuMs / Math.max(1, result.ok), 3),
          p50: round(Histogram.merge([result.latency]).percentile(50), 2),
        });
      }
    }
    const appMem = appMemory.end();
    const rawMem = rawMemory.end();

    // The baseline's arithmetic must agree with the app's (deriveLine): recompute stored lines with it.
    const sample = await db.pool.query(
      `select l.id, l.stocktake_id, l.item_id, l.category_code, l.size, l.uom::text, l.opening_qty::text,
              l.purchases::text, l.waste::text, l.valuation_cost::text, '' as sku, '' as name,
              l.counted_full_units::text as full, l.counted_partial_units::text as partial,
              l.counted_qty::text, l.expected_qty::text, l.variance_qty::text,
              l.expected_value::text, l.counted_value::text, l.variance_value::text
       from stocktake_line l where l.id = any($1) order by random() limit 100`,
      [lineIds],
    );
    let mismatches = 0;
    for (const row of sample.rows as Array<Record<string, string>>) {
      const derived = await baseline.call<Record<string, string>>(
        'derive',
        { line: row, full: row.full, partial: row.partial },
        5_000,
      );
      const fields = [
        'counted_qty',
        'expected_qty',
        'variance_qty',
        'expected_value',
        'counted_value',
        'variance_value',
      ];
      if (fields.some((field) => Number(derived[field]) !== Number(row[field]))) mismatches += 1;
    }

    const rate = (side: Side) => (side.ok / side.elapsedMs) * 1000;
    const appRate = rate(sides.app);
    const rawRate = rate(sides.raw);
    const appCpu = sides.app.cpuMs / Math.max(1, sides.app.ok);
    const rawCpu = sides.raw.cpuMs / Math.max(1, sides.raw.ok);
    const appLatency = Histogram.merge(sides.app.latency).summary();
    const rawLatency = Histogram.merge(sides.raw.latency).summary();
    const preparedRate = rate(sides.prepared);
    const preparedCpu = sides.prepared.cpuMs / Math.max(1, sides.prepared.ok);
    const floorRate = rate(sides.floor);
    const floorCpu = sides.floor.cpuMs / Math.max(1, sides.floor.ok);
    return {
      id: 'B1',
      title: `updateStocktakeLine over HTTP, ${settings.clients} clients, vs the raw-SQL baseline`,
      rows: [
        {
          label: 'app updateStocktakeLine',
          throughput: { value: appRate, unit: 'mut/s' },
          latency: appLatency,
          cpuPerOp: { ms: appCpu, op: 'mut' },
          memory: appMem,
        },
        {
          label: 'raw-SQL baseline',
          throughput: { value: rawRate, unit: 'mut/s' },
          latency: rawLatency,
          cpuPerOp: { ms: rawCpu, op: 'mut' },
          memory: rawMem,
        },
        {
          label: 'raw-SQL baseline, prepared statements',
          throughput: { value: preparedRate, unit: 'mut/s' },
          latency: Histogram.merge(sides.prepared.latency).summary(),
          cpuPerOp: { ms: preparedCpu, op: 'mut' },
        },
        {
          label: 'framework floor (no database)',
          throughput: { value: floorRate, unit: 'mut/s' },
          latency: Histogram.merge(sides.floor.latency).summary(),
          cpuPerOp: { ms: floorCpu, op: 'mut' },
        },
      ],
      targets: [
        target(
          'throughput app / baseline',
          appRate / rawRate,
          '>=',
          0.8,
          '×',
          `against the baseline with prepared statements: ${(appRate / preparedRate).toFixed(2)}×; ` +
            `the stack's floor alone: ${(floorRate / rawRate).toFixed(2)}× the baseline, ${floorCpu.toFixed(2)} ms CPU/request`,
        ),
        target('server CPU per mutation', appCpu, '<=', 0.8, 'ms'),
        target('baseline figures agree with deriveLine (sampled lines that differ)', mismatches, '==', 0, 'lines'),
      ],
      details: {
        clients: settings.clients,
        lines: lineIds.length,
        stocktakes: ctx.spread.length,
        roundMs: settings.roundMs,
        rounds: {
          app: sides.app.rounds,
          baseline: sides.raw.rounds,
          preparedBaseline: sides.prepared.rounds,
          floor: sides.floor.rounds,
        },
        errors: {
          app: sides.app.errors,
          baseline: sides.raw.errors,
          preparedBaseline: sides.prepared.errors,
          floor: sides.floor.errors,
          first: firstError,
        },
        cpuMs: {
          app: sides.app.cpuMs,
          baseline: sides.raw.cpuMs,
          preparedBaseline: sides.prepared.cpuMs,
          floor: sides.floor.cpuMs,
        },
        preparedBaseline: { perSecond: preparedRate, cpuPerOpMs: preparedCpu, appRatio: appRate / preparedRate },
        floor: { perSecond: floorRate, cpuPerOpMs: floorCpu, ratioToBaseline: floorRate / rawRate },
        memory: { app: appMem, baseline: rawMem },
        baselineCheck: { sampled: sample.rowCount, mismatches },
      },
    };
  } finally {
    await baseline.call('stop', {}, 10_000).catch(() => undefined);
    await preparedBaseline.call('stop', {}, 10_000).catch(() => undefined);
    await floorServer.call('stop', {}, 10_000).catch(() => undefined);
    await Promise.all([baseline.stop(), preparedBaseline.stop(), floorServer.stop(), load.stop()]);
  }
}

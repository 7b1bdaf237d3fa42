/**
 * B5 and B6: the server publishing to an external Pusher-compatible endpoint
 * (load/pusher-endpoint.ts, in its own process) configured through
 * PUSHER_APP_ID/KEY/SECRET, PUSHER_HOST, PUSHER_PORT and PUSHER_USE_TLS=false.
 *
 * B5 measures events accepted per second at the endpoint, first to last,
 * with every publish answered after 50 ms, twice:
 *  - live (as specified): counts committed over 100 channels as fast as the
 *    driver can while the relay delivers them; this is bounded by the commit
 *    rate, reported alongside;
 *  - backlog: the same number of counts committed while the endpoint refuses
 *    (403, the relay pauses), then the server is restarted and its relay
 *    drains the backlog: the relay's own throughput.
 * B6 measures mutation latency with the endpoint answering after 200 ms and
 * after 0 ms, switched at runtime, in interleaved rounds.
 */
import path from 'node:path';
import { Histogram } from '../lib/histogram';
import { CpuWindow, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { HOTEL, populatedStocktakes, relayBacklog, seedHotel, waitRelayDrained } from '../lib/seed';
import { startServer, type RunningServer } from '../lib/server';
import type { RoundResult } from '../load/http-load';
import { MemoryWindow, target, type ScenarioResult, type Suite } from './types';

const CREDENTIALS = { appId: 'bench-app', key: 'bench-key', secret: 'bench-pusher-secret-0123456789abcdef' };

interface EndpointStats {
  delayMs: number;
  events: number;
  requests: number;
  maxBatch: number;
  channels: number;
  orderViolations: number;
  repeats: number;
  gaps: number;
  firstAt: number;
  lastAt: number;
  reached?: boolean;
}

class Endpoint {
  constructor(
    readonly worker: Worker,
    readonly port: number,
  ) {}

  private async request<T>(method: 'GET' | 'POST', route: string, timeoutMs = 10_000): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}/bench/${route}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`endpoint ${route}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  delay(ms: number) {
    return this.request('POST', `delay?ms=${ms}`);
  }
  refuse(on: boolean) {
    return this.request('POST', `refuse?on=${on ? 1 : 0}`);
  }
  reset() {
    return this.request('POST', 'reset');
  }
  stats() {
    return this.request<EndpointStats>('GET', 'stats');
  }
  /** Answers once `events` were accepted since the last reset (or after `timeoutMs`). */
  async waitFor(events: number, timeoutMs: number): Promise<EndpointStats> {
    const stats = await this.request<EndpointStats>(
      'GET',
      `wait?events=${events}&timeoutMs=${timeoutMs}`,
      timeoutMs + 10_000,
    );
    if (!stats.reached) throw new Error(`the endpoint accepted ${stats.events} of ${events} events in ${timeoutMs} ms`);
    return stats;
  }
}

function rate(events: number, fromMs: number, toMs: number): number {
  return toMs > fromMs ? (events / (toMs - fromMs)) * 1000 : NaN;
}

export async function relayScenarios(suite: Suite, want: { b5: boolean; b6: boolean }): Promise<ScenarioResult[]> {
  const { profile } = suite;
  const endpointWorker = await Worker.start('pusher-endpoint', path.join(__dirname, '../load/pusher-endpoint.ts'));
  const db = await suite.postgres.freshDatabase();
  let server: RunningServer | undefined;
  const load = await Worker.start('http-load', path.join(__dirname, '../load/http-load.ts'));
  try {
    const { port } = await endpointWorker.call<{ port: number }>('start', CREDENTIALS, 30_000);
    const endpoint = new Endpoint(endpointWorker, port);
    const env = {
      PUSHER_APP_ID: CREDENTIALS.appId,
      PUSHER_KEY: CREDENTIALS.key,
      PUSHER_SECRET: CREDENTIALS.secret,
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: 'false',
    };
    const start = () =>
      startServer({ name: 'server (external Pusher)', databaseUrl: db.url, jwtSecret: suite.jwtSecret, env });
    server = await start();
    suite.log(`B5/B6: seeding ${profile.b5.stocktakes} populated stocktakes`);
    await seedHotel(db.pool, HOTEL, 40);
    const stocktakes = await populatedStocktakes(server.graphqlUrl, suite.token, db.pool, HOTEL, profile.b5.stocktakes);
    const lineIds = stocktakes.flatMap((s) => s.lineIds);
    await waitRelayDrained(db.pool);
    const configure = async (name: string, concurrency: number) =>
      load.call(
        'configure',
        { name, target: { kind: 'graphql', url: server!.graphqlUrl, token: suite.token, lineIds, concurrency } },
        5_000,
      );

    const results: ScenarioResult[] = [];
    if (want.b5) {
      const settings = profile.b5;
      const events = settings.events;
      const roundTimeout = 600_000;

      // Live: commit as fast as the driver can while the relay delivers.
      suite.log(
        `B5: ${events} counts over ${stocktakes.length} channels, endpoint answering after ${settings.delayMs} ms`,
      );
      await configure('relay', settings.clients);
      await endpoint.delay(settings.delayMs);
      await endpoint.reset();
      let memoryWindow = new MemoryWindow(server.pid);
      let cpu = new CpuWindow(server.pid);
      const committed = await load.call<RoundResult>('round', { name: 'relay', requests: events }, roundTimeout);
      const atDriverEnd = await endpoint.stats();
      const live = await endpoint.waitFor(committed.ok, 300_000);
      const liveCpu = cpu.end();
      const liveMemory = memoryWindow.end();
      const liveRate = rate(live.events, live.firstAt, live.lastAt);
      const commitRate = (committed.ok / committed.elapsedMs) * 1000;
      const tailRate = rate(live.events - atDriverEnd.events, committed.endedAt, live.lastAt);

      // Backlog: commit while the endpoint refuses, then a fresh server drains it.
      suite.log(`B5: the same with a backlog (endpoint refusing while ${events} counts are committed)`);
      await endpoint.refuse(true);
      const queued = await load.call<RoundResult>('round', { name: 'relay', requests: events }, roundTimeout);
      await server.stop();
      server = undefined;
      const backlog = await relayBacklog(db.pool);
      await endpoint.refuse(false);
      await endpoint.delay(settings.delayMs);
      await endpoint.reset();
      server = await start();
      memoryWindow = new MemoryWindow(server.pid);
      cpu = new CpuWindow(server.pid);
      const atReady = await endpoint.stats();
      const drained = await endpoint.waitFor(backlog, 300_000);
      const drainCpu = cpu.end();
      const drainMemory = memoryWindow.end();
      const drainRate = rate(drained.events, drained.firstAt, drained.lastAt);
      const orderViolations = live.orderViolations + drained.orderViolations;
      const gaps = live.gaps + drained.gaps;
      results.push({
        id: 'B5',
        title: `relay throughput to an external endpoint answering after ${settings.delayMs} ms, ${stocktakes.length} channels`,
        rows: [
          {
            label: `relay, live (commits ${Math.round(commitRate)}/s)`,
            throughput: { value: liveRate, unit: 'ev/s' },
            latency: Histogram.merge([committed.latency]).summary(),
            cpuPerOp: { ms: liveCpu.cpuMs / Math.max(1, live.events), op: 'event' },
            memory: liveMemory,
          },
          {
            label: `relay, draining a backlog of ${backlog}`,
            throughput: { value: drainRate, unit: 'ev/s' },
            cpuPerOp: {
              ms: drainCpu.cpuMs / Math.max(1, drained.events - atReady.events),
              op: 'event',
            },
            memory: drainMemory,
          },
        ],
        targets: [
          target(
            'events accepted per second, live (first to last)',
            liveRate,
            '>=',
            1000,
            'ev/s',
            `bounded by the commit rate: ${Math.round(commitRate)} counts/s committed by ${settings.clients} clients`,
          ),
          target('events accepted per second, draining a backlog (first to last)', drainRate, '>=', 1000, 'ev/s'),
          target('events out of order on a channel (sequence went back)', orderViolations, '==', 0, ''),
          target('sequences skipped on a channel', gaps, '==', 0, ''),
        ],
        details: {
          delayMs: settings.delayMs,
          relayConcurrency: 'default (RELAY_CONCURRENCY=8)',
          live: {
            committed: committed.ok,
            commitErrors: committed.errors,
            firstCommitError: committed.firstError,
            commitRate: round(commitRate, 1),
            acceptedRate: round(liveRate, 1),
            acceptedAfterTheLastCommit: live.events - atDriverEnd.events,
            rateAfterTheLastCommit: round(tailRate, 1),
            endpoint: { ...live, perChannel: undefined },
            cpu: liveCpu,
            mutationLatency: Histogram.merge([committed.latency]).summary(),
          },
          backlog: {
            committed: queued.ok,
            commitErrors: queued.errors,
            pendingAtRestart: backlog,
            acceptedBeforeTheCpuWindow: atReady.events,
            acceptedRate: round(drainRate, 1),
            endpoint: { ...drained, perChannel: undefined },
            cpu: drainCpu,
          },
        },
      });
    }

    if (want.b6) {
      const settings = profile.b6;
      await configure('b6', settings.clients);
      await endpoint.refuse(false);
      const newSide = (delayMs: number) => ({
        delayMs,
        latency: [] as Histogram[],
        ok: 0,
        elapsedMs: 0,
        cpuMs: 0,
        p50s: [] as number[],
        /** Events the endpoint accepted while the round's mutations ran (the rest went after it). */
        relayedDuringRounds: 0,
      });
      const sides = { slow: newSide(settings.slowMs), fast: newSide(0) };
      const memoryWindow = new MemoryWindow(server.pid);
      let errors = 0;
      for (let r = 0; r < settings.rounds; r++) {
        for (const side of [sides.slow, sides.fast]) {
          suite.log(`B6: round ${r + 1}/${settings.rounds}, Pusher answering after ${side.delayMs} ms`);
          await endpoint.delay(side.delayMs);
          const acceptedBefore = (await endpoint.stats()).events;
          const cpu = new CpuWindow(server.pid);
          const result = await load.call<RoundResult>(
            'round',
            { name: 'b6', durationMs: settings.roundMs },
            settings.roundMs + 60_000,
          );
          side.relayedDuringRounds += (await endpoint.stats()).events - acceptedBefore;
          // Let the backlog go at full speed outside the measured window, so the next round starts clean.
          await endpoint.delay(0);
          await waitRelayDrained(db.pool, 120_000);
          const used = cpu.end();
          const latency = Histogram.merge([result.latency]);
          side.latency.push(latency);
          side.ok += result.ok;
          side.elapsedMs += result.elapsedMs;
          side.cpuMs += used.cpuMs;
          side.p50s.push(round(latency.percentile(50), 2));
          errors += result.errors;
        }
      }
      const mem = memoryWindow.end();
      const slow = Histogram.merge(sides.slow.latency.map((h) => h.toJSON()));
      const fast = Histogram.merge(sides.fast.latency.map((h) => h.toJSON()));
      const row = (side: typeof sides.slow, latency: Histogram) => ({
        label: `mutations, Pusher answering after ${side.delayMs} ms`,
        throughput: { value: (side.ok / side.elapsedMs) * 1000, unit: 'mut/s' },
        latency: latency.summary(),
        cpuPerOp: { ms: side.cpuMs / Math.max(1, side.ok), op: 'mut' },
        memory: mem,
      });
      results.push({
        id: 'B6',
        title: `a slow Pusher (${settings.slowMs} ms) vs a fast one (0 ms): mutation latency, ${settings.clients} clients`,
        rows: [row(sides.slow, slow), row(sides.fast, fast)],
        targets: [
          target(
            `mutation p50, ${settings.slowMs} ms / 0 ms`,
            slow.percentile(50) / fast.percentile(50),
            '<=',
            1.05,
            '×',
          ),
        ],
        details: {
          clients: settings.clients,
          roundMs: settings.roundMs,
          p50PerRound: { slow: sides.slow.p50s, fast: sides.fast.p50s },
          // With a slow Pusher the relay does less of its work while the mutations run (the rest is drained
          // after each round, inside the CPU window but outside the latency one).
          relayedDuringRounds: {
            slow: `${sides.slow.relayedDuringRounds} of ${sides.slow.ok}`,
            fast: `${sides.fast.relayedDuringRounds} of ${sides.fast.ok}`,
          },
          p99Ratio: round(slow.percentile(99) / fast.percentile(99), 3),
          errors,
          memory: mem,
        },
      });
    }
    return results;
  } finally {
    await server?.stop();
    await endpointWorker.call('stop', {}, 10_000).catch(() => undefined);
    await Promise.all([endpointWorker.stop(), load.stop()]);
    await db.drop().catch(() => undefined);
  }
}

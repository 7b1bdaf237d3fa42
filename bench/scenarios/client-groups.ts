/**
 * Realtime clients spread over one or more generator processes, driven as
 * one group: graphql-ws subscribers (load/graphql-subscribers.ts) and
 * pusher-js clients (load/pusher-clients.ts). Answers from the processes are
 * combined: times as the earliest start and the latest finish, counts summed.
 */
import path from 'node:path';
import { graphql, randomCounts, UPDATE_LINE } from '../lib/api';
import { Histogram, type HistogramData } from '../lib/histogram';
import { startWorkers, stopWorkers, type Worker } from '../lib/rpc';
import { lastSequences, type SeededStocktake } from '../lib/seed';
import type { ServerContext } from './types';

export interface Totals {
  received: number;
  repeats: number;
  gaps: number;
  failed: number;
  firstError?: string;
}

export interface WaitResult extends Totals {
  complete: number;
  incomplete: number;
  timedOut: boolean;
  lastReachedAt: number;
  missing: number;
}

function split<T>(items: T[], parts: number): T[][] {
  const chunks: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => chunks[i % parts]!.push(item));
  return chunks;
}

function combineWaits(results: WaitResult[]): WaitResult {
  return {
    complete: results.reduce((n, r) => n + r.complete, 0),
    incomplete: results.reduce((n, r) => n + r.incomplete, 0),
    timedOut: results.some((r) => r.timedOut),
    lastReachedAt: Math.max(...results.map((r) => r.lastReachedAt)),
    missing: results.reduce((n, r) => n + r.missing, 0),
    received: results.reduce((n, r) => n + r.received, 0),
    repeats: results.reduce((n, r) => n + r.repeats, 0),
    gaps: results.reduce((n, r) => n + r.gaps, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    firstError: results.find((r) => r.firstError)?.firstError,
  };
}

abstract class Group {
  protected constructor(protected readonly workers: Worker[]) {}

  async collect(): Promise<Histogram> {
    return Histogram.merge(await Promise.all(this.workers.map((w) => w.call<HistogramData>('collect', {}, 30_000))));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('close', {}, 30_000).catch(() => undefined)));
  }

  stop(): Promise<void> {
    return stopWorkers(this.workers);
  }
}

export interface GraphqlConnectResult {
  firstOpenAt: number;
  lastAckAt: number;
  lastSubscribeSentAt: number;
  acked: number;
  timedOut: boolean;
  failed: number;
  firstError?: string;
}

export class GraphqlSubscribers extends Group {
  static async start(processes: number): Promise<GraphqlSubscribers> {
    return new GraphqlSubscribers(
      await startWorkers('graphql-subscribers', path.join(__dirname, '../load/graphql-subscribers.ts'), processes),
    );
  }

  /**
   * Opens one socket per subscription (or one per `perSocket` subscriptions), all at once, and subscribes each
   * after the given sequence (all at once, or at `subscribeRatePerSecond`).
   */
  async connect(
    url: string,
    token: string,
    subscriptions: Array<{ stocktakeId: number; afterSequence: number }>,
    timeoutMs = 60_000,
    pacing: { perSocket?: number; subscribeRatePerSecond?: number } = {},
  ): Promise<GraphqlConnectResult> {
    const parts = split(subscriptions, this.workers.length);
    const results = await Promise.all(
      this.workers.map((w, i) =>
        w.call<GraphqlConnectResult>(
          'connect',
          {
            url,
            token,
            subscriptions: parts[i],
            timeoutMs,
            perSocket: pacing.perSocket,
            subscribeRatePerSecond:
              pacing.subscribeRatePerSecond && pacing.subscribeRatePerSecond / this.workers.length,
          },
          timeoutMs + 10_000,
        ),
      ),
    );
    return {
      firstOpenAt: Math.min(...results.map((r) => r.firstOpenAt)),
      lastAckAt: Math.max(...results.map((r) => r.lastAckAt)),
      lastSubscribeSentAt: Math.max(...results.map((r) => r.lastSubscribeSentAt)),
      acked: results.reduce((n, r) => n + r.acked, 0),
      timedOut: results.some((r) => r.timedOut),
      failed: results.reduce((n, r) => n + r.failed, 0),
      firstError: results.find((r) => r.firstError)?.firstError,
    };
  }

  /** Until every subscriber has its stocktake's final sequence. */
  async waitFor(finalByStocktake: Record<string, number>, timeoutMs = 30_000): Promise<WaitResult> {
    return combineWaits(
      await Promise.all(
        this.workers.map((w) => w.call<WaitResult>('waitFor', { finalByStocktake, timeoutMs }, timeoutMs + 10_000)),
      ),
    );
  }
}

export interface PusherConnectResult {
  firstOpenAt: number;
  lastSubscribedAt: number;
  subscribed: number;
  timedOut: boolean;
  failed: number;
  firstError?: string;
}

export class PusherClients extends Group {
  static async start(processes: number): Promise<PusherClients> {
    return new PusherClients(
      await startWorkers('pusher-clients', path.join(__dirname, '../load/pusher-clients.ts'), processes),
    );
  }

  async connect(
    settings: { key: string; host: string; port: number },
    channels: string[],
    timeoutMs = 60_000,
  ): Promise<PusherConnectResult> {
    const parts = split(channels, this.workers.length);
    const results = await Promise.all(
      this.workers.map((w, i) =>
        w.call<PusherConnectResult>('connect', { ...settings, channels: parts[i], timeoutMs }, timeoutMs + 10_000),
      ),
    );
    return {
      firstOpenAt: Math.min(...results.map((r) => r.firstOpenAt)),
      lastSubscribedAt: Math.max(...results.map((r) => r.lastSubscribedAt)),
      subscribed: results.reduce((n, r) => n + r.subscribed, 0),
      timedOut: results.some((r) => r.timedOut),
      failed: results.reduce((n, r) => n + r.failed, 0),
      firstError: results.find((r) => r.firstError)?.firstError,
    };
  }

  async arm(afterByChannel: Record<string, number>): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('arm', { afterByChannel }, 10_000)));
  }

  async waitFor(finalByChannel: Record<string, number>, timeoutMs = 30_000): Promise<WaitResult> {
    return combineWaits(
      await Promise.all(
        this.workers.map((w) => w.call<WaitResult>('waitFor', { finalByChannel, timeoutMs }, timeoutMs + 10_000)),
      ),
    );
  }
}

/** Each stocktake's channel → its last sequence, keyed by stocktake id. */
export async function sequencesById(
  ctx: ServerContext,
  stocktakes: SeededStocktake[],
): Promise<Record<string, number>> {
  const byChannel = await lastSequences(
    ctx.db.pool,
    stocktakes.map((s) => s.channel),
  );
  return Object.fromEntries(stocktakes.map((s) => [String(s.id), byChannel[s.channel]!]));
}

export async function sequencesByChannel(
  ctx: ServerContext,
  stocktakes: SeededStocktake[],
): Promise<Record<string, number>> {
  return lastSequences(
    ctx.db.pool,
    stocktakes.map((s) => s.channel),
  );
}

/** One count on a random line of each stocktake (the orchestrator's own requests): a barrier event per channel. */
export async function countOnEach(ctx: ServerContext, stocktakes: SeededStocktake[]): Promise<void> {
  await Promise.all(
    stocktakes.map((s) =>
      graphql(ctx.server.graphqlUrl, ctx.token, UPDATE_LINE, {
        id: String(s.lineIds[Math.floor(Math.random() * s.lineIds.length)]),
        input: randomCounts(),
      }),
    ),
  );
}

/** Nothing lost, repeated, skipped or failed, and everyone complete. */
export function faults(result: WaitResult, allowRepeats = false): number {
  return result.missing + result.gaps + result.failed + result.incomplete + (allowRepeats ? 0 : result.repeats);
}

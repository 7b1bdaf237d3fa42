/**
 * Count updates at a fixed rate (B2, B3, B4): open loop, one mutation every
 * 1000/rate ms whatever the previous ones are doing, round robin over the
 * stocktakes given (a random line of each). Records each mutation's latency
 * and how many were committed per stocktake.
 */
import http from 'node:http';
import { UPDATE_LINE, randomCounts } from '../lib/api';
import { Histogram, type HistogramData } from '../lib/histogram';
import { serve } from '../lib/rpc';

interface DriveParams {
  url: string;
  token: string;
  stocktakes: Array<{ id: number; lineIds: number[] }>;
  ratePerSecond: number;
  durationMs: number;
}

export interface DriveResult {
  sent: number;
  ok: number;
  errors: number;
  firstError?: string;
  /** Committed mutations per stocktake id. */
  committed: Record<string, number>;
  latency: HistogramData;
  /** How far behind schedule the latest send was (the driver's own lag). */
  maxLagMs: number;
  startedAt: number;
  endedAt: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function mutate(url: URL, token: string, lineId: number): Promise<void> {
  const body = JSON.stringify({ query: UPDATE_LINE, variables: { id: String(lineId), input: randomCounts() } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 200 && !text.includes('"errors"')
            ? resolve()
            : reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`)),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}

serve({
  async drive(params: DriveParams): Promise<DriveResult> {
    const url = new URL(params.url);
    const latency = new Histogram();
    const committed: Record<string, number> = {};
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let ok = 0;
    let errors = 0;
    let maxLagMs = 0;
    let firstError: string | undefined;
    const interval = 1000 / params.ratePerSecond;
    const total = Math.round((params.durationMs / 1000) * params.ratePerSecond);
    const startedAt = Date.now();
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      maxLagMs = Math.max(maxLagMs, performance.now() - due);
      const stocktake = params.stocktakes[i % params.stocktakes.length]!;
      const lineId = stocktake.lineIds[Math.floor(Math.random() * stocktake.lineIds.length)]!;
      const sentAt = performance.now();
      sent += 1;
      const request = mutate(url, params.token, lineId).then(
        () => {
          ok += 1;
          committed[stocktake.id] = (committed[stocktake.id] ?? 0) + 1;
          latency.record(performance.now() - sentAt);
        },
        (error: unknown) => {
          errors += 1;
          firstError ??= String(error);
        },
      );
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    await Promise.all(inFlight);
    return {
      sent,
      ok,
      errors,
      firstError,
      committed,
      latency: latency.toJSON(),
      maxLagMs,
      startedAt,
      endedAt: Date.now(),
    };
  },
});

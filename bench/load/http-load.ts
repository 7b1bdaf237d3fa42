/**
 * Closed-loop count updates over HTTP keep-alive (B1, B5, B6). `configure`
 * names the target: the app (`updateStocktakeLine` at POST /graphql with a
 * bearer token) or the raw-SQL baseline (POST / with the same counts). Each
 * `round` runs `concurrency` clients, each in a loop: pick a random line,
 * send, await the answer, record the latency; until `durationMs` has passed
 * or `requests` answers have arrived.
 */
import http from 'node:http';
import { UPDATE_LINE, randomCounts } from '../lib/api';
import { Histogram, type HistogramData } from '../lib/histogram';
import { serve } from '../lib/rpc';

interface Target {
  kind: 'graphql' | 'raw';
  url: string;
  token?: string;
  lineIds: number[];
  concurrency: number;
}

export interface RoundResult {
  ok: number;
  errors: number;
  firstError?: string;
  latency: HistogramData;
  startedAt: number;
  endedAt: number;
  elapsedMs: number;
}

const targets = new Map<string, { target: Target; agent: http.Agent }>();

function post(url: URL, agent: http.Agent, headers: Record<string, string>, body: string): Promise<[number, string]> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: 30_000,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve([response.statusCode ?? 0, text]));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}

async function send(target: Target, agent: http.Agent, url: URL): Promise<string | null> {
  const lineId = target.lineIds[Math.floor(Math.random() * target.lineIds.length)]!;
  const counts = randomCounts();
  if (target.kind === 'raw') {
    const [status, text] = await post(url, agent, {}, JSON.stringify({ lineId, ...counts }));
    return status === 200 ? null : `HTTP ${status}: ${text.slice(0, 200)}`;
  }
  const body = JSON.stringify({ query: UPDATE_LINE, variables: { id: String(lineId), input: counts } });
  const [status, text] = await post(url, agent, { authorization: `Bearer ${target.token}` }, body);
  if (status !== 200 || text.includes('"errors"')) return `HTTP ${status}: ${text.slice(0, 200)}`;
  return null;
}

serve({
  configure(params: { name: string; target: Target }) {
    targets.get(params.name)?.agent.destroy();
    const agent = new http.Agent({ keepAlive: true, maxSockets: params.target.concurrency });
    targets.set(params.name, { target: params.target, agent });
  },
  async round(params: { name: string; durationMs?: number; requests?: number }): Promise<RoundResult> {
    const configured = targets.get(params.name);
    if (!configured) throw new Error(`no target named ${params.name}`);
    const { target, agent } = configured;
    const url = new URL(target.url);
    const latency = new Histogram();
    let ok = 0;
    let errors = 0;
    let started = 0;
    let firstError: string | undefined;
    const startedAt = Date.now();
    const t0 = performance.now();
    const deadline = params.durationMs === undefined ? Infinity : t0 + params.durationMs;
    const limit = params.requests ?? Infinity;
    const client = async () => {
      while (performance.now() < deadline && started < limit) {
        started += 1;
        const sent = performance.now();
        let error: string | null;
        try {
          error = await send(target, agent, url);
        } catch (e) {
          error = String(e);
        }
        if (error === null) {
          ok += 1;
          latency.record(performance.now() - sent);
        } else {
          errors += 1;
          firstError ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: target.concurrency }, client));
    return {
      ok,
      errors,
      firstError,
      latency: latency.toJSON(),
      startedAt,
      endedAt: Date.now(),
      elapsedMs: performance.now() - t0,
    };
  },
});

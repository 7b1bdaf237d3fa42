/**
 * B7's bystander: a small query (`{ hotels { id } }`, with a token) every
 * 10 ms on a fixed schedule (open loop, so a stalled server shows up as long
 * waits rather than as fewer samples), recording when each was sent and how
 * long its answer took.
 */
import http from 'node:http';
import { serve } from '../lib/rpc';

const BODY = JSON.stringify({ query: '{ hotels { id } }' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** [sent at (epoch ms), latency (ms), ok (1/0)] */
type Sample = [number, number, number];

let running = false;
let samples: Sample[] = [];
let loop: Promise<void> | undefined;

function query(url: URL, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(BODY),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(response.statusCode === 200 && text.includes('"hotels"')));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
    request.end(BODY);
  });
}

serve({
  start(params: { url: string; token: string; intervalMs: number }) {
    if (running) throw new Error('already probing');
    running = true;
    samples = [];
    const url = new URL(params.url);
    const inFlight = new Set<Promise<void>>();
    loop = (async () => {
      const t0 = performance.now();
      for (let i = 0; running; i++) {
        const wait = t0 + i * params.intervalMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sentAt = performance.timeOrigin + performance.now();
        const started = performance.now();
        const request = query(url, params.token).then((ok) => {
          samples.push([sentAt, performance.now() - started, ok ? 1 : 0]);
        });
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
      }
      await Promise.all(inFlight);
    })();
  },
  async stop(): Promise<Sample[]> {
    running = false;
    await loop;
    return samples;
  },
});

/** A Redis for the scenarios that run several instances (INSTANCES, B10). */
import { createConnection } from 'node:net';
import { exited, spawnGroup, stopGroup } from './processes';
import { freePort } from './server';

export interface BenchRedis {
  url: string;
  /** The redis-server the run started (undefined when REDIS_URL's is used). */
  pid?: number;
  stop(): Promise<void>;
}

/** A Redis of the run's own (redis-server on PATH), else REDIS_URL's, else none (the Redis half is skipped). */
export async function benchRedis(): Promise<BenchRedis | { skipped: string }> {
  const port = await freePort();
  const child = spawnGroup(
    'redis-server',
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  let failed = false;
  child.once('error', () => (failed = true));
  for (let attempt = 0; attempt < 100 && !failed && !exited(child); attempt += 1) {
    if (await answers(port))
      return { url: `redis://127.0.0.1:${port}`, pid: child.pid, stop: () => stopGroup(child, 5_000) };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!failed) await stopGroup(child, 5_000);
  const url = process.env.REDIS_URL;
  if (url) return { url, stop: async () => undefined };
  return { skipped: 'no redis-server on PATH and no REDIS_URL' };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

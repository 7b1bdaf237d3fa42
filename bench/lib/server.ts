/**
 * The real server, as deployed: `node dist/src/main.js` with NODE_ENV=production
 * on its own free port and its own fresh database. Its environment is built
 * from scratch (nothing of the caller's PUSHER_*, GRAPHQL_* … leaks in) and it
 * runs in a temporary folder, so no `.env` file is read.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT, exited, removeTempDir, spawnGroup, stopGroup, tempDir } from './processes';

export interface RunningServer {
  name: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  graphqlUrl: string;
  wsUrl: string;
  child: ChildProcess;
  /** Warnings and errors the server logged (JSON lines on stderr), newest last. */
  logLines: string[];
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

export interface ServerOptions {
  name: string;
  databaseUrl: string;
  jwtSecret: string;
  /** Extra environment (PUSHER_*, BENCH_GC_ON_METRICS …). */
  env?: Record<string, string>;
  /**
   * Keep the per-user budgets at their defaults (docs/operations.md, "Per-token budgets"). Otherwise they are
   * lifted: the bench's one token stands for a whole team of clients (1,000 subscribers, 32 counters), and its
   * load generators reach the built-in Pusher endpoint from one address (1,000 pusher-js clients).
   */
  shippedBudgets?: boolean;
  /** Node flags before the script (--expose-gc …). */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/** Budgets for a token that stands for many users (see `shippedBudgets`). */
const TEAM_BUDGETS = {
  TOKEN_COST_PER_SECOND: '100000000',
  TOKEN_MAX_CONNECTIONS: '100000',
  TOKEN_MAX_SUBSCRIPTIONS: '1000000',
  TOKEN_MAX_PRESENCE_SESSIONS: '100000',
  PUSHER_MAX_CONNECTIONS_PER_ADDRESS: '100000',
};

const READY_LINE = 'Stocktake Live is running';

/**
 * `BENCH_CPU_PROF=<folder>` starts every server with `--cpu-prof` writing there (a `.cpuprofile` per server,
 * written when it stops; open it in Chrome DevTools or VS Code). Profiling slows the server: not for figures.
 */
function profilingFlags(): string[] {
  const folder = process.env.BENCH_CPU_PROF;
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(folder)}`] : [];
}

/**
 * `BENCH_SERVER_ENV="RELAY_CONCURRENCY=4 OTHER=x"` adds settings to every server's environment, for
 * experiments (the JSON records it under `configuration`); a normal run leaves it unset.
 */
export function experimentEnv(): Record<string, string> {
  const spec = process.env.BENCH_SERVER_ENV?.trim();
  if (!spec) return {};
  return Object.fromEntries(
    spec.split(/\s+/).map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`BENCH_SERVER_ENV: "${pair}" is not NAME=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const workDir = tempDir('stocktake-bench-server-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? workDir,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_JWT_SECRET: options.jwtSecret,
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: workDir,
    ...(options.shippedBudgets ? {} : TEAM_BUDGETS),
    ...options.env,
    ...experimentEnv(),
  };
  const child = spawnGroup(
    options.name,
    process.execPath,
    [...(options.nodeFlags ?? []), ...profilingFlags(), path.join(ROOT, 'dist/src/main.js')],
    { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logLines: string[] = [];
  let stdout = '';
  child.stderr!.setEncoding('utf8');
  let partial = '';
  child.stderr!.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') logLines.push(line);
    if (logLines.length > 200) logLines.splice(0, logLines.length - 200);
  });
  child.stdout!.setEncoding('utf8');

  const stop = async () => {
    await stopGroup(child, 15_000);
    removeTempDir(workDir);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 60_000;
      const timer = setTimeout(
        () => reject(new Error(`${options.name} did not start within ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.stdout!.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${signal ?? code}) at start:\n${logLines.slice(-20).join('\n')}`));
      });
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitReady(origin, child);
    return {
      name: options.name,
      pid: child.pid!,
      port,
      origin,
      graphqlUrl: `${origin}/graphql`,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      child,
      logLines,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** GET /readyz until it answers 200 (database reachable, relay running). */
async function waitReady(origin: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline && !exited(child)) {
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) });
      last = await response.text();
      if (response.ok) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server at ${origin} did not become ready: ${last}`);
}

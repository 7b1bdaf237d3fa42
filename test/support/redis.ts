/**
 * Redis for multi-instance tests: the machine's (REDIS_URL, or 127.0.0.1:6379
 * when it answers), else a `redis-server` of the test file's own when the
 * binary exists, else none, and the tests say why they are skipped (fail, in CI: redisGate). Every
 * test run uses a key and channel prefix of its own, so parallel runs on one
 * Redis never see each other. Tests that stop Redis start their own server
 * (ownRedis), never the shared one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { freePort } from './ports';
import { waitUntil } from './waiting';

const SHARED_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Answers PING within a second (checked synchronously, so a test file can decide between describe and describe.skip). */
function answersPing(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `const s=require('net').connect(${Number(port || 6379)},${JSON.stringify(hostname)},()=>s.write('PING\\r\\n'));
s.on('data',(d)=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),1000);`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3_000 }).status === 0;
}

/** Whether `redis-server` can be started here. */
export const hasRedisServer = spawnSync('redis-server', ['--version'], { timeout: 3_000 }).status === 0;

/** The shared Redis when it answers (password-less URLs only). */
const sharedAnswers = !/@/.test(SHARED_URL) && answersPing(SHARED_URL);

/** Why Redis tests cannot run here, or null when they can. */
export const redisUnavailable: string | null =
  sharedAnswers || hasRedisServer
    ? null
    : `no Redis answers at ${SHARED_URL} and redis-server is not installed (apt-get install redis-server)`;

/**
 * Whether tests that need Redis (or `redis-server`, when `why` says it is missing) run here. Outside
 * CI a missing one skips them with a warning; with CI=true the skip would check nothing while CI
 * claims it passed, so a test that fails and says why takes their place (as the browser tests do
 * for Chromium with REQUIRE_CHROMIUM=1; docs/operations.md, "Deploying").
 */
export function redisGate(file: string, what: string, why: string | null = redisUnavailable): boolean {
  if (why === null) return true;
  if (process.env.CI === 'true') {
    test(`Redis is required in CI (CI=true): ${what}`, () => {
      throw new Error(`${file}: ${what} cannot run: ${why}`);
    });
  } else {
    console.warn(`${file}: ${what} skipped: ${why}`);
  }
  return false;
}

/** Why the tests that stop Redis cannot run here (they start redis-server themselves), or null. */
export const redisServerUnavailable: string | null = hasRedisServer
  ? null
  : 'redis-server is not installed (apt-get install redis-server)';

/** A prefix of this test run's own for every key and channel. */
export function uniquePrefix(): string {
  return `test-${process.pid}-${randomUUID().slice(0, 8)}:`;
}

export interface OwnRedis {
  url: string;
  /** Kills the server (as a crash would). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/** A redis-server on a free port, in a process group of its own, without persistence. */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const own: OwnRedis = {
    url,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          detached: true,
          stdio: 'ignore',
        },
      );
      child.unref();
      await waitUntil(() => answersPingAsync(port), `redis-server on port ${port}`, 10_000);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
  await own.start();
  return own;
}

function answersPingAsync(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(String(data).startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

const started: OwnRedis[] = [];

/**
 * The Redis URL multi-instance tests use: the shared one when it answers, else one started
 * for this test file (stopped by stopTestRedis). Call only when redisUnavailable is null.
 */
export async function testRedisUrl(): Promise<string> {
  if (sharedAnswers) return SHARED_URL;
  const own = await ownRedis();
  started.push(own);
  return own.url;
}

/** Stops the servers testRedisUrl started. */
export async function stopTestRedis(): Promise<void> {
  for (const own of started.splice(0)) await own.stop();
}

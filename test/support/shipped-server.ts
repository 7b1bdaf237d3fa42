/**
 * The product as it ships: `node dist/src/cli.js serve` (what `npm start` and
 * the image run), built by global-setup.ts, configured only through its
 * environment, in a process group of its own, in an empty working folder (so
 * no developer's `.env` is read). Tests reach it as its users do: HTTP,
 * WebSocket, its logs and its exit status.
 *
 * By default it gets a fresh database of its own on the test PostgreSQL,
 * a copy of the run's template (template-database.ts: migrated and holding
 * the test fixtures of test/support/fixtures.ts), and
 * AUTH_JWT_SECRET = JWT_SECRET, so `token()` signs tokens it accepts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/domain/viewer';
import { signToken } from '../../src/infrastructure/auth/tokens';
import type { ScratchDatabase } from '../../src/infrastructure/database/scratch-database';
import { HOTEL } from './fixtures';
import { copyOfTemplate } from './template-database';
import { JWT_SECRET, postGraphql, type RawResponse } from './test-app';
import { waitUntil } from './waiting';

export const CLI = path.resolve(__dirname, '../../dist/src/cli.js');

export interface ShippedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  port: number;
  /** The database it runs on (DATABASE_URL), unless started without one. */
  databaseUrl: string | undefined;
  /** Its working folder (also the default DATA_DIR). */
  cwd: string;
  /** What it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Its log lines (JSON on stderr), parsed. */
  logs(): Array<Record<string, unknown>>;
  /** A token for `user` (default: manager of the fixture hotel), signed with JWT_SECRET. */
  token(options?: { user?: string; name?: string; hotels?: Record<string, Role> }): Promise<string>;
  /** A POST to /graphql; `token: null` sends none, the default is a manager's. */
  post(
    body: string | object,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<RawResponse>;
  /** Sends `signal` to its process group and resolves with how it exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops it (if still running), drops its database and removes its folder. */
  close(): Promise<void>;
}

export interface ShippedServerOptions {
  /**
   * A database of the test's own (`{ url }`), none (`null`: DATABASE_URL unset, so the embedded
   * PostgreSQL in DATA_DIR), or by default a fresh migrated one with the fixtures.
   */
  database?: { url: string } | null;
  /** Resolve once this appears on stdout (default: the banner's GraphQL URL, which names the port). */
  ready?: RegExp;
  /** How long start-up may take. */
  timeoutMs?: number;
}

/** A fresh database on the test PostgreSQL, migrated and holding the test fixtures (a copy of the run's template). */
export function createFixtureDatabase(): Promise<ScratchDatabase> {
  return copyOfTemplate('stocktake_shipped');
}

/** Starts `node dist/src/cli.js serve` with exactly `env` (plus PATH, HOME, DATABASE_URL and the defaults below). */
export async function startShippedServer(
  env: Record<string, string>,
  options: ShippedServerOptions = {},
): Promise<ShippedServer> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'stocktake-shipped-'));
  let scratch: ScratchDatabase | undefined;
  let databaseUrl: string | undefined;
  if (options.database === undefined) {
    scratch = await createFixtureDatabase();
    databaseUrl = scratch.url;
  } else if (options.database) {
    databaseUrl = options.database.url;
  }
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      PORT: '0',
      AUTH_JWT_SECRET: JWT_SECRET,
      DATA_DIR: path.join(cwd, 'data'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const cleanUp = async () => {
    await scratch?.drop().catch(() => undefined);
    rmSync(cwd, { recursive: true, force: true });
  };

  const ready = options.ready ?? /http:\/\/localhost:(\d+)\/graphql/;
  try {
    await waitUntil(
      () => {
        if (done) throw new Error(`the server exited during start-up:\n${stdout}\n${stderr}`);
        return ready.test(stdout);
      },
      'the shipped server to start',
      options.timeoutMs ?? 20_000,
    );
  } catch (error) {
    if (!done) process.kill(-child.pid!, 'SIGKILL');
    await exited;
    await cleanUp();
    throw error instanceof Error ? new Error(`${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`) : error;
  }
  const port = Number(/http:\/\/localhost:(\d+)\/graphql/.exec(stdout)?.[1] ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  const managerToken = await signToken(JWT_SECRET, {
    userId: 'manager-1',
    name: 'Mary Manager',
    hotels: { [HOTEL]: 'manager' },
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!done) process.kill(-child.pid!, signal);
    return exited;
  };
  return {
    origin,
    url: `${origin}/graphql`,
    port,
    databaseUrl,
    cwd,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    token: (token = {}) =>
      signToken(JWT_SECRET, {
        userId: token.user ?? 'manager-1',
        name: token.name ?? 'Mary Manager',
        hotels: token.hotels ?? { [HOTEL]: 'manager' },
      }),
    async post(body, postOptions = {}) {
      const token = postOptions.token === undefined ? managerToken : postOptions.token;
      return postGraphql(`${origin}/graphql`, body, token, postOptions.headers);
    },
    stop,
    async close() {
      if (!done) {
        process.kill(-child.pid!, 'SIGTERM');
        const timer = setTimeout(() => !done && process.kill(-child.pid!, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}

let nextDay = 0;

/**
 * Creates a stocktake of the fixture hotel through `server`, each of a day of its own (one stocktake
 * per period and hotel), and returns its id.
 */
export async function createDayStocktake(server: ShippedServer, notes?: string): Promise<string> {
  nextDay += 1;
  const day = new Date(Date.UTC(2024, 0, nextDay)).toISOString().slice(0, 10);
  const response = await server.post({
    query: `mutation($hotel: String!, $day: LocalDate!, $notes: String) {
      createStocktake(hotel: $hotel, input: { periodStart: $day, periodEnd: $day, notes: $notes }) { id }
    }`,
    variables: { hotel: HOTEL, day, notes: notes ?? null },
  });
  const body = response.json as { data?: { createStocktake: { id: string } } } | undefined;
  if (!body?.data) throw new Error(`createStocktake failed: ${response.text}`);
  return body.data.createStocktake.id;
}

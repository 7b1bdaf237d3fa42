/**
 * `npm run bench [-- --quick] [-- --only B1,B7]`: builds the server, starts
 * it as deployed on a fresh database (DATABASE_URL's server, or an embedded
 * PostgreSQL), runs the scenarios with load generators in processes of their
 * own, prints a table and writes bench/results/<ISO timestamp>.json.
 * See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { signToken } from '../src/infrastructure/auth/tokens';
import { startPostgres, type PostgresServer } from './lib/database';
import { parseArgs, type ScenarioId } from './lib/profile';
import {
  closeProcesses,
  exited,
  killAllSync,
  removeReaperFile,
  removeTempDirs,
  ROOT,
  spawnGroup,
  startReaper,
  stopAll,
} from './lib/processes';
import { CLK_TCK } from './lib/proc-stats';
import { environment, table, writePlot, writeResults } from './lib/report';
import { HOTEL, LARGE_HOTEL, populatedStocktakes, seedHotel, waitRelayDrained } from './lib/seed';
import { experimentEnv, startServer, type RunningServer } from './lib/server';
import { b1 } from './scenarios/b1-mutations';
import { b7 } from './scenarios/b7-large-stocktake';
import { b9 } from './scenarios/b9-idle-memory';
import { b2, b3Result, b4Result, b4Spread, b8, oneChannel } from './scenarios/fanout';
import { hostile } from './scenarios/hostile';
import { b10, b10Plot } from './scenarios/b10-scale';
import { instances } from './scenarios/instances';
import { relayScenarios } from './scenarios/relay';
import type { MainContext, ScenarioResult, Suite } from './scenarios/types';

const t0 = performance.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

let postgres: PostgresServer | undefined;
let cleaning: Promise<void> | undefined;

/** Stops every process the suite started, drops its databases and stops the embedded PostgreSQL. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    closeProcesses();
    await stopAll();
    await postgres?.close().catch((error: unknown) => log(`could not clean up PostgreSQL: ${String(error)}`));
    removeTempDirs();
    removeReaperFile();
  })();
  return cleaning;
}

let aborting = false;
let exitCode = 0;

async function abort(reason: string, code: number): Promise<void> {
  if (aborting) return;
  aborting = true;
  exitCode = code;
  log(reason);
  await Promise.race([cleanUp(), new Promise((resolve) => setTimeout(resolve, 20_000))]);
  killAllSync();
  process.exit(code);
}

function failed(id: string, error: unknown, seconds: number): ScenarioResult {
  const message = error instanceof Error ? error.message : String(error);
  return { id, title: id, rows: [], targets: [], details: {}, error: message.split('\n')[0], seconds };
}

async function scenario(
  ids: string[],
  server: RunningServer | undefined,
  run: () => Promise<ScenarioResult | ScenarioResult[]>,
): Promise<ScenarioResult[]> {
  const started = performance.now();
  const logFrom = server?.logLines.length ?? 0;
  try {
    if (server && exited(server.child)) throw new Error(`${server.name} is not running any more`);
    const results = [await run()].flat();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const serverLog = server?.logLines.slice(logFrom) ?? [];
    for (const result of results) {
      // A group (the main server's scenarios) leaves what each of its scenarios recorded alone.
      result.seconds ??= seconds;
      if (serverLog.length > 0) result.details.serverLog ??= { lines: serverLog.length, first: serverLog.slice(0, 5) };
    }
    return results;
  } catch (error) {
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(`${ids.join(', ')} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return ids.map((id) => failed(id, error, seconds));
  }
}

interface BuildOutcome {
  ok: boolean;
  /** tsc's complaints, when it had any. */
  errors?: string[];
}

/**
 * `npm run build`. tsc emits JavaScript even when it reports type errors: if
 * it did (dist/src/main.js is newer than the build's start), the run goes on
 * with a warning, in the table's output and in the JSON, rather than
 * measuring nothing while src/ is being worked on.
 */
async function build(): Promise<BuildOutcome> {
  log('npm run build');
  const startedAt = Date.now();
  const child = spawnGroup('npm run build', 'npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code === 0) return { ok: true };
  const emitted = path.join(ROOT, 'dist/src/main.js');
  if (!existsSync(emitted) || statSync(emitted).mtimeMs < startedAt)
    throw new Error(`npm run build failed:\n${output}`);
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  log(
    `WARNING: npm run build reported ${errors.length} type error(s); measuring the JavaScript it emitted:\n  ${errors.join('\n  ')}`,
  );
  return { ok: false, errors };
}

/** The scenarios of the main server: built-in Pusher endpoint, relay on. */
async function mainServer(suite: Suite, want: (id: ScenarioId) => boolean): Promise<ScenarioResult[]> {
  const db = await suite.postgres.freshDatabase();
  let server: RunningServer | undefined;
  try {
    server = await startServer({ name: 'server', databaseUrl: db.url, jwtSecret: suite.jwtSecret });
    log(`server started (pid ${server.pid}, port ${server.port}); seeding`);
    await seedHotel(db.pool, HOTEL, 40);
    const seeded = await populatedStocktakes(server.graphqlUrl, suite.token, db.pool, HOTEL, 14);
    await waitRelayDrained(db.pool);
    const config = (await (await fetch(`${server.origin}/pusher/config`)).json()) as { key: string };
    const ctx: MainContext = {
      profile: suite.profile,
      server,
      db,
      token: suite.token,
      log,
      spread: seeded.slice(0, 10),
      single: { graphql: seeded[10]!, pusher: seeded[11]!, quiet: seeded[12]!, connect: seeded[13]! },
      pusherKey: config.key,
    };
    const results: ScenarioResult[] = [];
    if (want('B1')) results.push(...(await scenario(['B1'], server, () => b1(ctx))));
    if (want('B2')) results.push(...(await scenario(['B2'], server, () => b2(ctx))));
    if (want('B3') || want('B4')) {
      results.push(
        ...(await scenario((['B3', 'B4'] as const).filter(want), server, async () => {
          const one = await oneChannel(ctx);
          const out: ScenarioResult[] = [];
          if (want('B3')) out.push(b3Result(ctx, one));
          if (want('B4')) {
            const spread = await b4Spread(ctx).catch((error: unknown) => {
              throw new Error(`B4 (ten channels): ${String(error)}`);
            });
            out.push(b4Result(ctx, spread, one));
          }
          return out;
        })),
      );
    }
    if (want('B8')) results.push(...(await scenario(['B8'], server, () => b8(ctx))));
    if (want('B7')) results.push(...(await scenario(['B7'], server, () => b7(ctx))));
    return results;
  } finally {
    await server?.stop();
    await db.drop().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const want = (id: ScenarioId) => options.only.includes(id);
  startReaper();
  process.on('exit', () => {
    killAllSync();
    removeTempDirs();
  });
  // While stopping, the scenario still running fails in all sorts of ways: none of that matters any more.
  process.on('uncaughtException', (error) => void abort(`unexpected: ${error.stack ?? error.message}`, 1));
  process.on('unhandledRejection', (error) => void abort(`unexpected: ${String(error)}`, 1));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void abort(`${signal}: stopping everything`, 130));
  }
  const limitMs = options.profile.quick ? 5 * 60_000 : 25 * 60_000;
  setTimeout(() => void abort(`the run exceeded ${limitMs / 60_000} minutes: stopping everything`, 2), limitMs).unref();

  log(`${options.profile.quick ? 'quick' : 'full'} run of ${options.only.join(', ')}`);
  // Neither is measured: build the server while PostgreSQL starts.
  const [built, started] = await Promise.allSettled([build(), startPostgres()]);
  if (started.status === 'fulfilled') postgres = started.value;
  if (built.status === 'rejected') throw built.reason;
  const buildOutcome = built.value;
  if (started.status === 'rejected') throw started.reason;
  const env = environment();
  if (!postgres) throw new Error('PostgreSQL did not start');
  log(`PostgreSQL ${postgres.version} (${postgres.kind === 'embedded' ? 'embedded' : 'DATABASE_URL'})`);
  const jwtSecret = randomBytes(32).toString('hex');
  const token = await signToken(
    jwtSecret,
    { userId: 'bench-manager', name: 'Bench Manager', hotels: { [HOTEL]: 'manager', [LARGE_HOTEL]: 'manager' } },
    '1d',
  );
  const suite: Suite = { profile: options.profile, postgres, jwtSecret, token, log };

  const results: ScenarioResult[] = [];
  const onMain = (['B1', 'B2', 'B3', 'B4', 'B7', 'B8'] as const).filter(want);
  if (onMain.length > 0) results.push(...(await scenario(onMain, undefined, () => mainServer(suite, want))));
  if (want('B5') || want('B6')) {
    results.push(
      ...(await scenario((['B5', 'B6'] as const).filter(want), undefined, () =>
        relayScenarios(suite, { b5: want('B5'), b6: want('B6') }),
      )),
    );
  }
  if (want('B9')) results.push(...(await scenario(['B9'], undefined, () => b9(suite))));
  if (want('HOSTILE')) results.push(...(await scenario(['HOSTILE'], undefined, () => hostile(suite))));
  if (want('INSTANCES')) results.push(...(await scenario(['INSTANCES'], undefined, () => instances(suite))));
  if (want('B10')) results.push(...(await scenario(['B10'], undefined, () => b10(suite))));
  results.sort((a, b) => a.id.localeCompare(b.id));

  if (aborting) return;
  const finishedAt = new Date();
  process.stdout.write(`\n${table(results)}\n\n`);
  if (!buildOutcome.ok)
    process.stdout.write(
      `WARNING: the build reported type errors; the JavaScript it emitted was measured (see "build").\n\n`,
    );
  const file = writeResults(startedAt, {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
    quick: options.profile.quick,
    ...(options.profile.quick
      ? { quickNote: 'shorter rounds and durations, and 500 instead of 1,000 clients in B2, B3 and B4' }
      : {}),
    only: options.only,
    build: buildOutcome,
    ...env,
    configuration: {
      profile: options.profile,
      database: { kind: postgres.kind, version: postgres.version },
      server: {
        command: 'node dist/src/main.js',
        env: {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          AUTH_JWT_SECRET: '(random, 64 hex characters)',
          ...experimentEnv(),
        },
        relay: 'defaults (RELAY_CONCURRENCY=16, PUSHER_TIMEOUT_MS=5000) unless env says otherwise',
      },
      clockTicksPerSecond: CLK_TCK,
    },
    summary: {
      targets: results.flatMap((r) => r.targets.map((t) => ({ scenario: r.id, name: t.name, met: t.met }))),
      met: results.reduce((n, r) => n + r.targets.filter((t) => t.met).length, 0),
      notMet: results.reduce((n, r) => n + r.targets.filter((t) => !t.met).length, 0),
      failedScenarios: results.filter((r) => r.error).map((r) => r.id),
    },
    scenarios: results,
  });
  log(`results written to ${file}`);
  const scale = results.find((r) => r.id === 'B10' && !r.error);
  if (scale) {
    const plot = b10Plot(scale.details as Parameters<typeof b10Plot>[0]);
    log(`B10's curves drawn in ${writePlot(startedAt, 'b10-scale', plot, !options.profile.quick)}`);
  }
  await cleanUp();
  log('done');
}

main().then(
  () => (aborting ? undefined : process.exit(exitCode)),
  (error: unknown) => abort(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1),
);

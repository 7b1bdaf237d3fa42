/**
 * The development fallback for AUTH_JWT_SECRET: generated on first use and
 * kept in DATA_DIR, so tokens printed yesterday still work today. Only read
 * (or created) when AUTH_JWT_SECRET is not set, which production refuses; a
 * deployment that sets it never touches DATA_DIR (docs/operations.md,
 * "Several instances").
 *
 * Earlier versions also generated the built-in Pusher endpoint's credentials
 * here; those now live in the database (pusher-credentials/), and this file's
 * are only read once, to be adopted there on upgrade.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirError, requireWritableDataDir } from './data-dir';
import type { PusherAppCredentials } from './pusher-credentials/shared-credentials';

interface LocalSecrets {
  jwtSecret: string;
  /** Only in files written by earlier versions. */
  pusher?: PusherAppCredentials;
}

const WHY = 'the local JWT secret is generated there because AUTH_JWT_SECRET is not set';

const FILE_NAME = 'local-secrets.json';

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, FILE_NAME);
  if (existsSync(file)) return readSecrets(file);
  const secrets: LocalSecrets = { jwtSecret: randomBytes(32).toString('hex') };
  requireWritableDataDir(dataDir, WHY);
  try {
    // `wx`: when two processes start on a fresh DATA_DIR at once, the second reads what the first wrote.
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSecrets(file);
    throw dataDirError(dataDir, WHY, error);
  }
  return secrets;
}

/**
 * The built-in Pusher credentials an earlier version generated in DATA_DIR, if any: read only,
 * never created (an absent or unreadable DATA_DIR simply has none).
 */
export function legacyPusherCredentials(dataDir: string): PusherAppCredentials | undefined {
  const file = path.join(dataDir, FILE_NAME);
  let pusher: PusherAppCredentials | undefined;
  try {
    pusher = existsSync(file) ? readSecrets(file).pusher : undefined;
  } catch {
    // Adoption is a courtesy to clients of the old key: a file it cannot read must not stop start-up.
    return undefined;
  }
  return pusher?.appId && pusher.key && pusher.secret ? pusher : undefined;
}

function readSecrets(file: string): LocalSecrets {
  return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
}

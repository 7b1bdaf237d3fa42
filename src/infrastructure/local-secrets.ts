/**
 * Secrets for running with no configuration: generated on first use and
 * kept in DATA_DIR, so tokens printed yesterday still work today and the
 * built-in Pusher endpoint never runs with a well-known secret. Only read
 * (or created) when actually needed: the built-in Pusher endpoint is in use,
 * or AUTH_JWT_SECRET is not set; a deployment with both configured never
 * touches DATA_DIR (docs/operations.md, "Several instances").
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirError, requireWritableDataDir } from './data-dir';

export interface LocalSecrets {
  jwtSecret: string;
  pusher: { appId: string; key: string; secret: string };
}

const WHY =
  'local secrets are generated there because AUTH_JWT_SECRET is not set or the built-in Pusher endpoint is in use (no PUSHER_* settings)';

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(32).toString('hex'),
    pusher: {
      appId: 'stocktake-live',
      key: `local-${randomBytes(8).toString('hex')}`,
      secret: randomBytes(24).toString('hex'),
    },
  };
  requireWritableDataDir(dataDir, WHY);
  try {
    // `wx`: when two processes start on a fresh DATA_DIR at once, the second reads what the first wrote.
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
    throw dataDirError(dataDir, WHY, error);
  }
  return secrets;
}

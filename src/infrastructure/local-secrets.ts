/**
 * Secrets for running with no configuration: generated on first start and
 * kept in DATA_DIR, so tokens printed yesterday still work today and the
 * built-in Pusher endpoint never runs with a well-known secret.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  pusher: { appId: string; key: string; secret: string };
}

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
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/** Which key verifies tokens: the configured secret or JWKS, else the generated local secret. */
import type { Config } from '../config';
import { loadLocalSecrets } from '../local-secrets';
import type { TokenKey } from './tokens';

export function tokenKey(config: Pick<Config, 'auth' | 'dataDir'>): TokenKey {
  if (config.auth.kind === 'jwks') return config.auth;
  return { kind: 'secret', secret: config.auth.secret ?? loadLocalSecrets(config.dataDir).jwtSecret };
}

/**
 * `npm run token -- --user ID --name NAME --hotel SLUG --role staff|manager [--expires 30d]`
 * prints a development token signed with the configured secret
 * (AUTH_JWT_SECRET, or the one generated in DATA_DIR). Repeat --hotel/--role
 * pairs for several hotels.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../src/domain/viewer';
import { signToken } from '../src/infrastructure/auth/tokens';
import { tokenKey } from '../src/infrastructure/auth/token-key';
import { loadConfig, loadDotEnv } from '../src/infrastructure/config';

function fail(message: string): never {
  console.error(
    `${message}\nusage: npm run token -- --user ID --name NAME --hotel SLUG --role staff|manager [--expires 30d]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      hotel: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true },
      expires: { type: 'string', default: '30d' },
    },
  });
  const hotels = values.hotel ?? [];
  const roles = values.role ?? [];
  if (!values.user) fail('--user is required');
  if (hotels.length === 0) fail('--hotel is required');
  if (roles.length !== hotels.length) fail('give one --role for each --hotel');
  for (const role of roles) if (!ROLES.includes(role as Role)) fail(`--role must be staff or manager (got "${role}")`);

  loadDotEnv();
  const key = tokenKey(loadConfig());
  if (key.kind !== 'secret')
    fail('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this script');
  const token = await signToken(
    key.secret,
    {
      userId: values.user,
      name: values.name ?? values.user,
      hotels: Object.fromEntries(hotels.map((h, i) => [h, roles[i] as Role])),
    },
    values.expires,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `token --user ID --name NAME --hotel SLUG --role staff|manager [--expires 30d]`
 * prints a development token signed with the configured secret
 * (AUTH_JWT_SECRET, or the one generated in DATA_DIR). Repeat --hotel/--role
 * pairs for several hotels.
 */
import { ROLES, type Role } from '../../domain/viewer';
import { signToken } from '../auth/tokens';
import { tokenKey } from '../auth/token-key';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { parseOptions, required, UsageError, type CommandRun } from './command';

export const run: CommandRun = async (argv) => {
  const values = parseOptions(argv, {
    user: { type: 'string' },
    name: { type: 'string' },
    hotel: { type: 'string', multiple: true },
    role: { type: 'string', multiple: true },
    expires: { type: 'string', default: '30d' },
  });
  const user = required(values.user, 'user');
  const hotels = values.hotel ?? [];
  const roles = values.role ?? [];
  if (hotels.length === 0) throw new UsageError('--hotel is required');
  if (roles.length !== hotels.length) throw new UsageError('give one --role for each --hotel');
  for (const role of roles)
    if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be staff or manager (got "${role}")`);

  loadDotEnv();
  const key = tokenKey(loadConfig());
  if (key.kind !== 'secret')
    throw new ConfigError(['AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command']);
  const token = await signToken(
    key.secret,
    {
      userId: user,
      name: values.name ?? user,
      hotels: Object.fromEntries(hotels.map((hotel, i) => [hotel, roles[i] as Role])),
    },
    values.expires,
  ).catch((error: unknown) => {
    // jose refuses a span it cannot read with a TypeError.
    if (error instanceof TypeError)
      throw new UsageError(`--expires must be a time span such as 30d, 12h or 90m (got "${values.expires}")`);
    throw error;
  });
  process.stdout.write(`${token}\n`);
};

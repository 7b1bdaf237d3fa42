/**
 * A service's environment as docker-compose.yml gives it, for .ci/stack: its `environment`
 * (anchors merged) with compose's variable interpolation over this process's environment, then
 * the `KEY=VALUE` arguments (the addresses Docker would supply) replacing what they name. Prints
 * `KEY=VALUE` lines. Usage: ts-node -T scripts/stack/compose-environment.ts SERVICE [KEY=VALUE…]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Env = Record<string, string | undefined>;

/** Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, $$. */
export function interpolate(text: string, env: Env): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?)([^}]*))?\}/g,
    (match, name: string | undefined, kind: string | undefined, rest: string | undefined) => {
      if (match === '$$') return '$';
      const value = env[name!];
      const unsetOrEmpty = value === undefined || (kind?.startsWith(':') === true && value === '');
      if (!unsetOrEmpty || kind === undefined) return value ?? '';
      if (kind.endsWith('?')) throw new Error(`${name}: ${rest ?? ''}`);
      return rest ?? '';
    },
  );
}

export interface ComposeService {
  environment?: Record<string, string>;
}

/** Interpolates every string of a parsed document, as compose does (after parsing, so a value stays a string). */
function interpolateValues(value: unknown, env: Env): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateValues(item, env));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateValues(item, env)]));
  return value;
}

/** docker-compose.yml, parsed (anchors merged) and interpolated over `env`. */
export function composeFile(env: Env, root = path.resolve(__dirname, '../..')): Record<string, unknown> {
  const parsed = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as unknown;
  return interpolateValues(parsed, env) as Record<string, unknown>;
}

/** The services of docker-compose.yml, interpolated over `env`. */
export function composeServices(env: Env, root?: string): Record<string, ComposeService> {
  return composeFile(env, root).services as Record<string, ComposeService>;
}

function main(): void {
  const [service, ...overrides] = process.argv.slice(2);
  const environment = service ? composeServices(process.env)[service]?.environment : undefined;
  if (!environment) throw new Error(`docker-compose.yml has no environment for service "${service ?? ''}"`);
  const result: Record<string, string> = { ...environment };
  for (const override of overrides) {
    const at = override.indexOf('=');
    if (at < 1) throw new Error(`expected KEY=VALUE, got "${override}"`);
    result[override.slice(0, at)] = override.slice(at + 1);
  }
  for (const [name, value] of Object.entries(result)) {
    // `KEY:` with nothing after it is YAML's null, which compose reads as "from the shell": not meant here.
    if (typeof value !== 'string') throw new Error(`${name} is not a string in docker-compose.yml (quote it)`);
    if (/[\n\r]/.test(value)) throw new Error(`${name} has a line break`);
    process.stdout.write(`${name}=${value}\n`);
  }
}

if (require.main === module) main();

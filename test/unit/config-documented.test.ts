/**
 * The settings an operator reads about are the settings the product reads (docs/configuration.md):
 * the table there, the variables `loadConfig` reads and `SETTINGS` are one list, every variable the
 * docs tell someone to set (`NAME=value`) is one of them or a tool's own, and each setting is
 * exercised against the shipped process by a test that spawns it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS, loadConfig } from '../../src/infrastructure/config';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The variables named in the first column of docs/configuration.md's table. */
function documentedSettings(): string[] {
  const names = new Set<string>();
  for (const line of read('docs/configuration.md').split('\n')) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1];
    if (!firstCell) continue;
    for (const [, name] of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name!);
  }
  return [...names].sort();
}

/** The variables `loadConfig` reads from an environment that takes every branch (credentials, client host…). */
function variablesRead(): string[] {
  const read = new Set<string>();
  const values: Record<string, string> = {
    PUSHER_APP_ID: 'app',
    PUSHER_KEY: 'key',
    PUSHER_SECRET: 'secret',
    PUSHER_HOST: 'pusher.internal',
    PUSHER_CLIENT_HOST: 'pusher.example.com',
    AUTH_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    APOLLO_KEY: 'service:graph:key',
    APOLLO_GRAPH_REF: 'graph@current',
  };
  const env = new Proxy(values, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  loadConfig(env);
  return [...read].sort();
}

/**
 * Variables the docs mention that are not the product's: the test suite's, CI's, the benchmark's
 * and the tools' (each documented where it is used).
 */
const NOT_SETTINGS = new Set([
  'CI',
  'REQUIRE_CHROMIUM',
  'CHROMIUM_PATH',
  'BROWSER_SCREENSHOTS',
  'TEST_LOG',
  'BENCH_SERVER_ENV',
  'BENCH_GC_ON_METRICS',
  'PUBLIC_PORT',
  'POSTGRES_PASSWORD',
  'COMPOSE_PROFILES',
]);

describe('configuration', () => {
  it('docs/configuration.md documents exactly the variables loadConfig reads, and SETTINGS lists them', () => {
    expect(documentedSettings()).toEqual([...SETTINGS].sort());
    expect(variablesRead()).toEqual([...SETTINGS].sort());
  });

  it('every variable the README and docs tell someone to set is a setting (or a named tool variable)', () => {
    const files = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((file) => `docs/${file}`)];
    const assigned = new Map<string, string>();
    for (const file of files.filter((name) => name.endsWith('.md'))) {
      for (const [, name] of read(file).matchAll(/(?<![A-Za-z0-9_$.-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=/g))
        assigned.set(name!, file);
    }
    const unknown = [...assigned].filter(
      ([name]) => !(SETTINGS as readonly string[]).includes(name) && !NOT_SETTINGS.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it('each setting is set on a spawned server by a test of the shipped process', () => {
    const spawning = readdirSync(path.join(ROOT, 'test'))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => read(`test/${file}`))
      .filter((text) => text.includes('startShippedServer('))
      .join('\n');
    // Set, as a key of the environment a spawned server gets (`NAME: '…'`), not merely mentioned.
    const untested = SETTINGS.filter(
      (name) => !new RegExp(`\\b${name}'?\\s*:\\s*(['"\`]|String\\(|await |[A-Za-z_][\\w.]*,)`).test(spawning),
    );
    expect(untested).toEqual([]);
  });
});

/**
 * The release step (`npm run release:contract`, scripts/release-contract.ts; docs/api-conventions.md,
 * "Versions and breaking changes"), run on copies of the contract files: it bumps each version by
 * what changed, writes the event contract's version into asyncapi.yaml, makes the current files the
 * released ones and opens a new Unreleased section; it refuses an undeclared breaking change.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
const FILES = {
  schema: 'schema.graphql',
  events: 'asyncapi.yaml',
  releasedSchema: 'contract/released/schema.graphql',
  releasedEvents: 'contract/released/asyncapi.yaml',
  versions: 'contract/versions.json',
  changelog: 'CHANGELOG.md',
  packageJson: 'package.json',
  packageLock: 'package-lock.json',
};

let folder: string;
const at = (file: string) => path.join(folder, file);
const read = (file: string) => readFileSync(at(file), 'utf8');
function edit(file: string, find: string, replacement: string) {
  expect(read(file)).toContain(find);
  writeFileSync(at(file), read(file).replace(find, replacement));
}

function release() {
  return promisify(execFile)(
    process.execPath,
    [
      require.resolve('ts-node/dist/bin'),
      '-T',
      'scripts/release-contract.ts',
      '--date=2027-01-02',
      ...Object.entries(FILES).map(([name, file]) => `--${name}=${at(file)}`),
    ],
    { cwd: ROOT },
  );
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'release-'));
  mkdirSync(at('contract/released'), { recursive: true });
  // The released files as the current ones, and the versions they were released at.
  copyFileSync(path.join(ROOT, FILES.releasedSchema), at(FILES.schema));
  copyFileSync(path.join(ROOT, FILES.releasedEvents), at(FILES.events));
  for (const file of Object.values(FILES).filter((file) => file.startsWith('contract/') || file.startsWith('package')))
    copyFileSync(path.join(ROOT, file), at(file));
  writeFileSync(at(FILES.versions), `${JSON.stringify({ api: '1.0.0', events: '1.0.0' }, null, 2)}\n`);
  edit(FILES.packageJson, /"version": "[^"]*"/.exec(read(FILES.packageJson))![0], '"version": "1.0.0"');
  writeFileSync(
    at(FILES.changelog),
    '# Changelog\n\n## Unreleased\n\n### Added\n\n- `Stocktake.archived`.\n\n## API 1.0.0, events 1.0.0 (2026-12-05)\n\nThe first.\n',
  );
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('an addition to the schema and one to the Pusher contract: minor versions, released copies, a new Unreleased section', async () => {
  edit(FILES.schema, 'type Stocktake {\n', 'type Stocktake {\n  archived: Boolean\n');
  edit(
    FILES.events,
    '        item_sku:\n          type: string\n',
    '        item_sku:\n          type: string\n        item_barcode:\n          type: string\n',
  );
  const run = await release();
  expect(run.stdout).toContain('Released API 1.1.0 and events 1.1.0');
  expect(JSON.parse(read(FILES.versions))).toEqual({ api: '1.1.0', events: '1.1.0' });
  expect((JSON.parse(read(FILES.packageJson)) as { version: string }).version).toBe('1.1.0');
  const lock = JSON.parse(read(FILES.packageLock)) as {
    version: string;
    packages: Record<string, { version: string }>;
  };
  expect([lock.version, lock.packages['']!.version]).toEqual(['1.1.0', '1.1.0']);
  expect(read(FILES.events)).toMatch(/^info:\n(?: {2}.*\n)*? {2}version: 1\.1\.0\n/m);
  expect(read(FILES.releasedSchema)).toBe(read(FILES.schema));
  expect(read(FILES.releasedEvents)).toBe(read(FILES.events));
  const changelog = read(FILES.changelog);
  expect(changelog.indexOf('## Unreleased\n\n### Breaking')).toBeGreaterThan(0);
  expect(changelog).toContain('## API 1.1.0, events 1.1.0 (2027-01-02)\n\n### Added\n\n- `Stocktake.archived`.\n');
  expect(changelog.indexOf('## Unreleased')).toBeLessThan(changelog.indexOf('## API 1.1.0'));

  // Released again with nothing changed: nothing to release.
  expect((await release()).stdout).toContain('Nothing changed since the released contract');
  expect(JSON.parse(read(FILES.versions))).toEqual({ api: '1.1.0', events: '1.1.0' });
}, 120_000);

it('an undeclared breaking change is not released, and nothing is written', async () => {
  edit(FILES.schema, '  lineCount: Int!\n', '');
  const before = Object.fromEntries(Object.values(FILES).map((file) => [file, read(file)]));
  await expect(release()).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('Not released: breaking changes that CHANGELOG.md does not declare'),
  });
  expect(Object.fromEntries(Object.values(FILES).map((file) => [file, read(file)]))).toEqual(before);
}, 120_000);

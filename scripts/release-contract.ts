/**
 * `npm run release:contract [-- --date=YYYY-MM-DD]` (and `--schema=…` etc. as for check:breaking, to
 * release copies: test/unit/release-contract.test.ts): makes the current schema.graphql and asyncapi.yaml
 * the released contract that `check:breaking` compares with (docs/api-conventions.md, "Versions and
 * breaking changes"):
 * 1. refuses, as check:breaking does, a breaking change CHANGELOG.md does not declare;
 * 2. bumps each contract's version by what changed since the last release: major for a breaking
 *    change, minor for an addition (or a dangerous change), patch for descriptions only, none when
 *    nothing changed (contract/versions.json; the API's is package.json's version too);
 * 3. writes the new info.version into asyncapi.yaml (what `contract:emit` would now write: it reads
 *    contract/versions.json) and copies both files to contract/released/;
 * 4. turns CHANGELOG.md's "## Unreleased" section into the release's and opens an empty one above it.
 * With no released copy yet, it releases the versions in contract/versions.json as they are.
 * Commit the result.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareContracts, describeVerdict, type ContractChange } from './support/breaking-changes';
import { contractFilesFrom, contractTexts, type ContractVersions } from './support/contract-files';

const files = contractFilesFrom(process.argv.slice(2));
const read = (file: string) => readFileSync(file, 'utf8');

const UNRELEASED_TEMPLATE = `## Unreleased

### Breaking

<!-- One line per breaking change, naming it in backticks as \`npm run check:breaking\` reports it, e.g.
- \`Stocktake.notes\`: removed (deprecated since API 1.2.0); read \`Stocktake.comment\`. -->

### Added

### Changed
`;

type Bump = 'major' | 'minor' | 'patch' | null;

function bumpFor(changes: ContractChange[]): Bump {
  if (changes.some((change) => change.severity === 'breaking')) return 'major';
  if (changes.some((change) => !change.cosmetic)) return 'minor';
  return changes.length > 0 ? 'patch' : null;
}

function bumped(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

async function main(): Promise<void> {
  const dateArgument = process.argv.map((argument) => /^--date=(\d{4}-\d{2}-\d{2})$/.exec(argument)?.[1]).find(Boolean);
  const date = dateArgument ?? new Date().toISOString().slice(0, 10);
  const versions = JSON.parse(read(files.versions)) as ContractVersions;
  const first = !existsSync(files.releasedSchema) || !existsSync(files.releasedEvents);
  if (!first) {
    const verdict = await compareContracts(contractTexts(files));
    console.log(describeVerdict(verdict));
    if (verdict.refused.length > 0) {
      console.error('\nNot released: breaking changes that CHANGELOG.md does not declare (see check:breaking).');
      process.exit(1);
    }
    const apiBump = bumpFor(verdict.changes.filter((change) => change.contract === 'schema'));
    const eventsBump = bumpFor(verdict.changes.filter((change) => change.contract === 'events'));
    if (!apiBump && !eventsBump) {
      console.log('Nothing changed since the released contract: nothing to release.');
      return;
    }
    versions.api = bumped(versions.api, apiBump);
    versions.events = bumped(versions.events, eventsBump);
  }
  // Every output is built and checked before the first file is written: a refusal changes nothing.
  const events = read(files.events);
  const withVersion = events.replace(/^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m, `$1${versions.events}`);
  if (!withVersion.includes(`  version: ${versions.events}\n`)) throw new Error(`no info.version in ${files.events}`);
  const changelog = read(files.changelog);
  if (!/^## Unreleased\b/m.test(changelog)) throw new Error('CHANGELOG.md has no "## Unreleased" section to release');
  const heading = `## API ${versions.api}, events ${versions.events} (${date})`;
  const outputs: Array<[string, string]> = [
    [files.versions, `${JSON.stringify(versions, null, 2)}\n`],
    // The package's version is the API's; the lock file repeats it (the root and its "" package).
    [files.packageJson, read(files.packageJson).replace(/^ {2}"version": "[^"]*"/m, `  "version": "${versions.api}"`)],
    [
      files.packageLock,
      read(files.packageLock).replace(
        /^( {2}"name": "stocktake-live",\n {2}"version": )"[^"]*"([\s\S]*?\n {4}"": \{\n {6}"name": "stocktake-live",\n {6}"version": )"[^"]*"/m,
        `$1"${versions.api}"$2"${versions.api}"`,
      ),
    ],
    // info.version is the event contract's version: the only line contract:emit now writes otherwise.
    [files.events, withVersion],
    [files.releasedSchema, read(files.schema)],
    [files.releasedEvents, withVersion],
    [files.changelog, changelog.replace(/^## Unreleased\b.*$/m, `${UNRELEASED_TEMPLATE}\n${heading}`)],
  ];
  mkdirSync(path.dirname(files.releasedSchema), { recursive: true });
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(
    `Released API ${versions.api} and events ${versions.events}: contract/released/, contract/versions.json, ` +
      'package.json, asyncapi.yaml and CHANGELOG.md changed; commit them.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

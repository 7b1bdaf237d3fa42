/**
 * Where the contract files live: the current ones (generated from the code and committed), the
 * copies of the last release they are compared with, the versions and the changelog
 * (docs/api-conventions.md, "Versions and breaking changes").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface ContractFiles {
  schema: string;
  events: string;
  releasedSchema: string;
  releasedEvents: string;
  versions: string;
  changelog: string;
  /** package.json and package-lock.json, whose version is the API's. */
  packageJson: string;
  packageLock: string;
}

export const CONTRACT_FILES: ContractFiles = {
  schema: path.join(ROOT, 'schema.graphql'),
  events: path.join(ROOT, 'asyncapi.yaml'),
  releasedSchema: path.join(ROOT, 'contract/released/schema.graphql'),
  releasedEvents: path.join(ROOT, 'contract/released/asyncapi.yaml'),
  versions: path.join(ROOT, 'contract/versions.json'),
  changelog: path.join(ROOT, 'CHANGELOG.md'),
  packageJson: path.join(ROOT, 'package.json'),
  packageLock: path.join(ROOT, 'package-lock.json'),
};

/** The files, with any given as `--name=path` on the command line in place of the repository's (the tests use copies). */
export function contractFilesFrom(argv: string[]): ContractFiles {
  const files = { ...CONTRACT_FILES };
  for (const argument of argv) {
    const match = /^--(\w+)=(.+)$/.exec(argument);
    if (match && match[1]! in files) files[match[1] as keyof ContractFiles] = path.resolve(match[2]!);
  }
  return files;
}

/** What check:breaking and release:contract compare: the current and released contracts, and the changelog. */
export function contractTexts(files: ContractFiles): {
  releasedSchema: string;
  schema: string;
  releasedEvents: string;
  events: string;
  changelog: string;
} {
  const read = (file: string) => readFileSync(file, 'utf8');
  return {
    releasedSchema: read(files.releasedSchema),
    schema: read(files.schema),
    releasedEvents: read(files.releasedEvents),
    events: read(files.events),
    changelog: read(files.changelog),
  };
}

export interface ContractVersions {
  /** The GraphQL API's version (also package.json's). */
  api: string;
  /** The Pusher contract's version (asyncapi.yaml info.version). */
  events: string;
}

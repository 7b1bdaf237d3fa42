/**
 * Where the contract files live: the current ones (generated from the code and committed), the
 * copies of the last release they are compared with, the versions and the changelog
 * (docs/api-conventions.md, "Versions and breaking changes").
 */
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

export interface ContractVersions {
  /** The GraphQL API's version (also package.json's). */
  api: string;
  /** The Pusher contract's version (asyncapi.yaml info.version). */
  events: string;
}

/**
 * `npm run check:documents` (CI): every operation clients of this repository send (examples/, the
 * demo, the README's graphql blocks) is valid against schema.graphql; uses of deprecated fields,
 * arguments and enum values are listed as warnings (docs/api-conventions.md, "Client documents").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { allClientDocuments, checkDocuments } from './support/client-documents';

function main(): void {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));
  const reports = checkDocuments(schema, allClientDocuments());
  let failed = 0;
  for (const report of reports) {
    for (const error of report.errors) console.error(`${report.origin}: ${error}`);
    for (const warning of report.deprecated) console.warn(`${report.origin}: deprecated: ${warning}`);
    if (report.errors.length > 0) failed += 1;
  }
  const deprecated = reports.filter((report) => report.deprecated.length > 0).length;
  console.log(
    `${reports.length} client documents checked against schema.graphql: ${failed} invalid, ${deprecated} using deprecated fields`,
  );
  if (failed > 0) process.exit(1);
}

main();

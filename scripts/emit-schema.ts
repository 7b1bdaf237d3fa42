/**
 * `npm run schema:emit` writes schema.graphql from the code;
 * `npm run check:schema` fails when the committed file is stale.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, printSortedSchema } from '../src/graphql/schema';

const FILE = path.resolve(__dirname, '../schema.graphql');

async function main(): Promise<void> {
  const sdl = printSortedSchema(await createSchema());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== sdl) {
      console.error('schema.graphql is stale: run `npm run schema:emit` and commit the result');
      process.exit(1);
    }
    console.log('schema.graphql is up to date');
    return;
  }
  writeFileSync(FILE, sdl);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

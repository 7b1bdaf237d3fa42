/**
 * `npm run contract:emit` writes asyncapi.yaml and contract/pusher-events.d.ts
 * from the event catalog; `npm run check:contract` (CI) fails when either is
 * stale or the AsyncAPI parser finds the document invalid.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiErrors } from './support/asyncapi-validation';
import { ASYNCAPI_FILE, TYPES_FILE, renderAsyncApi, renderTypes } from './support/event-contract';

async function main(): Promise<void> {
  const files: Array<[string, string]> = [
    [ASYNCAPI_FILE, await renderAsyncApi()],
    [TYPES_FILE, await renderTypes()],
  ];
  const errors = await asyncApiErrors(files[0]![1]);
  if (errors.length > 0) {
    console.error(`asyncapi.yaml is not a valid AsyncAPI document:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  const check = process.argv.includes('--check');
  for (const [file, text] of files) {
    const name = path.relative(process.cwd(), file);
    if (check) {
      let committed = '';
      try {
        committed = readFileSync(file, 'utf8');
      } catch {
        // missing: stale
      }
      if (committed !== text) {
        console.error(`${name} is stale: run \`npm run contract:emit\` and commit the result`);
        process.exit(1);
      }
      console.log(`${name} is up to date`);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${name}`);
    }
  }
  if (check) console.log('asyncapi.yaml is a valid AsyncAPI 3 document');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

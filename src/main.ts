/**
 * `npm start`: the API on the configured database, or on an embedded
 * PostgreSQL seeded with the demo hotel when DATABASE_URL is not set.
 * The same as `node dist/src/cli.js serve` (infrastructure/cli/serve-command.ts).
 */
import 'reflect-metadata';
import { runCli } from './infrastructure/cli/run-cli';

void runCli(['serve', ...process.argv.slice(2)]).then((outcome) => {
  if (outcome !== 'keep-running') process.exit(outcome);
});

/**
 * The admin command line shipped in the image: `node dist/src/cli.js <command>`
 * (serve, migrate, create-hotel, seed, token; see docs/operations.md, "Admin commands").
 */
import 'reflect-metadata';
import { runCli } from './infrastructure/cli/run-cli';

void runCli(process.argv.slice(2)).then((outcome) => {
  if (outcome !== 'keep-running') process.exit(outcome);
});

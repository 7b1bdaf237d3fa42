/**
 * The admin command line (docs/operations.md, "Admin commands"):
 * `node dist/src/cli.js <command> [options]`, `npm run <command> -- …`
 * locally, `docker compose run --rm api <command> …` in the stack.
 *
 * Exit codes: 0 done; 1 failed (configuration, database, a hotel that
 * exists); 2 bad arguments (with the command's usage).
 */
import { DomainError } from '../../domain/errors';
import { describeFailure } from '../startup-error';
import { ConfigError } from '../config';
import { CommandFailure, UsageError, type Command, type CommandRun } from './command';

type CommandModule = { run: CommandRun };

/* eslint-disable @typescript-eslint/no-require-imports --
   loaded on demand, and in this CommonJS build import() would go through the ESM loader */
const COMMANDS: readonly Command[] = [
  {
    name: 'serve',
    summary: 'run the API (what `npm start` and the container image run)',
    usage: '',
    load: async () => require('./serve-command') as CommandModule,
  },
  {
    name: 'migrate',
    summary: 'apply pending migrations to the configured database (start-up does it too)',
    usage: '',
    load: async () => require('./migrate-command') as CommandModule,
  },
  {
    name: 'create-hotel',
    summary: 'create a hotel (its slug is what tokens and channel names use)',
    usage: '--slug SLUG --name NAME [--time-zone Europe/Dublin]',
    load: async () => require('./create-hotel-command') as CommandModule,
  },
  {
    name: 'seed',
    summary: 'seed the demo hotel into the configured database (safe to run twice)',
    usage: '',
    load: async () => require('./seed-command') as CommandModule,
  },
  {
    name: 'token',
    summary: 'print a development token signed with the configured secret',
    usage: '--user ID --name NAME --hotel SLUG --role staff|manager [--hotel SLUG --role ROLE …] [--expires 30d]',
    load: async () => require('./token-command') as CommandModule,
  },
];
/* eslint-enable @typescript-eslint/no-require-imports */

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'usage: node dist/src/cli.js <command> [options]   (npm run <command> -- …; docker compose run --rm api <command> …)',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Configuration comes from the environment (and .env), as for the server: see docs/operations.md.',
  ].join('\n');
}

/**
 * Runs the command `argv` names. Resolves with the exit code, or with
 * `keep-running` for a command that serves until a signal.
 */
export async function runCli(argv: string[]): Promise<number | 'keep-running'> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? process.stderr : process.stdout).write(`${help()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${help()}\n`);
    return EXIT.usage;
  }
  try {
    const { run } = await command.load();
    return (await run(rest)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof DomainError && error.code === 'BAD_USER_INPUT')) {
      process.stderr.write(`${error.message}\nusage: ${command.name} ${command.usage}\n`);
      return EXIT.usage;
    }
    // Failures that explain themselves are reported by their message; anything else with its stack.
    const explained = error instanceof ConfigError || error instanceof CommandFailure;
    process.stderr.write(`${explained ? error.message : describeFailure(error)}\n`);
    return EXIT.failed;
  }
}

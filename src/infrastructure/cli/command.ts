/**
 * The shape of an admin command (docs/operations.md, "Admin commands") and
 * the parsing they share: bad arguments become a UsageError, which the
 * runner reports with the command's usage and exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** The arguments after the command name, e.g. `--user ID [--expires 30d]`. */
  usage: string;
  /**
   * The command's module, loaded only when it runs: `token` need not load
   * the server, the ORM or the GraphQL schema.
   */
  load(): Promise<{ run: CommandRun }>;
}

/** Resolves when done; `keep-running` when the command serves until a signal (the server). */
export type CommandRun = (argv: string[]) => Promise<void | 'keep-running'>;

/** Arguments the command cannot work with: reported with its usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the command explains itself (a hotel that exists, say): its message alone, exit code 1. */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailure';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, strict, without positionals; its errors become UsageErrors. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A required string option, or a UsageError naming it. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${option} is required`);
  return value;
}

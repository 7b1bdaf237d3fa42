/**
 * A start-up failure someone can fix: its message says what is wrong and
 * what to do, and is printed alone (no stack) by `npm start`, `npm run seed`
 * and `npm run migrate`.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** What the command-line entry points print for an error that stopped them. */
export function describeFailure(error: unknown): string {
  if (error instanceof StartupError || (error instanceof Error && error.name === 'ConfigError')) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return `Start-up failed: ${String(error)}`;
}

/**
 * The admin command line as users run it: a real process, `node dist/src/cli.js`
 * as in the image (built by global-setup.ts; `npm run <command>` runs the same
 * code through ts-node, only slower), with an environment of the test's
 * choosing on top of a neutral one.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Settings that would leak from the developer's shell or .env into the command otherwise. */
const NEUTRAL_ENV = {
  NODE_ENV: 'development',
  DATABASE_URL: '',
  AUTH_JWT_SECRET: '',
  AUTH_JWKS_URL: '',
  PUSHER_APP_ID: '',
  PUSHER_KEY: '',
  PUSHER_SECRET: '',
  PUSHER_CLUSTER: '',
  PUSHER_HOST: '',
  PUSHER_PORT: '',
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
};

/** Runs `node dist/src/cli.js <args>` and resolves with its exit code and output, whatever the code. */
export function runAdminCommand(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...NEUTRAL_ENV, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (!error) resolve({ code: 0, stdout, stderr });
        // A number is the exit code; anything else (a timeout, a signal) is a failure to run it.
        else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
        else reject(new Error(`the command did not finish: ${error.message}`, { cause: error }));
      },
    );
  });
}

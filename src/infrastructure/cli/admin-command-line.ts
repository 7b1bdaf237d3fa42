/**
 * How to run an admin command where this process runs (docs/operations.md,
 * "Admin commands"), for messages such as the start-up banner: `npm run` goes
 * through ts-node, a dev dependency the image does not have, so it is named
 * only in a clone started with `npm start`; elsewhere the compiled command
 * line, which is what the image's entrypoint runs.
 */
import path from 'node:path';

interface AdminCommandLines {
  /** The command that works here, e.g. `npm run token --` or `node dist/src/cli.js token`. */
  here: string;
  /** The same in the compose stack, when the process may be one of its containers. */
  compose: string | undefined;
}

export function adminCommandLines(command: string): AdminCommandLines {
  if (process.env.npm_lifecycle_event === 'start' && tsNodeResolvable()) {
    return { here: `npm run ${command} --`, compose: undefined };
  }
  return { here: `node ${compiledCli()} ${command}`, compose: `docker compose run --rm api ${command}` };
}

function tsNodeResolvable(): boolean {
  try {
    require.resolve('ts-node');
    return true;
  } catch {
    return false;
  }
}

/**
 * dist/src/cli.js as the working folder reaches it: `dist/src/cli.js` in the image and in a clone,
 * its absolute path from elsewhere. (This file is dist/src/infrastructure/cli/admin-command-line.js,
 * or its source under ts-node.)
 */
function compiledCli(): string {
  const cli = __filename.endsWith('.ts')
    ? path.resolve(__dirname, '../../../dist/src/cli.js')
    : path.resolve(__dirname, '../../cli.js');
  const relative = path.relative(process.cwd(), cli);
  return relative.startsWith('..') || path.isAbsolute(relative) ? cli : relative;
}

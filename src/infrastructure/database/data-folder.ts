/**
 * Who holds the embedded PostgreSQL's data folder, read from the
 * `postmaster.pid` PostgreSQL writes there (docs/operations.md, "Start-up
 * problems"): nobody, a PostgreSQL that still runs (started by another
 * `npm start`, or left running when its server was killed), or nobody any
 * more although the file is there (a crash): that stale file is safe to
 * remove, because the process it names is not a PostgreSQL on this folder.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error';

type DataFolderState =
  | { kind: 'free' }
  | { kind: 'stale'; pid: number }
  | { kind: 'in-use'; pid: number; port: number; parent: { pid: number; command: string } | undefined };

const LOCK_FILE = 'postmaster.pid';

function dataFolderState(databaseDir: string): DataFolderState {
  let lines: string[];
  try {
    lines = readFileSync(path.join(databaseDir, LOCK_FILE), 'utf8').split('\n');
  } catch {
    return { kind: 'free' };
  }
  // postmaster.pid: pid, data directory, start time, port, socket directory, … (PostgreSQL's miscadmin.h).
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !runsPostgresOn(pid, databaseDir)) return { kind: 'stale', pid };
  return { kind: 'in-use', pid, port, parent: parentOf(pid) };
}

/**
 * Fails with what to do when a running PostgreSQL holds the folder; removes a stale lock file
 * (returns true) so that PostgreSQL does not refuse to start on a pid that was reused meanwhile.
 */
export function claimDataFolder(databaseDir: string, database: string): boolean {
  const state = dataFolderState(databaseDir);
  if (state.kind === 'free') return false;
  if (state.kind === 'stale') {
    rmSync(path.join(databaseDir, LOCK_FILE), { force: true });
    return true;
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${state.port}/${database}`;
  const byServer = state.parent && /\bnode\b/.test(state.parent.command);
  const holder = byServer
    ? `another Stocktake Live server (process ${state.parent!.pid}: ${state.parent!.command}) runs on it`
    : `a PostgreSQL (process ${state.pid}) still runs on it, left behind by a server that was killed`;
  const remedy = byServer
    ? [
        `  - stop that server (Ctrl+C in its terminal, or kill ${state.parent!.pid}) and try again;`,
        `  - or use it from here: DATABASE_URL=${url}`,
        '  - or start a second one on a folder and port of its own: DATA_DIR=.data-2 PORT=4001 npm start',
      ]
    : [
        `  - stop it (kill -INT ${state.pid}: a fast, clean shutdown) and try again;`,
        '  - or use another folder: DATA_DIR=.data-2 npm start',
      ];
  throw new StartupError(
    [`The embedded PostgreSQL's data folder ${databaseDir} is in use: ${holder}.`, 'Either:', ...remedy].join('\n'),
  );
}

/** True when `pid` is alive and is a PostgreSQL started on `databaseDir` (not a reused pid). */
function runsPostgresOn(pid: number, databaseDir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's; only /proc can tell what it is.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const command = commandOf(pid);
  // Without /proc (macOS), a live pid is taken as a running PostgreSQL: refusing is the safe side.
  if (command === undefined) return true;
  return /postgres/.test(command) && command.includes(path.resolve(databaseDir));
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): { pid: number; command: string } | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { pid: ppid, command: commandOf(ppid) ?? '' };
  } catch {
    return undefined;
  }
}

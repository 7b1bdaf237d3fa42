/**
 * Every process the suite starts runs in a process group of its own
 * (`detached: true`), so stopping it with `kill(-pid)` also stops whatever it
 * started (PostgreSQL's backends, say). The groups are tracked here:
 * `stopAll()` ends them on a normal exit or a failure, `killAllSync()` on a
 * signal, and a small reaper shell kills whatever is left if this process
 * itself is killed outright (SIGKILL cannot be caught).
 */
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let closed = false;
const reaperFile = path.join(tmpdir(), `stocktake-bench-groups-${process.pid}`);
let reaperStarted = false;

function recordGroups(): void {
  if (!reaperStarted) return;
  try {
    writeFileSync(reaperFile, [...running].map((child) => child.pid).join(' '));
    writeFileSync(`${reaperFile}.dirs`, [...tempDirs].join('\n'));
  } catch {
    // the reaper is a safety net; the normal path stops every group itself
  }
}

function track(child: ChildProcess, name: string): void {
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  running.add(child);
  recordGroups();
  child.once('exit', () => {
    running.delete(child);
    recordGroups();
  });
}

/**
 * A detached shell that waits for this process to end and then kills the
 * groups and removes the temporary folders still listed in two files (empty
 * after a clean exit). It ends by itself within a second of this process.
 * (Databases created on DATABASE_URL's server cannot be dropped from here.)
 */
export function startReaper(): void {
  if (reaperStarted) return;
  reaperStarted = true;
  writeFileSync(reaperFile, '');
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
for g in $(cat '${reaperFile}' 2>/dev/null); do kill -9 -$g 2>/dev/null; done
sleep 1
for d in $(cat '${reaperFile}.dirs' 2>/dev/null); do rm -rf "$d"; done
rm -f '${reaperFile}' '${reaperFile}.dirs'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export function removeReaperFile(): void {
  rmSync(reaperFile, { force: true });
  rmSync(`${reaperFile}.dirs`, { force: true });
}

/** A temporary folder, removed by `removeTempDirs` at the end whatever happens. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  recordGroups();
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
  recordGroups();
}

export function removeTempDirs(): void {
  for (const dir of tempDirs) removeTempDir(dir);
}

/** From now on nothing new may start (the run is being stopped). */
export function closeProcesses(): void {
  closed = true;
}

function refuseWhenClosed(name: string): void {
  if (closed) throw new Error(`not starting ${name}: the run is stopping`);
}

/** Starts a command in a process group of its own. */
export function spawnGroup(name: string, command: string, args: string[], options: SpawnOptions): ChildProcess {
  refuseWhenClosed(name);
  const child = spawn(command, args, { ...options, detached: true });
  track(child, name);
  return child;
}

/** Forks a bench TypeScript module (through ts-node, transpile only) in a process group of its own, with IPC. */
export function forkGroup(name: string, modulePath: string, env: Record<string, string> = {}): ChildProcess {
  refuseWhenClosed(name);
  const child = fork(modulePath, [], {
    cwd: ROOT,
    detached: true,
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'bench/tsconfig.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child, name);
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Asks the group to stop (SIGTERM, or `politely` when given), waits up to
 * `graceMs`, then kills the whole group; either way anything left in the
 * group afterwards is killed too.
 */
export async function stopGroup(
  child: ChildProcess,
  graceMs = 10_000,
  politely?: () => void | Promise<void>,
): Promise<void> {
  if (!exited(child)) {
    if (politely) {
      try {
        await politely();
      } catch {
        signalGroup(child, 'SIGTERM');
      }
    } else signalGroup(child, 'SIGTERM');
    if (!(await waitForExit(child, graceMs))) {
      signalGroup(child, 'SIGKILL');
      await waitForExit(child, 5_000);
    }
  }
  // Descendants (e.g. PostgreSQL backends) share the group and may outlive its leader.
  signalGroup(child, 'SIGKILL');
  running.delete(child);
  recordGroups();
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child, 5_000)));
}

/** For signal and exit handlers, where nothing asynchronous can run any more. */
export function killAllSync(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
  recordGroups();
}

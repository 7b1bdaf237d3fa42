/**
 * What a newcomer sees when `npm start`, `npm run seed` or `npm run migrate`
 * cannot start: real processes (the entry points compiled, as `npm start`
 * and the image run them: global-setup.ts builds dist/; `npm run seed` and
 * `npm run migrate` run the same code through ts-node), real ports, a real
 * embedded PostgreSQL holding its data folder. Each failure must name its
 * cause and what to do, never print `undefined` or a stack; a stale lock file
 * left by a crash must not stop the server, and a DATABASE_URL naming a
 * database that is not there must not create it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { closeAfterEach } from './support/closers';
import { startControlledPostgres } from './support/postgres-control';

const ROOT = path.resolve(__dirname, '..');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a compiled entry point (`dist/src/main.js`, `dist/src/cli.js seed`, as `npm start` and the
 * image run them) to its end with `env` on top of a clean environment.
 */
function run(entry: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = entry.split(' ');
    const child = spawn(process.execPath, [file!, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not end within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const closers = closeAfterEach();

function temporaryFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stocktake-startup-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a busy PORT', () => {
  it('is named, with what to do, before the database is touched', async () => {
    const port = await occupiedPort();
    const dataDir = temporaryFolder();
    const outcome = await run('dist/src/main.js', { PORT: String(port), DATA_DIR: dataDir });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      `PORT ${port} is already in use (another npm start, or another program).\n` +
        `Stop what listens there (lsof -i :${port} shows it) or choose another port: PORT=${port + 1} npm start\n`,
    );
    // No cluster was created, let alone seeded.
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
  });
});

describe('an unusable DATABASE_URL', () => {
  it('that nothing answers is named, without its password', async () => {
    const port = await closedPort();
    const outcome = await run('dist/src/main.js', {
      PORT: '0',
      DATABASE_URL: `postgres://app:s3cret-pw@127.0.0.1:${port}/stocktake`,
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      `DATABASE_URL (postgres://app:***@127.0.0.1:${port}/stocktake) cannot be used: nothing accepts connections there: is PostgreSQL running, and on that port?.\n` +
        'Check the variable (in the environment or .env), or unset it to use the embedded PostgreSQL.\n',
    );
    expect(outcome.stdout + outcome.stderr).not.toContain('s3cret-pw');
  });

  it('with a misspelt host is named', async () => {
    const outcome = await run('dist/src/cli.js migrate', {
      DATABASE_URL: 'postgres://app:s3cret-pw@no-such-host.invalid:5432/stocktake',
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      'DATABASE_URL (postgres://app:***@no-such-host.invalid:5432/stocktake) cannot be used: that host name',
    );
    expect(outcome.stdout + outcome.stderr).not.toContain('s3cret-pw');
  });
});

describe('a DATABASE_URL naming a database that does not exist', () => {
  /** Whether the test PostgreSQL has a database of that name. */
  async function databaseExists(name: string): Promise<boolean> {
    const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await client.connect();
    try {
      return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    } finally {
      await client.end();
    }
  }

  it('stops start, seed and migrate with a message naming it, its server and how to create it, and creates nothing', async () => {
    const server = new URL(process.env.TEST_POSTGRES_URL!);
    const name = `stocktake_misspelt_${randomBytes(4).toString('hex')}`;
    const url = new URL(server.toString());
    url.pathname = `/${name}`;
    const shown = new URL(url.toString());
    if (shown.password) shown.password = '***';
    const management = new URL(url.toString());
    management.pathname = '/postgres';
    management.password = '';
    const host = server.hostname;
    const port = server.port || '5432';
    const user = server.username ? ` -U ${server.username}` : '';
    for (const entry of ['dist/src/main.js', 'dist/src/cli.js seed', 'dist/src/cli.js migrate']) {
      const outcome = await run(entry, { PORT: '0', DATABASE_URL: url.toString() });
      expect({ entry, code: outcome.code, stdout: outcome.stdout, stderr: outcome.stderr }).toEqual({
        entry,
        code: 1,
        stdout: '',
        stderr:
          `DATABASE_URL (${shown.toString()}) cannot be used: the database "${name}" does not exist on the server ${host}:${port}, ` +
          'and it is not created for you (a misspelt name would start an empty product).\n' +
          `Check the name in DATABASE_URL (in the environment or .env), or create the database: createdb -h ${host} -p ${port}${user} ${name}\n` +
          `or: psql ${management.toString()} -c 'create database "${name}"'\n`,
      });
      if (server.password) expect(outcome.stderr).not.toContain(server.password);
      expect({ entry, created: await databaseExists(name) }).toEqual({ entry, created: false });
    }
  }, 120_000);
});

describe('a DATABASE_URL without a database name', () => {
  it.each([
    ['dist/src/main.js', 'postgres://app:s3cret-pw@127.0.0.1:5432'],
    ['dist/src/cli.js migrate', 'postgres://app:s3cret-pw@127.0.0.1:5432/'],
  ])('stops %s with one line naming DATABASE_URL (%s), no stack', async (entry, databaseUrl) => {
    const outcome = await run(entry, { PORT: '0', DATABASE_URL: databaseUrl });
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Invalid configuration:\n' +
        '  - DATABASE_URL names no database: add its name after the server, as in postgres://USER:PASSWORD@HOST:5432/stocktake\n',
    });
  });
});

describe("the embedded PostgreSQL's data folder", () => {
  it('in use by a running server: start, seed and migrate say so and what to do', async () => {
    const dataDir = temporaryFolder();
    const running = await startControlledPostgres(dataDir);
    closers.push(() => running.stop());
    const pid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (const entry of ['dist/src/main.js', 'dist/src/cli.js seed', 'dist/src/cli.js migrate']) {
      const outcome = await run(entry, { PORT: '0', DATA_DIR: dataDir });
      expect({ entry, code: outcome.code }).toEqual({ entry, code: 1 });
      const lines = outcome.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        new RegExp(
          `^The embedded PostgreSQL's data folder ${path.join(dataDir, 'postgres')} is in use: another Stocktake Live server \\(process \\d+: .*node.*\\) runs on it\\.$`,
        ),
      );
      expect(lines.slice(1)).toEqual([
        'Either:',
        expect.stringMatching(/^ {2}- stop that server \(Ctrl\+C in its terminal, or kill \d+\) and try again;$/),
        `  - or use it from here: DATABASE_URL=postgres://postgres:postgres@127.0.0.1:${running.port}/stocktake`,
        '  - or start a second one on a folder and port of its own: DATA_DIR=.data-2 PORT=4001 npm start',
      ]);
    }
    // Nothing was done to the running PostgreSQL.
    expect(Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])).toBe(pid);
  }, 120_000);

  it('left by a crash (a postmaster.pid naming a process that is not its PostgreSQL) is recovered', async () => {
    const dataDir = temporaryFolder();
    const first = await startControlledPostgres(dataDir);
    await first.stop();
    const lockFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    // As a crash leaves it, naming a pid that now belongs to another process (this test's own).
    writeFileSync(
      lockFile,
      `${process.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n${await closedPort()}\n/tmp\n`,
    );
    const server = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: dataDir },
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    closers.push(async () => {
      server.kill('SIGTERM');
      await exited;
    });
    let output = '';
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Stocktake Live is running')) resolve();
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
    expect(output).toContain('removed a stale postmaster.pid');
    // PostgreSQL runs on the folder again, under a lock file of its own.
    expect(Number(readFileSync(lockFile, 'utf8').split('\n')[0])).not.toBe(process.pid);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    // …and stopped with the server.
    expect(existsSync(lockFile)).toBe(false);
  }, 120_000);
});

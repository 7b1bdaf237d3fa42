/**
 * The PostgreSQL the suite runs on: DATABASE_URL's server when it is set
 * (each server start gets a new database there, dropped at the end),
 * otherwise an embedded PostgreSQL in a process of its own, in a temporary
 * folder removed at the end.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { removeTempDir, stopGroup, tempDir } from './processes';
import { Worker } from './rpc';

export interface FreshDatabase {
  name: string;
  url: string;
  /** A small pool for seeding and checks (never used while measuring the database's clients). */
  pool: Pool;
  drop(): Promise<void>;
}

export interface PostgresServer {
  kind: 'DATABASE_URL' | 'embedded';
  version: string;
  freshDatabase(): Promise<FreshDatabase>;
  close(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function serverOn(kind: PostgresServer['kind'], serverUrl: string, version: string, close: () => Promise<void>) {
  const created = new Set<string>();
  const server: PostgresServer = {
    kind,
    version,
    async freshDatabase() {
      const name = `stocktake_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      await onServer(serverUrl, (client) => client.query(`create database "${name}"`));
      created.add(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const pool = new Pool({ connectionString: url.toString(), max: 4 });
      let dropped = false;
      return {
        name,
        url: url.toString(),
        pool,
        async drop() {
          if (dropped) return;
          dropped = true;
          await pool.end().catch(() => undefined);
          await onServer(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
          created.delete(name);
        },
      };
    },
    async close() {
      for (const name of created) {
        await onServer(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).catch(
          () => undefined,
        );
      }
      await close();
    },
  };
  return server;
}

export async function startPostgres(): Promise<PostgresServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const version = await onServer(configured, (client) =>
      client.query<{ v: string }>("select current_setting('server_version') as v"),
    ).then((result) => result.rows[0]!.v);
    return serverOn('DATABASE_URL', configured, version, async () => undefined);
  }
  const dataDir = tempDir('stocktake-bench-pg-');
  const worker = await Worker.start('embedded-postgres', path.join(__dirname, 'postgres-process.ts'));
  const close = async () => {
    await stopGroup(worker.child, 15_000, () =>
      worker.call('stop', {}, 15_000).then(
        () => undefined,
        () => undefined, // it may exit before its answer arrives
      ),
    );
    removeTempDir(dataDir);
  };
  try {
    const { port } = await worker.call<{ port: number }>('start', { dataDir }, 120_000);
    const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const version = await onServer(serverUrl, (client) =>
      client.query<{ v: string }>("select current_setting('server_version') as v"),
    ).then((result) => result.rows[0]!.v);
    return serverOn('embedded', serverUrl, version, close);
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Throw-away databases on an existing server, for tests and for checks
 * that must start from an empty schema, or from a copy of a template one
 * (`CREATE DATABASE … TEMPLATE`: a file-level copy, far quicker than
 * migrating and seeding again).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ScratchDatabase {
  /** The database's name on the server. */
  name: string;
  url: string;
  /**
   * Makes it a template others are copied from (`createScratchDatabase(…, { template: name })`):
   * PostgreSQL copies a database only while nobody is connected to it, so connections to it are
   * refused from now on. Close every client of it first.
   */
  freezeAsTemplate(): Promise<void>;
  drop(): Promise<void>;
}

interface ScratchDatabaseOptions {
  /** Copy this database (one frozen with `freezeAsTemplate`) instead of starting empty. */
  template?: string;
}

export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  options: ScratchDatabaseOptions = {},
): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const template = options.template ? ` template "${options.template}"` : '';
  await onServer(serverUrl, (client) => client.query(`create database "${name}"${template}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let frozen = false;
  return {
    name,
    url: url.toString(),
    async freezeAsTemplate() {
      await onServer(serverUrl, (client) =>
        client.query(`alter database "${name}" with is_template true allow_connections false`),
      );
      frozen = true;
    },
    drop: () =>
      onServer(serverUrl, async (client) => {
        // PostgreSQL refuses to drop a template.
        if (frozen) await client.query(`alter database "${name}" with is_template false`);
        await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
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

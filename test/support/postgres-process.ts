/**
 * An embedded PostgreSQL in a process of its own, for tests that stop and
 * start the database under a running server. (The package is ESM-only and
 * Jest's module sandbox cannot load it, so it runs out here.)
 *
 *   node -r ts-node/register/transpile-only test/support/postgres-process.ts <dataDir> [port]
 *
 * prints `ready <port>` once PostgreSQL answers, and stops it (then exits)
 * when stdin closes or says `stop`.
 */
import { startEmbeddedPostgres } from '../../src/infrastructure/database/embedded-postgres';
import { silentLogger } from '../../src/infrastructure/logger';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: postgres-process.ts <dataDir> [port]');
  const server = await startEmbeddedPostgres(dataDir, silentLogger, port ? { port: Number(port) } : {});
  await server.createDatabase('outage');
  process.stdout.write(`ready ${server.port}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('stop')) void stop();
  });
  process.stdin.on('end', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

/**
 * An embedded PostgreSQL in a process of its own, for tests that stop and
 * start the database under a running server. (The package is ESM-only and
 * Jest's module sandbox cannot load it, so it runs out here.) Plain
 * JavaScript on the build (dist/, which global-setup.ts makes), so that
 * starting it costs no TypeScript compiler:
 *
 *   node test/support/postgres-process.mjs <dataDir> [port]
 *
 * prints `ready <port>` once PostgreSQL answers, and stops it (then exits)
 * when stdin closes or says `stop`.
 */
import { startEmbeddedPostgres } from '../../dist/src/infrastructure/database/embedded-postgres.js';
import { silentLogger } from '../../dist/src/infrastructure/logger.js';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: postgres-process.mjs <dataDir> [port]');
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
  process.stdin.on('data', (chunk) => {
    if (chunk.toString().includes('stop')) void stop();
  });
  process.stdin.on('end', () => void stop());
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

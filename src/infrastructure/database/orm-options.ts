/** MikroORM settings shared by the server, the scripts, the CLI and the tests. */
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import path from 'node:path';
import {
  Hotel,
  IdempotencyRecord,
  InstanceLiveness,
  LineHistoryEntry,
  LineLock,
  PresenceSession,
  StockCategory,
  StockItem,
  StockMovement,
  Stocktake,
  StocktakeLine,
} from '../../domain/entities';
import { migrationsList } from '../../migrations';
import { HistoryEpoch } from '../../realtime/outbox/HistoryEpoch';
import { ChannelSequence, OutboxEvent } from '../../realtime/outbox/OutboxEvent';
import { BuiltInPusherApp } from '../pusher-credentials/BuiltInPusherApp';
import { silentLogger, type Logger } from '../logger';

const ENTITIES = [
  Hotel,
  StockCategory,
  StockItem,
  Stocktake,
  StocktakeLine,
  LineHistoryEntry,
  StockMovement,
  OutboxEvent,
  ChannelSequence,
  HistoryEpoch,
  PresenceSession,
  LineLock,
  IdempotencyRecord,
  InstanceLiveness,
  BuiltInPusherApp,
];

const ROOT = path.resolve(__dirname, '../../..');

/** The query builder's own warnings (a connection dropped, say) as JSON logs rather than console lines. */
function knexLog(log: Logger) {
  const write = (level: 'warn' | 'error' | 'debug') => (message: unknown) =>
    log[level]({ source: 'knex', detail: String(message) }, 'database driver');
  return { warn: write('warn'), error: write('error'), deprecate: write('warn'), debug: write('debug') };
}

export function ormOptions(clientUrl: string, log: Logger = silentLogger, overrides: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Databases are created on purpose (the embedded one in database.ts, scratch ones in
    // scratch-database.ts), never because a URL named one that is missing: see missing-database.ts.
    ensureDatabase: false,
    // Entities are listed explicitly and every property declares its type, so no TS reflection is needed.
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      // Runtime runs the committed list; the CLI writes new files and the snapshot here.
      migrationsList,
      path: path.join(ROOT, 'src/migrations'),
      pathTs: path.join(ROOT, 'src/migrations'),
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    // Fail fast rather than hang when the database is unreachable or the pool is exhausted:
    // the request gets SERVICE_UNAVAILABLE (see database/unavailable.ts) and can be retried.
    driverOptions: {
      acquireConnectionTimeout: 10_000,
      connection: { connectionTimeoutMillis: 5_000 },
      log: knexLog(log),
    },
    ...overrides,
  };
}

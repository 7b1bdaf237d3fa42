/** MikroORM settings shared by the server, the scripts, the CLI and the tests. */
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import path from 'node:path';
import { Hotel, StockCategory, StockItem, StockMovement, Stocktake, StocktakeLine } from '../../domain/entities';
import { migrationsList } from '../../migrations';
import { ChannelSequence, OutboxEvent } from '../../realtime/outbox/OutboxEvent';

export const ENTITIES = [Hotel, StockCategory, StockItem, Stocktake, StocktakeLine, StockMovement, OutboxEvent, ChannelSequence];

const ROOT = path.resolve(__dirname, '../../..');

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
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
    ...overrides,
  };
}

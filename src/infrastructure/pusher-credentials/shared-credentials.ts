/**
 * The built-in Pusher endpoint's credentials when PUSHER_APP_ID/KEY/SECRET
 * are not set: generated once per database and kept there, so every replica
 * on the database hands out the same key and accepts the same signatures,
 * whatever disk it has (docs/pusher-server.md, "Credentials").
 */
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { pooledSql } from '../../persistence/sql';

/** What the built-in endpoint signs and verifies with; `key` is public. */
export interface PusherAppCredentials {
  appId: string;
  key: string;
  secret: string;
}

/** The single row's id: the primary key is what lets replicas starting at once agree. */
const ROW_ID = 1;

/** Fresh credentials: a random key and secret (the app id is fixed, as it names no secret). */
function generatePusherCredentials(): PusherAppCredentials {
  return {
    appId: 'stocktake-live',
    key: `local-${randomBytes(8).toString('hex')}`,
    secret: randomBytes(24).toString('hex'),
  };
}

interface SharedCredentialsOptions {
  /**
   * Credentials an earlier version generated in DATA_DIR/local-secrets.json: kept if the database
   * has none yet, so clients holding that key keep working after the upgrade.
   */
  adopt?: PusherAppCredentials;
  log: Logger;
}

/**
 * The database's built-in endpoint credentials, created on first use. Race-free: every replica
 * inserts its candidate with `on conflict do nothing` (a second insert waits for the first to
 * commit, then does nothing), then reads the one row that won, in a statement of its own so that
 * it sees the winner's commit.
 */
export async function sharedPusherCredentials(
  orm: MikroORM,
  options: SharedCredentialsOptions,
): Promise<PusherAppCredentials> {
  const sql = pooledSql(orm);
  const candidate = options.adopt ?? generatePusherCredentials();
  const inserted = await sql.rows<{ id: number }>(
    `insert into "built_in_pusher_app" ("id", "app_id", "key", "secret", "created_at")
     values (?, ?, ?, ?, now()) on conflict ("id") do nothing returning "id"`,
    [ROW_ID, candidate.appId, candidate.key, candidate.secret],
  );
  const [row] = await sql.rows<{ app_id: string; key: string; secret: string }>(
    `select "app_id", "key", "secret" from "built_in_pusher_app" where "id" = ?`,
    [ROW_ID],
  );
  if (!row) throw new Error('the built-in Pusher credentials row is missing right after its insert');
  const stored: PusherAppCredentials = { appId: row.app_id, key: row.key, secret: row.secret };
  if (inserted.length > 0) {
    options.log.info(
      { key: stored.key, adoptedFromDataDir: options.adopt !== undefined },
      'built-in Pusher credentials created in the database; every instance on it uses them',
    );
  } else if (options.adopt && options.adopt.key !== stored.key) {
    options.log.warn(
      { dataDirKey: options.adopt.key, key: stored.key },
      'DATA_DIR/local-secrets.json holds other built-in Pusher credentials than the database: the database’s are used (as on every instance); pusher-js clients holding the old key must reload GET /pusher/config',
    );
  }
  return stored;
}

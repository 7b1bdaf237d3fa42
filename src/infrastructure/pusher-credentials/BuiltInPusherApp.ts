import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The built-in Pusher endpoint's credentials, generated once per database
 * (one row, id 1), so every replica on the database hands out the same key
 * and verifies the same signatures (docs/pusher-server.md, "Credentials").
 * Not used when PUSHER_APP_ID/KEY/SECRET are set.
 */
@Entity({ tableName: 'built_in_pusher_app' })
export class BuiltInPusherApp {
  /** Always 1: the primary key is what makes creation race-free (`on conflict do nothing`). */
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Property({ type: 'string', length: 100 })
  appId!: string;

  /** Public: pusher-js clients hold it (GET /pusher/config). */
  @Property({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'string', length: 200 })
  secret!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

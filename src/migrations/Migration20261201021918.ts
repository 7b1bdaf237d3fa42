import { Migration } from '@mikro-orm/migrations';

export class Migration20261201021918 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("user_id" varchar(128) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("user_id", "key"));`,
    );
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);

    this.addSql(
      `create table "line_lock" ("line_id" int not null, "stocktake_id" int not null, "hotel" varchar(100) not null, "user_id" varchar(128) not null, "user_name" varchar(200) not null, "expires_at" timestamptz not null, constraint "line_lock_pkey" primary key ("line_id"));`,
    );
    this.addSql(`create index "line_lock_stocktake_id_user_id_index" on "line_lock" ("stocktake_id", "user_id");`);
    this.addSql(`create index "line_lock_expires_at_index" on "line_lock" ("expires_at");`);

    this.addSql(
      `create table "presence_session" ("stocktake_id" int not null, "user_id" varchar(128) not null, "session_key" varchar(100) not null, "user_name" varchar(200) not null, "hotel" varchar(100) not null, "instance_id" varchar(64) null, "joined_at" timestamptz not null, "expires_at" timestamptz not null, constraint "presence_session_pkey" primary key ("stocktake_id", "user_id", "session_key"));`,
    );
    this.addSql(`create index "presence_session_instance_id_index" on "presence_session" ("instance_id");`);
    this.addSql(`create index "presence_session_expires_at_index" on "presence_session" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`drop table if exists "line_lock" cascade;`);

    this.addSql(`drop table if exists "presence_session" cascade;`);
  }
}

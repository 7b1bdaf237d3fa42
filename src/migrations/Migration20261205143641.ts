import { Migration } from '@mikro-orm/migrations';

/** The built-in Pusher endpoint's credentials, one row per database (docs/pusher-server.md, "Credentials"). */
export class Migration20261205143641 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "built_in_pusher_app" ("id" smallint not null, "app_id" varchar(100) not null, "key" varchar(100) not null, "secret" varchar(200) not null, "created_at" timestamptz not null, constraint "built_in_pusher_app_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "built_in_pusher_app" cascade;`);
  }
}

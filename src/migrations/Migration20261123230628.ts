import { Migration } from '@mikro-orm/migrations';

/** Transactional outbox: events per channel with gap-free sequences, and the Pusher relay state. */
export class Migration20261123230628 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "channel_sequence" ("channel" varchar(164) not null, "last_sequence" bigint not null, constraint "channel_sequence_pkey" primary key ("channel"));`,
    );

    this.addSql(
      `create table "outbox_event" ("id" bigserial primary key, "event_id" uuid not null, "channel" varchar(164) not null, "sequence" bigint not null, "name" varchar(64) not null, "hotel" varchar(100) not null, "stocktake_id" int not null, "data" jsonb not null, "actor" jsonb not null, "occurred_at" timestamptz not null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "published_at" timestamptz null, "dead_lettered_at" timestamptz null, "slimmed" boolean not null default false);`,
    );
    this.addSql(
      `create index "outbox_event_pending_index" on "outbox_event" ("channel", "sequence") where "published_at" is null and "dead_lettered_at" is null;`,
    );
    this.addSql(
      `alter table "outbox_event" add constraint "outbox_event_channel_sequence_unique" unique ("channel", "sequence");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_sequence" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);
  }
}

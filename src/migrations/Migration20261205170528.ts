import { Migration } from '@mikro-orm/migrations';

/** Instance liveness, and outbox claims tied to it (docs/realtime.md, "Claims that die with their holder"). */
export class Migration20261205170528 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "instance_liveness" ("instance_id" varchar(64) not null, "started_at" timestamptz not null, "seen_at" timestamptz not null, constraint "instance_liveness_pkey" primary key ("instance_id"));`,
    );

    this.addSql(`alter table "outbox_event" add column "claimed_by" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "instance_liveness" cascade;`);

    this.addSql(`alter table "outbox_event" drop column "claimed_by";`);
  }
}

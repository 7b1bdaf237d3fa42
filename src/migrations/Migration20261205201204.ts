import { Migration } from '@mikro-orm/migrations';

/**
 * Progress and provenance, and a line's history (docs/domain.md, "Progress and provenance" and "A line's
 * history"): who counted a line and when (null until counted: lines counted before this migration stay
 * uncounted until their next count, since when and by whom is not known), and the line_history table, kept
 * with its line for the stocktake's life.
 */
export class Migration20261205201204 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "line_change_kind" as enum ('COUNT', 'PURCHASES_VALUE', 'MOVEMENT_ADDED', 'MOVEMENT_UPDATED', 'MOVEMENT_DELETED');`,
    );
    this.addSql(
      `create table "line_history" ("id" bigserial primary key, "line_id" int not null, "stocktake_id" int not null, "kind" "line_change_kind" not null, "movement_id" int null, "actor_id" varchar(128) not null, "actor_name" varchar(200) not null, "occurred_at" timestamptz not null, "line_version" int not null, "before" jsonb not null, "after" jsonb not null);`,
    );
    this.addSql(`create index "line_history_line_id_id_index" on "line_history" ("line_id", "id");`);

    this.addSql(
      `alter table "line_history" add constraint "line_history_line_id_foreign" foreign key ("line_id") references "stocktake_line" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "line_history" add constraint "line_history_stocktake_id_foreign" foreign key ("stocktake_id") references "stocktake" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "stocktake_line" add column "counted_at" timestamptz null, add column "counted_by_id" varchar(128) null, add column "counted_by_name" varchar(200) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "line_history" cascade;`);

    this.addSql(
      `alter table "stocktake_line" drop column "counted_at", drop column "counted_by_id", drop column "counted_by_name";`,
    );

    this.addSql(`drop type "line_change_kind";`);
  }
}

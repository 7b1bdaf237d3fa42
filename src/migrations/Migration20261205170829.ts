import { Migration } from '@mikro-orm/migrations';

/**
 * History epochs (docs/realtime.md, "Positions and epochs"): the seed table, the function that derives each
 * epoch from it and from what a restore changes, and the triggers that draw a new seed when sequences restart.
 */
export class Migration20261205170829 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "history_epoch" ("id" smallint not null, "seed" uuid not null, "rotated_at" timestamptz not null, constraint "history_epoch_pkey" primary key ("id"));`,
    );
    this.addSql(`insert into "history_epoch" ("id", "seed", "rotated_at") values (1, gen_random_uuid(), now());`);

    // What a restore changes, mixed with the seed: the database's oid (a dump restored into a new database, or
    // CREATE DATABASE … TEMPLATE), the outbox table's oid (pg_restore --clean, a recreated schema), the cluster's
    // system identifier (a new cluster) and its timeline (a point-in-time restore, a promoted standby). The
    // control functions may be revoked on managed services: then the epoch does without them. Stable, so one
    // statement computes it once; plpgsql plans the guarded reads only when they run.
    this.addSql(`create function "current_history_epoch"() returns text language plpgsql stable as $body$
declare
  seed text;
  cluster text := '';
  timeline text := '';
begin
  select h.seed::text into seed from history_epoch h where h.id = 1;
  if has_function_privilege('pg_catalog.pg_control_system()', 'execute') then
    select s.system_identifier::text into cluster from pg_catalog.pg_control_system() s;
  end if;
  if pg_catalog.pg_is_in_recovery() then
    if has_function_privilege('pg_catalog.pg_control_checkpoint()', 'execute') then
      select c.timeline_id::text into timeline from pg_catalog.pg_control_checkpoint() c;
    end if;
  elsif has_function_privilege('pg_catalog.pg_current_wal_lsn()', 'execute')
        and has_function_privilege('pg_catalog.pg_walfile_name(pg_lsn)', 'execute') then
    -- The timeline WAL is written on now (the first 8 hex digits of the WAL file name), read from memory.
    timeline := ltrim(substr(pg_catalog.pg_walfile_name(pg_catalog.pg_current_wal_lsn()), 1, 8), '0');
  end if;
  return substr(md5(concat_ws(':', coalesce(seed, 'none'),
    (select d.oid from pg_catalog.pg_database d where d.datname = current_database()),
    to_regclass('outbox_event')::oid, cluster, timeline)), 1, 12);
end
$body$;`);

    // A reset restarts sequences: emptying channel_sequence, or truncating the outbox, draws a new seed.
    this.addSql(`create function "rotate_history_epoch"() returns trigger language plpgsql as $body$
begin
  update history_epoch set seed = gen_random_uuid(), rotated_at = now() where id = 1;
  return null;
end
$body$;`);
    this.addSql(
      `create trigger "channel_sequence_reset" after delete or truncate on "channel_sequence" for each statement execute function "rotate_history_epoch"();`,
    );
    this.addSql(
      `create trigger "outbox_event_reset" after truncate on "outbox_event" for each statement execute function "rotate_history_epoch"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_event_reset" on "outbox_event";`);
    this.addSql(`drop trigger if exists "channel_sequence_reset" on "channel_sequence";`);
    this.addSql(`drop function if exists "rotate_history_epoch"();`);
    this.addSql(`drop function if exists "current_history_epoch"();`);
    this.addSql(`drop table if exists "history_epoch" cascade;`);
  }
}

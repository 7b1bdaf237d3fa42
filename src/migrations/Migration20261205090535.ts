import { Migration } from '@mikro-orm/migrations';

export class Migration20261205090535 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_key" add column "access" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_key" drop column "access";`);
  }
}

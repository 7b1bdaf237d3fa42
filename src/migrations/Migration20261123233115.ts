import { Migration } from '@mikro-orm/migrations';

/** Lines keep the item's uom and size from when they were created (catalogue edits must not rewrite stocktakes). */
export class Migration20261123233115 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "stocktake_line" add column "uom" numeric(10,2) null, add column "size" varchar(50) null;`,
    );
    this.addSql(
      `update "stocktake_line" l set "uom" = i."uom", "size" = i."size" from "stock_item" i where i."id" = l."item_id";`,
    );
    this.addSql(`alter table "stocktake_line" alter column "uom" set not null, alter column "size" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stocktake_line" drop column "uom", drop column "size";`);
  }
}

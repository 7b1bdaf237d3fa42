import { Migration } from '@mikro-orm/migrations';

/** Initial schema: hotels, catalogue, stocktakes, lines and stock movements. */
export class Migration20261123225820 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "stocktake_status" as enum ('DRAFT', 'APPROVED');`);
    this.addSql(
      `create type "movement_type" as enum ('PURCHASE', 'SALE', 'WASTE', 'TRANSFER_IN', 'TRANSFER_OUT', 'ADJUSTMENT');`,
    );
    this.addSql(
      `create table "hotel" ("id" serial primary key, "identifier" varchar(100) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'UTC', "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "hotel" add constraint "hotel_identifier_unique" unique ("identifier");`);

    this.addSql(
      `create table "stock_category" ("code" varchar(1) not null, "name" varchar(50) not null, constraint "stock_category_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "stock_item" ("id" serial primary key, "hotel_id" int not null, "sku" varchar(50) not null, "name" varchar(200) not null, "category_code" varchar(1) not null, "size" varchar(50) not null, "size_value" numeric(10,2) null, "size_unit" varchar(10) not null default '', "uom" numeric(10,2) not null, "unit_cost" numeric(10,4) not null, "menu_price" numeric(10,2) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "stock_item" add constraint "stock_item_hotel_id_sku_unique" unique ("hotel_id", "sku");`);

    this.addSql(
      `create table "stocktake" ("id" serial primary key, "hotel_id" int not null, "period_start" date not null, "period_end" date not null, "status" "stocktake_status" not null default 'DRAFT', "notes" text not null default '', "created_at" timestamptz not null default now(), "approved_at" timestamptz null, "approved_by_id" varchar(128) null, "approved_by_name" varchar(200) null, constraint stocktake_period_order check (period_end >= period_start));`,
    );
    this.addSql(
      `alter table "stocktake" add constraint "stocktake_hotel_id_period_start_period_end_unique" unique ("hotel_id", "period_start", "period_end");`,
    );

    this.addSql(
      `create table "stock_movement" ("id" serial primary key, "hotel_id" int not null, "item_id" int not null, "movement_type" "movement_type" not null, "quantity" numeric(15,4) not null, "unit_cost" numeric(10,4) null, "reference" varchar(100) not null default '', "notes" text not null default '', "staff_id" varchar(128) null, "staff_name" varchar(200) null, "timestamp" timestamptz not null, "approval_of_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "stock_movement_item_id_timestamp_index" on "stock_movement" ("item_id", "timestamp");`);

    this.addSql(
      `create table "stocktake_line" ("id" serial primary key, "stocktake_id" int not null, "item_id" int not null, "opening_qty" numeric(15,4) not null default '0', "purchases" numeric(15,4) not null default '0', "sales_qty" numeric(15,4) not null default '0', "waste" numeric(15,4) not null default '0', "transfers_in" numeric(15,4) not null default '0', "transfers_out" numeric(15,4) not null default '0', "adjustments" numeric(15,4) not null default '0', "manual_purchases_value" numeric(15,2) null, "counted_full_units" numeric(10,2) not null default '0', "counted_partial_units" numeric(10,2) not null default '0', "valuation_cost" numeric(10,4) not null, "version" int not null default 1);`,
    );
    this.addSql(
      `alter table "stocktake_line" add constraint "stocktake_line_stocktake_id_item_id_unique" unique ("stocktake_id", "item_id");`,
    );

    this.addSql(
      `alter table "stock_item" add constraint "stock_item_hotel_id_foreign" foreign key ("hotel_id") references "hotel" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_item" add constraint "stock_item_category_code_foreign" foreign key ("category_code") references "stock_category" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "stocktake" add constraint "stocktake_hotel_id_foreign" foreign key ("hotel_id") references "hotel" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "stock_movement" add constraint "stock_movement_hotel_id_foreign" foreign key ("hotel_id") references "hotel" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_movement" add constraint "stock_movement_item_id_foreign" foreign key ("item_id") references "stock_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_movement" add constraint "stock_movement_approval_of_id_foreign" foreign key ("approval_of_id") references "stocktake" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "stocktake_line" add constraint "stocktake_line_stocktake_id_foreign" foreign key ("stocktake_id") references "stocktake" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stocktake_line" add constraint "stocktake_line_item_id_foreign" foreign key ("item_id") references "stock_item" ("id") on update cascade on delete cascade;`,
    );

    // Categories are fixed reference data shared by every hotel (the SKU's first letter).
    this.addSql(
      `insert into "stock_category" ("code", "name") values ('D', 'Draught Beer'), ('B', 'Bottled Beer'), ('S', 'Spirits'), ('W', 'Wine'), ('M', 'Minerals & Syrups');`,
    );
  }
}

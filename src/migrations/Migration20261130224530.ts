import { Migration } from '@mikro-orm/migrations';
import { deriveLine } from '../domain/line-calculations';
import type { CategoryCode } from '../domain/entities/StockCategory';

interface LineRow {
  id: number;
  category_code: CategoryCode;
  size: string;
  uom: string;
  counted_full_units: string;
  counted_partial_units: string;
  opening_qty: string;
  purchases: string;
  waste: string;
  valuation_cost: string;
}

/**
 * Hardening: lines keep their category and their derived figures (so lists
 * and totals are SQL), the relay fences its publishes with claims, and each
 * channel remembers how far its history was pruned.
 */
export class Migration20261130224530 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "channel_sequence" add column "pruned_through" bigint not null default 0;`);

    await this.execute(
      `alter table "outbox_event" add column "claim_token" uuid null, add column "claimed_until" timestamptz null;`,
    );
    await this.execute(
      `create index "outbox_event_published_index" on "outbox_event" ("published_at") where "published_at" is not null;`,
    );

    await this.execute(
      `alter table "stocktake_line" add column "category_code" varchar(1) null, add column "counted_qty" numeric(24,4) not null default '0', add column "expected_qty" numeric(24,4) not null default '0', add column "variance_qty" numeric(24,4) not null default '0', add column "expected_value" numeric(24,2) not null default '0', add column "counted_value" numeric(24,2) not null default '0', add column "variance_value" numeric(24,2) not null default '0';`,
    );
    await this.execute(
      `update "stocktake_line" l set "category_code" = i."category_code" from "stock_item" i where i."id" = l."item_id";`,
    );
    await this.execute(`alter table "stocktake_line" alter column "category_code" set not null;`);

    // The formulas live in TypeScript (deriveLine), so existing lines are derived here, not in SQL.
    const lines = (await this.execute(
      `select "id", "category_code", "size", "uom"::text, "counted_full_units"::text, "counted_partial_units"::text,
              "opening_qty"::text, "purchases"::text, "waste"::text, "valuation_cost"::text from "stocktake_line"`,
    )) as unknown as LineRow[];
    for (let start = 0; start < lines.length; start += 1_000) {
      const batch = lines.slice(start, start + 1_000).map((row) => ({
        id: row.id,
        ...deriveLine({
          categoryCode: row.category_code,
          size: row.size,
          uom: row.uom,
          countedFullUnits: row.counted_full_units,
          countedPartialUnits: row.counted_partial_units,
          openingQty: row.opening_qty,
          purchases: row.purchases,
          waste: row.waste,
          valuationCost: row.valuation_cost,
        }),
      }));
      await this.execute(
        `update "stocktake_line" l set "counted_qty" = d.counted_qty, "expected_qty" = d.expected_qty, "variance_qty" = d.variance_qty,
                "expected_value" = d.expected_value, "counted_value" = d.counted_value, "variance_value" = d.variance_value
         from jsonb_to_recordset(cast(? as jsonb)) as d("id" int, "counted_qty" numeric, "expected_qty" numeric, "variance_qty" numeric,
                                                         "expected_value" numeric, "counted_value" numeric, "variance_value" numeric)
         where l."id" = d."id"`,
        [
          JSON.stringify(
            batch.map((line) => ({
              id: line.id,
              counted_qty: line.countedQty,
              expected_qty: line.expectedQty,
              variance_qty: line.varianceQty,
              expected_value: line.expectedValue,
              counted_value: line.countedValue,
              variance_value: line.varianceValue,
            })),
          ),
        ],
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "channel_sequence" drop column "pruned_through";`);

    this.addSql(`drop index "outbox_event_published_index";`);
    this.addSql(`alter table "outbox_event" drop column "claim_token", drop column "claimed_until";`);

    this.addSql(
      `alter table "stocktake_line" drop column "category_code", drop column "counted_qty", drop column "expected_qty", drop column "variance_qty", drop column "expected_value", drop column "counted_value", drop column "variance_value";`,
    );
  }
}

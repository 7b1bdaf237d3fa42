/**
 * What the scenarios start from. The catalogue goes in with direct SQL into
 * the migrated schema (a hotel, its stock items, opening stock movements
 * before every period used here); stocktakes are created and populated
 * through the public GraphQL API, as a manager would, so their lines, events
 * and sequences are the product's own.
 */
import type { Pool } from 'pg';
import { graphql } from './api';

export const HOTEL = 'bench-hotel';
export const LARGE_HOTEL = 'bench-large';

/** Opening stock is bought before the first period (the periods are single days from PERIODS_FROM). */
const OPENING_AT = '2026-01-10T12:00:00Z';
const PERIODS_FROM = Date.UTC(2026, 2, 1);

export interface SeededStocktake {
  id: number;
  channel: string;
  lineIds: number[];
}

/** A hotel with `items` stock items (the five categories in turn) and opening stock for three items in four. */
export async function seedHotel(pool: Pool, identifier: string, items: number): Promise<number> {
  const hotel = await pool.query<{ id: number }>(
    `insert into hotel (identifier, name, time_zone) values ($1, $2, 'UTC') returning id`,
    [identifier, `Bench ${identifier}`],
  );
  const hotelId = hotel.rows[0]!.id;
  await pool.query(
    `insert into stock_item (hotel_id, sku, name, category_code, size, uom, unit_cost, menu_price)
     select $1, c.code || lpad(g::text, 5, '0'), 'Bench item ' || g, c.code, c.size, c.uom, c.cost, c.price
     from generate_series(1, $2::int) g
     join (values (0, 'D', '50Lt', 88.00, 180.0000, 5.20),
                  (1, 'B', 'Doz', 12.00, 14.4000, 5.50),
                  (2, 'S', '70cl', 20.00, 25.5000, 6.00),
                  (3, 'W', '75cl', 5.00, 9.5000, 8.00),
                  (4, 'M', 'Doz', 12.00, 6.0000, 3.20)) as c(k, code, size, uom, cost, price) on c.k = g % 5`,
    [hotelId, items],
  );
  await pool.query(
    `insert into stock_movement (hotel_id, item_id, movement_type, quantity, unit_cost, reference, timestamp)
     select hotel_id, id, 'PURCHASE', uom * (1 + id % 7), round(unit_cost / uom, 4), 'Opening stock', $2
     from stock_item where hotel_id = $1 and id % 4 <> 0`,
    [hotelId, OPENING_AT],
  );
  await pool.query(
    `insert into stock_movement (hotel_id, item_id, movement_type, quantity, reference, timestamp)
     select hotel_id, id, 'WASTE', 1 + id % 3, 'Opening breakage', $2
     from stock_item where hotel_id = $1 and id % 10 = 1`,
    [hotelId, OPENING_AT],
  );
  return hotelId;
}

const periodIndex = new Map<string, number>();

function nextPeriod(hotel: string): string {
  const index = periodIndex.get(hotel) ?? 0;
  periodIndex.set(hotel, index + 1);
  return new Date(PERIODS_FROM + index * 86_400_000).toISOString().slice(0, 10);
}

export async function createStocktake(url: string, token: string, hotel: string): Promise<number> {
  const day = nextPeriod(hotel);
  const data = await graphql<{ createStocktake: { id: string } }>(
    url,
    token,
    `
      mutation ($hotel: String!, $input: CreateStocktakeInput!) {
        createStocktake(hotel: $hotel, input: $input) {
          id
        }
      }
    `,
    { hotel, input: { periodStart: day, periodEnd: day } },
  );
  return Number(data.createStocktake.id);
}

export async function populate(url: string, token: string, id: number): Promise<number> {
  const data = await graphql<{ populateStocktake: { linesCreated: number } }>(
    url,
    token,
    `
      mutation ($id: ID!) {
        populateStocktake(id: $id) {
          linesCreated
        }
      }
    `,
    { id },
    120_000,
  );
  return data.populateStocktake.linesCreated;
}

/** `count` stocktakes of `hotel`, created and populated through the API, `parallel` at a time. */
export async function populatedStocktakes(
  url: string,
  token: string,
  pool: Pool,
  hotel: string,
  count: number,
  parallel = 4,
): Promise<SeededStocktake[]> {
  const ids: number[] = [];
  let next = 0;
  const work = async () => {
    while (next < count) {
      next += 1;
      const id = await createStocktake(url, token, hotel);
      await populate(url, token, id);
      ids.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, work));
  ids.sort((a, b) => a - b);
  const lines = await pool.query<{ id: number; stocktake_id: number }>(
    'select id, stocktake_id from stocktake_line where stocktake_id = any($1) order by id',
    [ids],
  );
  return ids.map((id) => ({
    id,
    channel: `${hotel}-stocktake-${id}`,
    lineIds: lines.rows.filter((row) => row.stocktake_id === id).map((row) => row.id),
  }));
}

/** The last sequence of each channel (0 for a channel without events). */
export async function lastSequences(pool: Pool, channels: string[]): Promise<Record<string, number>> {
  const rows = await pool.query<{ channel: string; last_sequence: string }>(
    'select channel, last_sequence from channel_sequence where channel = any($1)',
    [channels],
  );
  const result: Record<string, number> = Object.fromEntries(channels.map((channel) => [channel, 0]));
  for (const row of rows.rows) result[row.channel] = Number(row.last_sequence);
  return result;
}

/** Events committed but not yet accepted by Pusher (nor dead-lettered). */
export async function relayBacklog(pool: Pool): Promise<number> {
  const result = await pool.query<{ n: number }>(
    'select count(*)::int as n from outbox_event where published_at is null and dead_lettered_at is null',
  );
  return result.rows[0]!.n;
}

/** Waits until the relay has delivered everything committed so far (polling the outbox; fails after `timeoutMs`). */
export async function waitRelayDrained(pool: Pool, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  let backlog = await relayBacklog(pool);
  while (backlog > 0) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`the relay still has ${backlog} events after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    backlog = await relayBacklog(pool);
  }
  return performance.now() - started;
}

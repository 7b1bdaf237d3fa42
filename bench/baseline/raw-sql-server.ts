/**
 * B1's yardstick: what a minimal correct implementation of one count update
 * costs on the same database and tables, with no framework at all. A
 * `node:http` server with a `pg` pool of 10 (the app's pool size), answering
 * POST / `{lineId, countedFullUnits, countedPartialUnits}` with one
 * transaction:
 *
 *   BEGIN
 *   lock the line's stocktake (select … for update), check it is a draft
 *   read the line's inputs (and its item's sku and name, for the payload)
 *   update the counts, the six derived figures and version + 1
 *   take the channel's next sequence (upsert on channel_sequence … returning)
 *   insert the outbox row (a payload like the app's line-counted-updated)
 *   COMMIT
 *
 * The derived figures follow deriveLine (src/domain/line-calculations.ts)
 * in BigInt fixed point. The outbox row is written as already published
 * (`published_at` = `occurred_at`): the app's relay runs on the same
 * database, and would otherwise spend the app process's CPU publishing the
 * baseline's events during the baseline's rounds. (It costs the same: the
 * row enters the published-rows partial index instead of the pending one.)
 *
 * As the issue describes it, the statements go unnamed (parsed and planned
 * on every call). `start({ prepared: true })` names them, as the app does
 * with its hot statements (src/persistence/sql.ts), so B1 also shows the app
 * against a baseline that prepares. Forked by the orchestrator: `start`
 * answers with the port and pid; its CPU is read from /proc like the app's.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type PoolClient } from 'pg';
import { serve } from '../lib/rpc';

// ---- fixed-point decimals: a BigInt of units of 10^-scale ------------------

interface Fixed {
  units: bigint;
  scale: number;
}

function parse(text: string): Fixed {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { units, scale: fraction.length };
}

function rescale(value: Fixed, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

const add = (a: Fixed, b: Fixed): Fixed => {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
};
const neg = (a: Fixed): Fixed => ({ units: -a.units, scale: a.scale });
const sub = (a: Fixed, b: Fixed): Fixed => add(a, neg(b));
const mul = (a: Fixed, b: Fixed): Fixed => ({ units: a.units * b.units, scale: a.scale + b.scale });

/** Rounds to `places` (half up, or half even) and formats with exactly that many places. */
function format(value: Fixed, places: number, halfEven = false): string {
  let units: bigint;
  if (value.scale <= places) units = rescale(value, places);
  else {
    const divisor = 10n ** BigInt(value.scale - places);
    const negative = value.units < 0n;
    const magnitude = negative ? -value.units : value.units;
    let quotient = magnitude / divisor;
    const twice = (magnitude % divisor) * 2n;
    if (twice > divisor || (twice === divisor && (!halfEven || quotient % 2n === 1n))) quotient += 1n;
    units = negative ? -quotient : quotient;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && units !== 0n ? `-${text}` : text;
}

interface LineRow {
  id: number;
  stocktake_id: number;
  item_id: number;
  category_code: string;
  size: string;
  uom: string;
  opening_qty: string;
  purchases: string;
  waste: string;
  valuation_cost: string;
  sku: string;
  name: string;
}

function derive(line: LineRow, full: string, partial: string) {
  const uom = parse(line.uom);
  const servingsPartial = line.category_code === 'D' || line.size.includes('Doz') || /LT/i.test(line.size);
  const counted = servingsPartial
    ? add(mul(parse(full), uom), parse(partial))
    : mul(add(parse(full), parse(partial)), uom);
  const expected = sub(add(parse(line.opening_qty), parse(line.purchases)), parse(line.waste));
  const cost = parse(line.valuation_cost);
  const expectedValue = mul(expected, cost);
  const countedValue = mul(counted, cost);
  return {
    counted_qty: format(counted, 4),
    expected_qty: format(expected, 4),
    variance_qty: format(sub(counted, expected), 4),
    expected_value: format(expectedValue, 2, true),
    counted_value: format(countedValue, 2, true),
    variance_value: format(sub(countedValue, expectedValue), 2, true),
  };
}

// ---- the count update ------------------------------------------------------

/** `start({ prepared: true })` names every statement, so PostgreSQL parses and plans each once per connection. */
let prepared = false;
const names = new Map<string, string>();

function query<T extends object = object>(client: PoolClient, text: string, values: unknown[]) {
  if (!prepared) return client.query<T>(text, values);
  let name = names.get(text);
  if (!name) names.set(text, (name = `baseline_${names.size + 1}`));
  return client.query<T>({ name, text, values });
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const COUNT = /^\d{1,8}(\.\d{1,2})?$/;

async function updateCount(pool: Pool, lineId: number, full: string, partial: string) {
  if (!Number.isInteger(lineId) || !COUNT.test(full) || !COUNT.test(partial)) throw new HttpError(400, 'bad input');
  const client: PoolClient = await pool.connect();
  try {
    await client.query('begin');
    const locked = await query<{ id: number; status: string; identifier: string }>(
      client,
      `select s.id, s.status, h.identifier from stocktake s join hotel h on h.id = s.hotel_id
       where s.id = (select stocktake_id from stocktake_line where id = $1) for update of s`,
      [lineId],
    );
    const stocktake = locked.rows[0];
    if (!stocktake) throw new HttpError(404, 'no such line');
    if (stocktake.status !== 'DRAFT') throw new HttpError(409, 'the stocktake is approved');
    const read = await query<LineRow>(
      client,
      `select l.id, l.stocktake_id, l.item_id, l.category_code, l.size, l.uom::text, l.opening_qty::text,
              l.purchases::text, l.waste::text, l.valuation_cost::text, i.sku, i.name
       from stocktake_line l join stock_item i on i.id = l.item_id where l.id = $1`,
      [lineId],
    );
    const line = read.rows[0]!;
    const derived = derive(line, full, partial);
    const updated = await query<{ version: number }>(
      client,
      `update stocktake_line set counted_full_units = $2, counted_partial_units = $3, counted_qty = $4,
              expected_qty = $5, variance_qty = $6, expected_value = $7, counted_value = $8, variance_value = $9,
              version = version + 1
       where id = $1 returning version`,
      [
        lineId,
        full,
        partial,
        derived.counted_qty,
        derived.expected_qty,
        derived.variance_qty,
        derived.expected_value,
        derived.counted_value,
        derived.variance_value,
      ],
    );
    const version = updated.rows[0]!.version;
    const channel = `${stocktake.identifier}-stocktake-${stocktake.id}`;
    const sequence = await query<{ last_sequence: string }>(
      client,
      `insert into channel_sequence (channel, last_sequence) values ($1, 1)
       on conflict (channel) do update set last_sequence = channel_sequence.last_sequence + 1
       returning last_sequence`,
      [channel],
    );
    const eventId = randomUUID();
    const occurredAt = new Date().toISOString();
    const payload = {
      line_id: lineId,
      item_sku: line.sku,
      line: {
        id: lineId,
        stocktake: line.stocktake_id,
        item: line.item_id,
        item_sku: line.sku,
        item_name: line.name,
        category_code: line.category_code,
        item_size: line.size,
        item_uom: line.uom,
        opening_qty: line.opening_qty,
        purchases: line.purchases,
        waste: line.waste,
        counted_full_units: full,
        counted_partial_units: partial,
        valuation_cost: line.valuation_cost,
        ...derived,
        version,
      },
    };
    await query(
      client,
      `insert into outbox_event (event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at,
                                 published_at)
       values ($1, $2, $3, 'line-counted-updated', $4, $5, $6, $7, $8, $8)`,
      [
        eventId,
        channel,
        sequence.rows[0]!.last_sequence,
        stocktake.identifier,
        stocktake.id,
        JSON.stringify(payload),
        JSON.stringify({ id: 'bench-manager', name: 'Bench Manager' }),
        occurredAt,
      ],
    );
    await client.query('commit');
    return { id: lineId, version, counted_qty: derived.counted_qty };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

let server: http.Server | undefined;
let pool: Pool | undefined;

serve({
  async start(params: { databaseUrl: string; prepared?: boolean }) {
    prepared = params.prepared ?? false;
    const db = new Pool({ connectionString: params.databaseUrl, max: 10 });
    pool = db;
    server = http.createServer((request, response) => {
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        response.end(text);
      };
      if (request.method !== 'POST') return reply(405, { error: 'POST only' });
      readBody(request)
        .then((text) => {
          const input = JSON.parse(text) as { lineId: number; countedFullUnits: string; countedPartialUnits: string };
          return updateCount(db, input.lineId, input.countedFullUnits, input.countedPartialUnits);
        })
        .then(
          (result) => reply(200, result),
          (error: unknown) =>
            reply(error instanceof HttpError ? error.status : 500, { error: (error as Error).message }),
        );
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, pid: process.pid };
  },
  /** The figures for a line, for checking against the app's (deriveLine). */
  derive(params: { line: LineRow; full: string; partial: string }) {
    return derive(params.line, params.full, params.partial);
  },
  async stop() {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await pool?.end();
  },
});

/**
 * The database goes away under a running server and comes back: while it is
 * gone every request gets a retryable SERVICE_UNAVAILABLE (HTTP 503) that
 * names no host, /readyz says 503 while /healthz stays 200, and afterwards
 * the server carries on by itself with nothing lost. The test runs its own
 * embedded PostgreSQL so that it can stop and start it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateStocktakeDocument, StocktakesDocument, UpdateStocktakeDocument } from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { startControlledPostgres, type ControlledPostgres } from './support/postgres-control';
import { legacyFrontend } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(90_000);

let dir: string;
let postgres: ControlledPostgres;
let t: TestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stocktake-outage-'));
  postgres = await startControlledPostgres(dir);
  t = await startTestApp({ database: { url: postgres.url('outage'), seed: true } });
});
afterAll(async () => {
  await t?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function probe(path: string) {
  const response = await fetch(`http://127.0.0.1:${t.port}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

it('answers SERVICE_UNAVAILABLE while the database is down, and recovers by itself with nothing lost', async () => {
  const before = ok(
    await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2031-05-01', periodEnd: '2031-05-31' },
    }),
  ).createStocktake;
  const browser = await legacyFrontend(t);
  try {
    const listEvents = await browser.listen(`${HOTEL}-stocktakes`);
    expect(await probe('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: { ok: true }, relay: { ok: true } } },
    });

    await postgres.stop();

    const down = await t.post({ query: `{ stocktakes(hotel: "${HOTEL}") { nodes { id } } }` });
    expect({ status: down.status, retryAfter: down.headers.get('retry-after'), errors: down.json!.errors }).toEqual({
      status: 503,
      retryAfter: '5',
      errors: [
        expect.objectContaining({
          message: 'The database cannot be reached right now; retry shortly',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
        }),
      ],
    });
    expect(down.text).not.toContain('127.0.0.1');
    expect(down.text).not.toContain(String(postgres.port));

    const refusedWrite = await t.graphql(UpdateStocktakeDocument, {
      id: before.id,
      input: { notes: 'written during the outage' },
    });
    expect(refusedWrite.errors!.map((error) => error.extensions!.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await probe('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const notReady = await probe('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable', checks: { database: { ok: false } } });

    postgres = await startControlledPostgres(dir, postgres.port);

    await waitUntil(async () => (await probe('/readyz')).status === 200, 'readiness to come back', 30_000);
    const after = ok(
      await t.graphql(CreateStocktakeDocument, {
        hotel: HOTEL,
        input: { periodStart: '2031-06-01', periodEnd: '2031-06-30' },
      }),
    ).createStocktake;
    const listed = ok(await t.graphql(StocktakesDocument, { hotel: HOTEL })).stocktakes.nodes;
    expect(listed.map((stocktake) => [stocktake.id, stocktake.notes])).toEqual([
      [after.id, ''],
      [before.id, ''],
    ]);
    // The list channel carries on with the next sequence: nothing was lost or sent twice.
    const [created] = await listEvents.waitFor(1, 30_000);
    expect(created).toMatchObject({
      event: 'stocktake-created',
      data: { id: Number(after.id), meta: { sequence: 2 } },
    });
  } finally {
    browser.close();
  }
});

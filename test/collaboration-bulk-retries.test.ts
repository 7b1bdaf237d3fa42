/**
 * Bulk counts and safe retries (docs/collaboration.md) with real clients on
 * both transports: a bulk update larger than Pusher's size limit reaches
 * pusher-js in parts that reassemble to exactly the lines updated (and
 * graphql-ws as one event), a refused bulk update changes and emits nothing,
 * and a retried addLineMovement (same idempotency key) is recorded once,
 * over HTTP and over graphql-ws, even when the duplicates race.
 */
import { print } from 'graphql';
import {
  AddLineMovementDocument,
  CreateStockItemDocument,
  LineMovementsDocument,
  StocktakeLineDocument,
  UpdateStocktakeLinesDocument,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { metaOf } from './support/payload-matchers';
import { pusherLineOf } from './support/pusher-line';
import { expectNothingMore, graphqlSubscriber } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';
import { watchedStocktake as watchStocktake } from './support/watched-stocktake';

jest.setTimeout(30_000);

const PUSHER_LIMIT = 10_240;
const closers = closeAfterEach();
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  // Enough items that every line's full object together is several times Pusher's limit.
  for (let index = 0; index < 30; index += 1) {
    ok(
      await t.graphql(CreateStockItemDocument, {
        hotel: HOTEL,
        input: {
          sku: `B${String(5000 + index)}`,
          name: `Bulk Bottle ${index}`,
          size: 'Doz',
          uom: '12.00',
          unitCost: '1.5000',
        },
      }),
    );
  }
});
afterAll(() => t.close());

/** A populated stocktake followed by a graphql-ws screen and a pusher-js screen. */
const watchedStocktake = () => watchStocktake(t, closers);

describe('updateStocktakeLines', () => {
  it('counts every line at once; pusher-js gets bulk-lines-updated in parts under 10,240 bytes that reassemble to exactly the lines updated', async () => {
    const { id, lines, channel, events, pusher } = await watchedStocktake();
    expect(lines.length).toBeGreaterThan(30);
    const updated = ok(
      await t.graphql(UpdateStocktakeLinesDocument, {
        stocktakeId: id,
        lines: lines.map((line, index) => ({
          lineId: line.id,
          countedFullUnits: String(index + 1),
          countedPartialUnits: '0.5',
          expectedVersion: line.version,
        })),
      }),
    ).updateStocktakeLines;
    expect(updated.map((line) => [line.id, line.countedFullUnits, line.countedPartialUnits, line.version])).toEqual(
      lines.map((line, index) => [line.id, `${index + 1}.00`, '0.50', line.version + 1]),
    );

    // graphql-ws: one typed event with every line.
    const [event] = await events.waitFor(1);
    expect(event!.data!.stocktakeEvents).toMatchObject({
      __typename: 'BulkLinesUpdatedEvent',
      name: 'bulk-lines-updated',
      sequence: 2,
      stocktakeId: id,
      linesUpdated: lines.length,
      lines: updated.map((line) => ({ id: line.id, countedFullUnits: line.countedFullUnits, version: line.version })),
    });

    // Pusher: parts, each under the limit, together exactly the lines.
    await pusher.waitFor(1);
    const parts = pusher.items[0]!.data.parts as number;
    expect(parts).toBeGreaterThan(1);
    const received = await pusher.waitFor(parts);
    const accepted = t.faults.accepted.filter((published) => published.channel === channel).slice(1);
    expect(accepted).toHaveLength(parts);
    for (const published of accepted) expect(Buffer.byteLength(published.data)).toBeLessThan(PUSHER_LIMIT);
    const byPart = [...received].sort((a, b) => (a.data.part as number) - (b.data.part as number));
    let offset = 0;
    for (const [index, part] of byPart.entries()) {
      const share = part.data.lines as unknown[];
      expect(part).toEqual({
        channel,
        event: 'bulk-lines-updated',
        data: {
          stocktake_id: Number(id),
          lines_updated: lines.length,
          part: index + 1,
          parts,
          lines: updated.slice(offset, offset + share.length).map(pusherLineOf),
          // Every part carries the progress after the whole update: all 36 lines counted.
          progress: {
            counted_lines: 36,
            total_lines: 36,
            counted_value: '14022.04',
            variance_value_counted: '13678.84',
          },
          meta: metaOf(2),
        },
      });
      expect(share.length).toBeGreaterThan(0);
      offset += share.length;
    }
    expect(offset).toBe(updated.length);
  });

  it('is all or nothing: one stale or invalid line refuses the whole update with per-line errors, and nothing changes or is emitted', async () => {
    const { id, lines, events, pusher } = await watchedStocktake();
    const [first, second, third] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    const stale = await t.graphql(UpdateStocktakeLinesDocument, {
      stocktakeId: id,
      lines: [
        { lineId: first.id, countedFullUnits: '5', expectedVersion: first.version },
        { lineId: second.id, countedFullUnits: '6', expectedVersion: second.version + 5 },
      ],
    });
    expect(stale.errors![0]!.message).toBe('1 of 2 lines were refused; nothing was changed');
    expect(stale.errors![0]!.extensions).toEqual({
      code: 'CONFLICT',
      lineErrors: [
        {
          lineId: second.id,
          code: 'CONFLICT',
          reason: 'STALE_VERSION',
          message: expect.stringContaining(`Line ${second.id} has changed since version`),
          currentVersion: second.version,
          line: expect.objectContaining({ id: Number(second.id), version: second.version }),
        },
      ],
    });
    const invalid = await t.graphql(UpdateStocktakeLinesDocument, {
      stocktakeId: id,
      lines: [
        { lineId: first.id, countedFullUnits: '-1' },
        { lineId: '999999', countedFullUnits: '1' },
        { lineId: third.id, countedFullUnits: '2' },
      ],
    });
    expect(invalid.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      lineErrors: [
        { lineId: first.id, code: 'BAD_USER_INPUT', field: 'countedFullUnits' },
        { lineId: '999999', code: 'NOT_FOUND' },
      ],
    });
    for (const line of [first, second, third]) {
      expect(ok(await t.graphql(StocktakeLineDocument, { id: line.id })).stocktakeLine).toEqual(line);
    }
    await expectNothingMore(
      () =>
        t.graphql(UpdateStocktakeLinesDocument, {
          stocktakeId: id,
          lines: [{ lineId: third.id, countedFullUnits: '2' }],
        }),
      [events, 0],
      [pusher, 0],
    );
    expect(pusher.items[0]!.data).toMatchObject({ lines_updated: 1, part: 1, parts: 1 });
  });
});

describe('idempotency keys', () => {
  const purchase = (lineId: string, quantity = '88') => ({
    lineId,
    input: { movementType: 'PURCHASE' as const, quantity, reference: 'INV-1' },
  });
  const movementsOf = async (lineId: string) =>
    ok(await t.graphql(LineMovementsDocument, { lineId })).lineMovements.filter((m) => m.reference === 'INV-1');

  it('over HTTP: a retried addLineMovement returns the original result and is recorded and emitted once; other input under the key is refused', async () => {
    const { guinness, events, pusher } = await watchedStocktake();
    const key = { headers: { 'Idempotency-Key': 'retry-http-1' } };
    const first = await t.graphql(AddLineMovementDocument, purchase(guinness.id), key);
    const retry = await t.graphql(AddLineMovementDocument, purchase(guinness.id), key);
    expect(retry).toEqual(first);
    expect(ok(first).addLineMovement.line.purchases).toBe('88.0000');
    expect(await movementsOf(guinness.id)).toHaveLength(1);

    const reused = await t.graphql(AddLineMovementDocument, purchase(guinness.id, '1'), key);
    expect(reused.errors![0]!.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: 'retry-http-1' });
    expect(reused.errors![0]!.message).toBe(
      'The idempotency key retry-http-1 was already used for a different request; use a new key for a new request',
    );
    const bad = await t.post(
      { query: print(AddLineMovementDocument), variables: purchase(guinness.id) },
      { headers: { 'Idempotency-Key': 'x'.repeat(201) } },
    );
    expect(bad.status).toBe(400);
    expect(bad.json!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });

    // One event on each transport: a new purchase under a new key is the very next.
    await events.waitFor(1);
    await pusher.waitFor(1);
    await expectNothingMore(
      () => t.graphql(AddLineMovementDocument, purchase(guinness.id, '2'), { headers: { 'Idempotency-Key': 'k-2' } }),
      [events, 1],
      [pusher, 1],
    );
    expect(await movementsOf(guinness.id)).toHaveLength(2);
  });

  it('concurrent duplicates do not both run: one movement, the same answer for all', async () => {
    const { guinness } = await watchedStocktake();
    const key = { headers: { 'Idempotency-Key': 'retry-race-1' } };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.graphql(AddLineMovementDocument, purchase(guinness.id), key)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.errors).toBeUndefined();
    expect(await movementsOf(guinness.id)).toHaveLength(1);
  });

  it('over graphql-ws: extensions.idempotencyKey makes a retried addLineMovement run once', async () => {
    const { guinness, events } = await watchedStocktake();
    const subscriber = graphqlSubscriber(t, await t.token());
    closers.push(() => subscriber.close());
    const send = () =>
      new Promise<unknown>((resolve, reject) => {
        let result: unknown;
        subscriber.client.subscribe(
          {
            query: print(AddLineMovementDocument),
            variables: purchase(guinness.id),
            extensions: { idempotencyKey: 'retry-ws-1' },
          },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
        );
      });
    const first = (await send()) as { data: unknown; errors?: unknown };
    expect(first.errors).toBeUndefined();
    expect(await send()).toEqual(first);
    expect(await movementsOf(guinness.id)).toHaveLength(1);
    await events.waitFor(1);
    await expectNothingMore(() => t.graphql(AddLineMovementDocument, purchase(guinness.id, '3')), [events, 1]);
    // Keys belong to a user: another user's same key is a request of its own.
    const other = await t.token({ user: 'staff-other', name: 'Orla', hotels: { [HOTEL]: 'staff' } });
    ok(
      await t.graphql(AddLineMovementDocument, purchase(guinness.id), {
        token: other,
        headers: { 'Idempotency-Key': 'retry-ws-1' },
      }),
    );
    expect(await movementsOf(guinness.id)).toHaveLength(3);
  });
});

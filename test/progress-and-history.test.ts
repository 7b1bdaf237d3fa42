/**
 * Progress, provenance and a line's history (issue 21; docs/domain.md,
 * "Progress and provenance" and "A line's history"), through the real server:
 * who counted a line and when, the stocktake's progress over counted lines
 * only, live on both transports (graphql-ws and a pusher-js legacy
 * frontend), bulk counts, approval with uncounted lines, and the line's
 * history read a page at a time.
 *
 * Openings in every period used here (fixtures.ts; nothing in this file
 * approves before December 2026, and the only movement is deleted again):
 * Heineken 30 servings (45.00), Guinness 88 (220.00, 2.50 a pint), Heineken
 * Keg 0, tonic 24 (19.20), Jameson 40 (49.00, 1.225 a measure), Old Gin 10
 * (10.00): 6 lines.
 */
import {
  AddLineMovementDocument,
  ApproveCountedDocument,
  CountLineDocument,
  CountLinesDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  LineHistoryDocument,
  PopulateStocktakeDocument,
  ProgressEventsDocument,
  StocktakeLineDocument,
  StocktakeProgressDocument,
  UpdateLineMovementDocument,
  type HistoryFiguresFragment,
  type LineHistoryQuery,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { ISO_Z, metaOf } from './support/payload-matchers';
import { pusherLineOf } from './support/pusher-line';
import { currentSequence, graphqlSubscriber, legacyFrontend, type PusherEvent } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

let t: TestApp;
let staffToken: string;
const STAFF = { id: 'staff-7', name: 'Sam Staff' };
const closers = closeAfterEach();

beforeAll(async () => {
  t = await startTestApp();
  staffToken = await t.token({ user: STAFF.id, name: STAFF.name, hotels: { [HOTEL]: 'staff' } });
});
afterAll(() => t.close());

const detail = (id: string) => `${HOTEL}-stocktake-${id}`;

async function populatedStocktake(periodStart: string, periodEnd: string) {
  const { id } = ok(
    await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } }),
  ).createStocktake;
  ok(await t.graphql(PopulateStocktakeDocument, { id }));
  const { lines } = ok(await t.graphql(StocktakeProgressDocument, { id })).stocktake;
  const bySku = (sku: string) => lines.find((line) => line.itemSku === sku)!;
  return { id, lines, bySku };
}

/** The full line as a client reads it (LineFields), for the exact legacy line object. */
async function fullLine(id: string) {
  return ok(await t.graphql(StocktakeLineDocument, { id })).stocktakeLine;
}

async function live(stocktakeId: string) {
  const channel = detail(stocktakeId);
  const afterSequence = await currentSequence(t, channel, staffToken);
  const subscriber = graphqlSubscriber(t, staffToken);
  closers.push(() => subscriber.close());
  const graphql = subscriber.subscribe(ProgressEventsDocument, { stocktakeId, afterSequence });
  const frontend = await legacyFrontend(t, staffToken);
  closers.push(() => frontend.close());
  const pusher = await frontend.listen(channel);
  return { graphql, pusher, afterSequence };
}

function expectWithin(instant: string | null | undefined, from: number, to: number): void {
  expect(instant).toMatch(ISO_Z);
  const at = Date.parse(instant!);
  expect(at).toBeGreaterThanOrEqual(from);
  expect(at).toBeLessThanOrEqual(to);
}

const progress = (countedLines: number, countedValue: string, varianceValueCounted: string) => ({
  countedLines,
  totalLines: 6,
  countedValue,
  varianceValueCounted,
});
const pusherProgress = (countedLines: number, countedValue: string, varianceValueCounted: string) => ({
  counted_lines: countedLines,
  total_lines: 6,
  counted_value: countedValue,
  variance_value_counted: varianceValueCounted,
});

describe('who counted a line, when, and how far the count has got', () => {
  it('an uncounted line has no countedAt or countedBy, and progress counts nothing before anyone counts', async () => {
    const { id, lines } = await populatedStocktake('2026-01-01', '2026-01-10');
    const stocktake = ok(await t.graphql(StocktakeProgressDocument, { id })).stocktake;
    // Every line's whole expected stock would be variance if uncounted meant zero; progress counts none of it.
    expect(stocktake.progress).toEqual(progress(0, '0.00', '0.00'));
    expect(lines.map((line) => [line.itemSku, line.countedAt, line.countedBy])).toEqual([
      ['B0070', null, null],
      ['D0030', null, null],
      ['D0040', null, null],
      ['M0010', null, null],
      ['S0010', null, null],
      ['S0020', null, null],
    ]);
  });

  it('a count sets countedAt and countedBy and moves progress, in the answer, in queries, on graphql-ws and on Pusher', async () => {
    const { id, bySku } = await populatedStocktake('2026-01-11', '2026-01-20');
    const { graphql, pusher } = await live(id);

    const startedAt = Date.now();
    // Guinness: one keg counted, exactly as expected (88 servings, 220.00).
    const guinness = ok(
      await t.graphql(
        CountLineDocument,
        { id: bySku('D0030').id, input: { countedFullUnits: '1' } },
        { token: staffToken },
      ),
    ).updateStocktakeLine;
    // Jameson: one bottle of the two expected (20 of 40 measures: 24.50 counted, -24.50 variance).
    const jameson = ok(
      await t.graphql(
        CountLineDocument,
        { id: bySku('S0010').id, input: { countedFullUnits: '1' } },
        { token: staffToken },
      ),
    ).updateStocktakeLine;
    const finishedAt = Date.now();

    expectWithin(guinness.countedAt, startedAt, finishedAt);
    expectWithin(jameson.countedAt, Date.parse(guinness.countedAt!), finishedAt);
    expect(guinness).toEqual({
      id: bySku('D0030').id,
      itemSku: 'D0030',
      countedFullUnits: '1.00',
      countedPartialUnits: '0.00',
      countedValue: '220.00',
      varianceValue: '0.00',
      countedAt: guinness.countedAt,
      countedBy: STAFF,
      version: 2,
    });
    expect(jameson).toEqual({
      id: bySku('S0010').id,
      itemSku: 'S0010',
      countedFullUnits: '1.00',
      countedPartialUnits: '0.00',
      countedValue: '24.50',
      varianceValue: '-24.50',
      countedAt: jameson.countedAt,
      countedBy: STAFF,
      version: 2,
    });

    // Read back: the same provenance, and progress over the two counted lines only.
    const read = ok(await t.graphql(StocktakeProgressDocument, { id })).stocktake;
    expect(read.progress).toEqual(progress(2, '244.50', '-24.50'));
    expect(read.lines.find((line) => line.itemSku === 'D0030')).toEqual(guinness);
    expect(read.lines.find((line) => line.itemSku === 'S0010')).toEqual(jameson);
    expect(read.lines.filter((line) => line.countedAt === null).map((line) => line.itemSku)).toEqual([
      'B0070',
      'D0040',
      'M0010',
      'S0020',
    ]);

    // graphql-ws: each count's event carries the line with its provenance and the progress after it.
    const events = await graphql.waitFor(2);
    expect(events.map((event) => event.data?.stocktakeEvents)).toEqual([
      {
        __typename: 'LineCountedUpdatedEvent',
        sequence: 2,
        lineId: guinness.id,
        line: guinness,
        progress: progress(1, '220.00', '0.00'),
      },
      {
        __typename: 'LineCountedUpdatedEvent',
        sequence: 3,
        lineId: jameson.id,
        line: jameson,
        progress: progress(2, '244.50', '-24.50'),
      },
    ]);

    // Pusher: the legacy line object gains counted_at and counted_by, the payload gains progress.
    const guinnessLine = await fullLine(guinness.id);
    const jamesonLine = await fullLine(jameson.id);
    expect(pusherLineOf(guinnessLine)).toMatchObject({ counted_at: guinness.countedAt, counted_by: STAFF });
    const received: PusherEvent[] = await pusher.waitFor(2);
    expect(received).toEqual([
      {
        channel: detail(id),
        event: 'line-counted-updated',
        data: {
          line_id: Number(guinness.id),
          item_sku: 'D0030',
          line: pusherLineOf(guinnessLine),
          progress: pusherProgress(1, '220.00', '0.00'),
          meta: metaOf(2, STAFF),
        },
      },
      {
        channel: detail(id),
        event: 'line-counted-updated',
        data: {
          line_id: Number(jameson.id),
          item_sku: 'S0010',
          line: pusherLineOf(jamesonLine),
          progress: pusherProgress(2, '244.50', '-24.50'),
          meta: metaOf(3, STAFF),
        },
      },
    ]);
  });

  it('changing only the purchases override does not make a line counted; a recount by someone else takes over countedBy', async () => {
    const { id, bySku } = await populatedStocktake('2026-01-21', '2026-01-31');
    const heineken = bySku('B0070');
    const overridden = ok(
      await t.graphql(
        CountLineDocument,
        { id: heineken.id, input: { manualPurchasesValue: '10' } },
        { token: staffToken },
      ),
    ).updateStocktakeLine;
    expect({ countedAt: overridden.countedAt, countedBy: overridden.countedBy }).toEqual({
      countedAt: null,
      countedBy: null,
    });
    const counted = ok(
      await t.graphql(CountLineDocument, { id: heineken.id, input: { countedFullUnits: '2' } }, { token: staffToken }),
    ).updateStocktakeLine;
    expect(counted.countedBy).toEqual(STAFF);
    const recounted = ok(
      await t.graphql(CountLineDocument, { id: heineken.id, input: { countedFullUnits: '2' } }),
    ).updateStocktakeLine;
    expect(recounted.countedBy).toEqual({ id: 'manager-1', name: 'Mary Manager' });
    expect(Date.parse(recounted.countedAt!)).toBeGreaterThanOrEqual(Date.parse(counted.countedAt!));
    expect(ok(await t.graphql(StocktakeProgressDocument, { id })).stocktake.progress.countedLines).toBe(1);
    // The line's history tells the override from the counts.
    const { edges } = ok(
      await t.graphql(LineHistoryDocument, { lineId: heineken.id, first: 5 }, { token: staffToken }),
    ).lineHistory;
    expect(edges.map(({ node }) => [node.kind, node.by.id])).toEqual([
      ['COUNT', 'manager-1'],
      ['COUNT', STAFF.id],
      ['PURCHASES_VALUE', STAFF.id],
    ]);
  });
});

describe('a bulk count', () => {
  it('stamps every line it counts, and its one event carries the lines and the progress on both transports', async () => {
    const { id, bySku } = await populatedStocktake('2026-02-01', '2026-02-28');
    const { graphql, pusher } = await live(id);

    const startedAt = Date.now();
    const counted = ok(
      await t.graphql(
        CountLinesDocument,
        {
          stocktakeId: id,
          lines: [
            { lineId: bySku('D0030').id, countedFullUnits: '1' },
            { lineId: bySku('S0010').id, countedFullUnits: '1' },
          ],
        },
        { token: staffToken },
      ),
    ).updateStocktakeLines;
    const finishedAt = Date.now();

    expect(counted.map((line) => [line.itemSku, line.countedBy, line.countedValue, line.varianceValue])).toEqual([
      ['D0030', STAFF, '220.00', '0.00'],
      ['S0010', STAFF, '24.50', '-24.50'],
    ]);
    for (const line of counted) expectWithin(line.countedAt, startedAt, finishedAt);
    // One change, one instant: every line of a bulk count is stamped alike.
    expect(counted[1]!.countedAt).toBe(counted[0]!.countedAt);
    expect(ok(await t.graphql(StocktakeProgressDocument, { id })).stocktake.progress).toEqual(
      progress(2, '244.50', '-24.50'),
    );

    // Each line's history has the bulk count as an entry of its own, at the instant the line was stamped.
    for (const line of counted) {
      const { edges } = ok(
        await t.graphql(LineHistoryDocument, { lineId: line.id, first: 5 }, { token: staffToken }),
      ).lineHistory;
      expect(
        edges.map(({ node }) => ({ kind: node.kind, by: node.by, at: node.at, version: node.lineVersion })),
      ).toEqual([{ kind: 'COUNT', by: STAFF, at: line.countedAt, version: line.version }]);
      expect(edges[0]!.node.after.countedFullUnits).toBe('1.00');
      expect(edges[0]!.node.before.countedFullUnits).toBe('0.00');
    }

    const [event] = await graphql.waitFor(1);
    expect(event!.data?.stocktakeEvents).toEqual({
      __typename: 'BulkLinesUpdatedEvent',
      sequence: 2,
      linesUpdated: 2,
      lines: counted,
      progress: progress(2, '244.50', '-24.50'),
    });
    const [bulk] = await pusher.waitFor(1);
    expect(bulk).toEqual({
      channel: detail(id),
      event: 'bulk-lines-updated',
      data: {
        stocktake_id: Number(id),
        lines_updated: 2,
        part: 1,
        parts: 1,
        lines: [pusherLineOf(await fullLine(counted[0]!.id)), pusherLineOf(await fullLine(counted[1]!.id))],
        progress: pusherProgress(2, '244.50', '-24.50'),
        meta: metaOf(2, STAFF),
      },
    });
  });
});

// ---- a line's history --------------------------------------------------------------------------

/** A line's figures as a history entry shows them; only what the Guinness line's changes move varies. */
function guinnessFigures(f: {
  full: string;
  partial: string;
  counted: string;
  purchases: string;
  expected: string;
  variance: string;
  countedValue: string;
  varianceValue: string;
}): HistoryFiguresFragment {
  return {
    countedFullUnits: f.full,
    countedPartialUnits: f.partial,
    countedQty: f.counted,
    manualPurchasesValue: null,
    purchases: f.purchases,
    waste: '0.0000',
    salesQty: '0.0000',
    transfersIn: '0.0000',
    transfersOut: '0.0000',
    adjustments: '0.0000',
    expectedQty: f.expected,
    varianceQty: f.variance,
    countedValue: f.countedValue,
    varianceValue: f.varianceValue,
  };
}

type HistoryPage = LineHistoryQuery['lineHistory'];

describe("a line's history", () => {
  let lineId: string;
  let movementId: string;
  const changedAt: { from: number; to: number } = { from: 0, to: 0 };

  beforeAll(async () => {
    const { bySku } = await populatedStocktake('2026-03-01', '2026-03-31');
    lineId = bySku('D0030').id;
    const count = (input: { countedFullUnits?: string; countedPartialUnits?: string }, token?: string) =>
      t.graphql(CountLineDocument, { id: lineId, input }, { token: token ?? staffToken }).then(ok);
    changedAt.from = Date.now();
    await count({ countedFullUnits: '1' }); // v2: 88 counted, as expected
    await count({ countedPartialUnits: '40' }); // v3: 128 counted, 40 over
    movementId = ok(
      await t.graphql(AddLineMovementDocument, { lineId, input: { movementType: 'PURCHASE', quantity: '88' } }),
    ).addLineMovement.movement.id; // v4: 176 expected, 48 short
    ok(await t.graphql(UpdateLineMovementDocument, { lineId, movementId, input: { quantity: '44' } })); // v5
    ok(await t.graphql(DeleteLineMovementDocument, { lineId, movementId })); // v6: back to 88 expected
    await count({ countedPartialUnits: '0' }); // v7: 88 counted
    await count({ countedFullUnits: '2' }, await t.token()); // v8: 176 counted, by the manager
    changedAt.to = Date.now();
  });

  async function page(first: number, after?: string | null, token?: string): Promise<HistoryPage> {
    return ok(await t.graphql(LineHistoryDocument, { lineId, first, after }, { token: token ?? staffToken }))
      .lineHistory;
  }

  it('records every count and movement change, newest first, with who, when, what kind, and the figures before and after', async () => {
    const { edges, pageInfo } = await page(10);
    expect(pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges.at(-1)!.cursor,
    });
    const entries = edges.map((edge) => edge.node);
    for (const entry of entries) expectWithin(entry.at, changedAt.from, changedAt.to);
    const MANAGER = { id: 'manager-1', name: 'Mary Manager' };
    const exact = (counted: string, countedValue: string) => ({ counted, countedValue });
    const asExpected = guinnessFigures({
      full: '1.00',
      partial: '0.00',
      ...exact('88.0000', '220.00'),
      purchases: '0.0000',
      expected: '88.0000',
      variance: '0.0000',
      varianceValue: '0.00',
    });
    const fortyOver = guinnessFigures({
      full: '1.00',
      partial: '40.00',
      ...exact('128.0000', '320.00'),
      purchases: '0.0000',
      expected: '88.0000',
      variance: '40.0000',
      varianceValue: '100.00',
    });
    const withPurchase = (purchases: string, expected: string, variance: string, varianceValue: string) =>
      guinnessFigures({
        full: '1.00',
        partial: '40.00',
        ...exact('128.0000', '320.00'),
        purchases,
        expected,
        variance,
        varianceValue,
      });
    expect(entries.map(({ at: _at, id: _id, ...entry }) => entry)).toEqual([
      {
        lineId,
        kind: 'COUNT',
        movementId: null,
        by: MANAGER,
        lineVersion: 8,
        before: asExpected,
        after: guinnessFigures({
          full: '2.00',
          partial: '0.00',
          ...exact('176.0000', '440.00'),
          purchases: '0.0000',
          expected: '88.0000',
          variance: '88.0000',
          varianceValue: '220.00',
        }),
      },
      { lineId, kind: 'COUNT', movementId: null, by: STAFF, lineVersion: 7, before: fortyOver, after: asExpected },
      {
        lineId,
        kind: 'MOVEMENT_DELETED',
        movementId,
        by: MANAGER,
        lineVersion: 6,
        before: withPurchase('44.0000', '132.0000', '-4.0000', '-10.00'),
        after: fortyOver,
      },
      {
        lineId,
        kind: 'MOVEMENT_UPDATED',
        movementId,
        by: MANAGER,
        lineVersion: 5,
        before: withPurchase('88.0000', '176.0000', '-48.0000', '-120.00'),
        after: withPurchase('44.0000', '132.0000', '-4.0000', '-10.00'),
      },
      {
        lineId,
        kind: 'MOVEMENT_ADDED',
        movementId,
        by: MANAGER,
        lineVersion: 4,
        before: fortyOver,
        after: withPurchase('88.0000', '176.0000', '-48.0000', '-120.00'),
      },
      { lineId, kind: 'COUNT', movementId: null, by: STAFF, lineVersion: 3, before: asExpected, after: fortyOver },
      {
        lineId,
        kind: 'COUNT',
        movementId: null,
        by: STAFF,
        lineVersion: 2,
        before: guinnessFigures({
          full: '0.00',
          partial: '0.00',
          ...exact('0.0000', '0.00'),
          purchases: '0.0000',
          expected: '88.0000',
          variance: '-88.0000',
          varianceValue: '-220.00',
        }),
        after: asExpected,
      },
    ]);
    // The line's own provenance is its last count's.
    const line = await fullLine(lineId);
    expect({ countedAt: line.countedAt, countedBy: line.countedBy }).toEqual({
      countedAt: entries[0]!.at,
      countedBy: MANAGER,
    });
  });

  it('pages with first and after through several pages, each page after the last one read', async () => {
    const whole = (await page(10)).edges.map((edge) => edge.node.lineVersion);
    const first = await page(3);
    const second = await page(3, first.pageInfo.endCursor);
    const third = await page(3, second.pageInfo.endCursor);
    expect([first, second, third].map((p) => p.edges.map((edge) => edge.node.lineVersion))).toEqual([
      [8, 7, 6],
      [5, 4, 3],
      [2],
    ]);
    expect([first, second, third].map((p) => p.pageInfo)).toEqual([
      {
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: first.edges[0]!.cursor,
        endCursor: first.edges[2]!.cursor,
      },
      {
        hasNextPage: true,
        hasPreviousPage: true,
        startCursor: second.edges[0]!.cursor,
        endCursor: second.edges[2]!.cursor,
      },
      {
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: third.edges[0]!.cursor,
        endCursor: third.edges[0]!.cursor,
      },
    ]);
    expect(whole).toEqual([8, 7, 6, 5, 4, 3, 2]);
    // Any edge's cursor is a place to continue from.
    expect((await page(2, first.edges[0]!.cursor)).edges.map((edge) => edge.node.lineVersion)).toEqual([7, 6]);
  });

  it("refuses another hotel's user exactly as for a line that does not exist, and cursors that are not this line's", async () => {
    const galway = await t.token({ user: 'galway-1', name: 'Gina Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
    const refused = await t.graphql(LineHistoryDocument, { lineId, first: 5 }, { token: galway });
    const missing = await t.graphql(LineHistoryDocument, { lineId: '999999', first: 5 }, { token: staffToken });
    const readingTheLine = await t.graphql(StocktakeLineDocument, { id: lineId }, { token: galway });
    const errorOf = (response: typeof refused) => {
      const [{ message, extensions }] = response.errors! as [{ message: string; extensions?: Record<string, unknown> }];
      return { message: message.replace(/\d+/, 'N'), code: extensions?.code, data: response.data ?? null };
    };
    expect(errorOf(refused)).toEqual({ message: 'StocktakeLine N not found', code: 'NOT_FOUND', data: null });
    expect(errorOf(refused)).toEqual(errorOf(missing));
    expect(refused.errors![0]!.message).toBe(readingTheLine.errors![0]!.message);

    const otherLine = (await populatedStocktake('2026-04-01', '2026-04-30')).bySku('D0030').id;
    ok(await t.graphql(CountLineDocument, { id: otherLine, input: { countedFullUnits: '1' } }, { token: staffToken }));
    const otherCursor = ok(await t.graphql(LineHistoryDocument, { lineId: otherLine, first: 1 }, { token: staffToken }))
      .lineHistory.pageInfo.endCursor!;
    for (const after of [otherCursor, 'not-a-cursor']) {
      const response = await t.graphql(LineHistoryDocument, { lineId, first: 2, after }, { token: staffToken });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.data ?? null).toBeNull();
    }
    for (const first of [0, 101]) {
      const response = await t.graphql(LineHistoryDocument, { lineId, first }, { token: staffToken });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

// ---- approval with uncounted lines ------------------------------------------------------------

describe('approving with lines not counted', () => {
  it('is allowed, and the answer and the event (both transports) say how many lines were not counted', async () => {
    const { id, bySku } = await populatedStocktake('2026-12-01', '2026-12-31');
    ok(await t.graphql(CountLineDocument, { id: bySku('D0030').id, input: { countedFullUnits: '1' } }));
    const { graphql, pusher } = await live(id);

    const approved = ok(await t.graphql(ApproveCountedDocument, { id })).approveStocktake;
    // Heineken, tonic, Jameson and Old Gin have a variance (uncounted: zero); Guinness and the empty keg do not.
    expect(approved).toEqual({
      adjustmentsCreated: 4,
      uncountedLines: 5,
      stocktake: { id, status: 'APPROVED', progress: progress(1, '220.00', '0.00') },
    });

    const [event] = await graphql.waitFor(1);
    expect(event!.data?.stocktakeEvents).toEqual({
      __typename: 'StocktakeStatusChangedEvent',
      sequence: 3,
      status: 'APPROVED',
      adjustmentsCreated: 4,
      uncountedLines: 5,
    });
    const [status] = await pusher.waitFor(1);
    expect(status).toEqual({
      channel: detail(id),
      event: 'stocktake-status-changed',
      data: {
        stocktake_id: Number(id),
        status: 'APPROVED',
        adjustments_created: 4,
        uncounted_lines: 5,
        stocktake: expect.objectContaining({ id: Number(id), status: 'APPROVED', total_lines: 6 }),
        meta: metaOf(3),
      },
    });
  });
});

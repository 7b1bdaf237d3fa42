/**
 * A hotel's stocktake list, as a list screen loads it: newest period first, a
 * page at a time (a Relay-style connection: docs/api-conventions.md, "Paged
 * lists"), each with its line count and totals (summed in SQL from the lines,
 * which are loaded only when the query asks for them).
 */
import {
  AddLineMovementDocument,
  CreateStocktakeDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeLinesPageDocument,
  StocktakePageDocument,
  StocktakesWithLinesDocument,
  UpdateStocktakeLineDocument,
  type PageInfo,
  type StocktakeLinesPageQuery,
} from './__generated__/graphql';
import { formatFixed, sumFixed } from '../src/domain/fixed-point';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

let t: TestApp;
const created: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  // Five stocktakes, created out of period order; two populated and counted.
  for (const month of ['03', '01', '05', '02', '04']) {
    created.push(
      ok(
        await t.graphql(CreateStocktakeDocument, {
          hotel: HOTEL,
          input: { periodStart: `2032-${month}-01`, periodEnd: `2032-${month}-28` },
        }),
      ).createStocktake.id,
    );
  }
  for (const id of [created[0]!, created[2]!]) {
    ok(await t.graphql(PopulateStocktakeDocument, { id }));
    const guinness = ok(await t.graphql(StocktakeDocument, { id })).stocktake.lines.find(
      (line) => line.itemSku === 'D0030',
    )!;
    ok(
      await t.graphql(UpdateStocktakeLineDocument, {
        id: guinness.id,
        input: { countedFullUnits: '1', countedPartialUnits: '10' },
      }),
    );
    ok(
      await t.graphql(AddLineMovementDocument, {
        lineId: guinness.id,
        input: { movementType: 'PURCHASE', quantity: '44' },
      }),
    );
  }
});
afterAll(() => t.close());

/** What a page's pageInfo says, and whether its cursors are its first and last edges'. */
function pageInfoShape({ pageInfo, edges }: { pageInfo: PageInfo; edges: Array<{ cursor: string }> }) {
  return {
    hasNextPage: pageInfo.hasNextPage,
    hasPreviousPage: pageInfo.hasPreviousPage,
    startIsFirstEdge: pageInfo.startCursor === edges[0]!.cursor,
    endIsLastEdge: pageInfo.endCursor === edges.at(-1)!.cursor,
  };
}

it('pages newest period first: first/after walk the whole list once, in order, with pageInfo', async () => {
  const page1 = ok(await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 2 })).stocktakes;
  const page2 = ok(
    await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 2, after: page1.pageInfo.endCursor }),
  ).stocktakes;
  const page3 = ok(
    await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 2, after: page2.pageInfo.endCursor }),
  ).stocktakes;
  expect([page1, page2, page3].map((page) => page.edges.map((edge) => edge.node.periodEnd))).toEqual([
    ['2032-05-28', '2032-04-28'],
    ['2032-03-28', '2032-02-28'],
    ['2032-01-28'],
  ]);
  expect([page1, page2, page3].map(pageInfoShape)).toEqual([
    { hasNextPage: true, hasPreviousPage: false, startIsFirstEdge: true, endIsLastEdge: true },
    { hasNextPage: true, hasPreviousPage: true, startIsFirstEdge: true, endIsLastEdge: true },
    { hasNextPage: false, hasPreviousPage: true, startIsFirstEdge: true, endIsLastEdge: true },
  ]);
  // Any edge's cursor works as `after`, and cursors are not the ids (clients must not build them).
  const fromSecond = ok(
    await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 1, after: page1.edges[1]!.cursor }),
  ).stocktakes;
  expect(fromSecond.edges.map((edge) => edge.node.periodEnd)).toEqual(['2032-03-28']);
  expect(page1.edges.some((edge) => edge.cursor === edge.node.id)).toBe(false);
});

it('an empty page has no cursors and no next page', async () => {
  const last = ok(await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 100 })).stocktakes;
  const after = ok(
    await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 5, after: last.pageInfo.endCursor }),
  ).stocktakes;
  expect(after).toEqual({
    edges: [],
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    },
  });
});

it('totals without lines are the sums of the lines', async () => {
  const page = ok(await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 10 })).stocktakes.edges.map(
    (edge) => edge.node,
  );
  const withLines = ok(await t.graphql(StocktakesWithLinesDocument, { hotel: HOTEL })).stocktakes.nodes;
  const total = (values: string[]) => formatFixed(sumFixed(values), 2);
  for (const stocktake of page) {
    const lines = withLines.find((other) => other.id === stocktake.id)!.lines;
    expect(lines.every((line) => line.stocktakeId === stocktake.id)).toBe(true);
    expect({
      id: stocktake.id,
      lineCount: stocktake.lineCount,
      total: stocktake.totalValue,
      variance: stocktake.totalVarianceValue,
    }).toEqual({
      id: stocktake.id,
      lineCount: lines.length,
      total: total(lines.map((line) => line.expectedValue)),
      variance: total(lines.map((line) => line.varianceValue)),
    });
  }
  const counted = page.find((stocktake) => stocktake.id === created[2])!;
  expect(counted.lineCount).toBe(6);
  expect(counted.totalVarianceValue).not.toBe('0.00');
});

it('first must be 1..100, and after must be a cursor of a stocktake of the same hotel', async () => {
  for (const first of [0, 101]) {
    const response = await t.graphql(StocktakePageDocument, { hotel: HOTEL, first });
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
  const galwayToken = await t.token({ user: 'g', name: 'G', hotels: { [OTHER_HOTEL]: 'manager' } });
  ok(
    await t.graphql(
      CreateStocktakeDocument,
      { hotel: OTHER_HOTEL, input: { periodStart: '2032-01-01', periodEnd: '2032-01-28' } },
      { token: galwayToken },
    ),
  );
  const galwayPage = ok(
    await t.graphql(StocktakePageDocument, { hotel: OTHER_HOTEL, first: 1 }, { token: galwayToken }),
  ).stocktakes;
  const forged = Buffer.from('stocktake:not-a-number').toString('base64url');
  for (const after of [galwayPage.pageInfo.endCursor!, 'not a cursor', forged, String(created[0])]) {
    const response = await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 2, after });
    expect([after, response.errors![0]!.extensions]).toEqual([after, { code: 'BAD_USER_INPUT', field: 'after' }]);
  }
});

describe("a stocktake's lines a page at a time (linesConnection)", () => {
  it('first/after walk every line once, in the order of `lines`, with pageInfo', async () => {
    const id = created[0]!;
    const all = ok(await t.graphql(StocktakeDocument, { id })).stocktake.lines;
    expect(all.length).toBeGreaterThan(4);
    const pages: Array<StocktakeLinesPageQuery['stocktake']['linesConnection']> = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: StocktakeLinesPageQuery['stocktake']['linesConnection'] = ok(
        await t.graphql(StocktakeLinesPageDocument, { id, first: 4, after }),
      ).stocktake.linesConnection;
      pages.push(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node))).toEqual(all);
    expect(pages.map((page) => page.edges.length)).toEqual([4, all.length - 4]);
    expect(pages.map(pageInfoShape)).toEqual([
      { hasNextPage: true, hasPreviousPage: false, startIsFirstEdge: true, endIsLastEdge: true },
      { hasNextPage: false, hasPreviousPage: true, startIsFirstEdge: true, endIsLastEdge: true },
    ]);
    // Any edge's cursor works as `after`.
    const fromSecond = ok(
      await t.graphql(StocktakeLinesPageDocument, { id, first: 2, after: pages[0]!.edges[1]!.cursor }),
    ).stocktake.linesConnection;
    expect(fromSecond.edges.map((edge) => edge.node.id)).toEqual([all[2]!.id, all[3]!.id]);
  });

  it("first must be 1..100, and after a cursor of this stocktake's lines", async () => {
    const id = created[0]!;
    for (const first of [0, 101]) {
      const response = await t.graphql(StocktakeLinesPageDocument, { id, first });
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const otherStocktakes = ok(await t.graphql(StocktakeLinesPageDocument, { id: created[2]!, first: 1 })).stocktake
      .linesConnection.pageInfo.endCursor!;
    const stocktakeCursor = ok(await t.graphql(StocktakePageDocument, { hotel: HOTEL, first: 1 })).stocktakes.pageInfo
      .endCursor!;
    const forged = Buffer.from('stocktake-line:x').toString('base64url');
    for (const after of [otherStocktakes, stocktakeCursor, 'not a cursor', forged]) {
      const response = await t.graphql(StocktakeLinesPageDocument, { id, first: 2, after });
      expect([after, response.errors![0]!.extensions]).toEqual([after, { code: 'BAD_USER_INPUT', field: 'after' }]);
    }
  });

  it("a mutation's answer paged under an Idempotency-Key is replayed as first answered", async () => {
    const id = created[2]!;
    const body = {
      query: `mutation ($id: ID!) { populateStocktake(id: $id) { stocktake { linesConnection(first: 2) {
        nodes { id countedQty version } pageInfo { hasNextPage endCursor } } } } }`,
      variables: { id },
    };
    const headers = { 'Idempotency-Key': 'lines-page-replay-1' };
    type Answer = {
      data: {
        populateStocktake: { stocktake: { linesConnection: { nodes: Array<{ id: string; version: number }> } } };
      };
    };
    const first = await t.post(body, { headers });
    const [line] = (first.json as Answer).data.populateStocktake.stocktake.linesConnection.nodes;
    ok(await t.graphql(UpdateStocktakeLineDocument, { id: line!.id, input: { countedFullUnits: '7' } }));
    const replay = await t.post(body, { headers });
    expect(replay.json).toEqual(first.json);
    const now = ok(await t.graphql(StocktakeLinesPageDocument, { id, first: 2 })).stocktake.linesConnection;
    expect(now.edges[0]!.node).toMatchObject({ id: line!.id, version: line!.version + 1 });
  });
});

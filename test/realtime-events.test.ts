/**
 * Every event the product emits (docs/realtime.md, "Events and payloads"),
 * payload by payload, on both transports: pusher-js on the legacy channels
 * (snake_case payloads, the original's formats, plus `meta`) and graphql-ws
 * subscriptions (the typed event objects). Then what the delivery
 * guarantees mean for a client: refused mutations emit nothing, `afterSequence` replays
 * exactly what was missed, `channelEvents` returns what Pusher delivered,
 * and concurrent commits keep each channel's sequence gap-free.
 *
 * Periods are chosen so that counts asserted literally are not disturbed
 * by movements other tests write (a movement or an approval adjustment
 * changes the opening of every later period): only tests in periods after
 * 2025-12 write movements or leave approvals, and the December approval is
 * reopened at once; the 20-line stocktake is in the other hotel.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  ChannelEventsDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  HotelDocument,
  PopulateStocktakeDocument,
  RelayStatusDocument,
  ReopenStocktakeDocument,
  StocktakeDocument,
  StocktakeEventsDocument,
  StocktakeListEventsDocument,
  UpdateLineMovementDocument,
  UpdateStocktakeLineDocument,
  type ChannelEventsQuery,
  type LineFieldsFragment,
  type StocktakeEventsSubscription,
  type StocktakeListEventsSubscription,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { ISO_Z, metaOf } from './support/payload-matchers';
import { pusherLineOf } from './support/pusher-line';
import {
  currentSequence,
  expectNothingMore,
  graphqlSubscriber,
  legacyFrontend,
  type PusherEvent,
  type Received,
} from './support/realtime-clients';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';
import { stocktakeSteps } from './support/stocktakes';
import { ok, waitUntil } from './support/waiting';

let t: TestApp;
let hotelId: number;
const closers = closeAfterEach();

beforeAll(async () => {
  t = await startTestApp();
  hotelId = Number((await t.graphql(HotelDocument, { identifier: HOTEL })).data!.hotel.id);
});
afterAll(() => t.close());

const LIST = `${HOTEL}-stocktakes`;
const detail = (id: string, hotel = HOTEL) => `${hotel}-stocktake-${id}`;

// ---- clients ---------------------------------------------------------------

/**
 * pusher-js on `channel`, once the relay has handed Pusher everything committed so far: an event committed
 * before this (a populate, a count) can otherwise reach the new subscription late and stand in for the one the
 * test waits for.
 */
async function pusherOn(channel: string): Promise<Received<PusherEvent>> {
  const bothHotels = await t.token({ hotels: { [HOTEL]: 'manager', [OTHER_HOTEL]: 'manager' } });
  await waitUntil(
    async () => ok(await t.graphql(RelayStatusDocument, {}, { token: bothHotels })).relayStatus.backlog === 0,
    'the relay to deliver what was committed before subscribing',
    10_000,
  );
  const client = await legacyFrontend(t);
  closers.push(() => client.close());
  return client.listen(channel);
}

/** A graphql-ws client per subscription. */
async function subscribe<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
) {
  const client = graphqlSubscriber(t, token ?? (await t.token()));
  closers.push(() => client.close());
  return client.subscribe(document, variables);
}

async function listSubscription(variables: { afterSequence?: number } = {}) {
  const afterSequence = variables.afterSequence ?? (await currentSequence(t, LIST));
  return subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence });
}

async function detailSubscription(
  stocktakeId: string,
  variables: { afterSequence?: number; hotel?: string } = {},
  token?: string,
) {
  const afterSequence =
    variables.afterSequence ?? (await currentSequence(t, detail(stocktakeId, variables.hotel), token));
  return subscribe(StocktakeEventsDocument, { stocktakeId, afterSequence }, token);
}

// ---- helpers -----------------------------------------------------------------

function codeOf(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

async function createStocktake(periodStart: string, periodEnd: string, notes?: string) {
  return ok(await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd, notes } }))
    .createStocktake;
}

async function populatedStocktake(periodStart: string, periodEnd: string) {
  const { id } = await createStocktake(periodStart, periodEnd);
  ok(await t.graphql(PopulateStocktakeDocument, { id }));
  const lines = ok(await t.graphql(StocktakeDocument, { id })).stocktake.lines;
  const bySku = (sku: string): LineFieldsFragment => lines.find((line) => line.itemSku === sku)!;
  return { id, lines: lines as LineFieldsFragment[], bySku };
}

async function updateLine(
  id: string,
  input: { countedFullUnits?: string; countedPartialUnits?: string; manualPurchasesValue?: string | null },
) {
  return ok(await t.graphql(UpdateStocktakeLineDocument, { id, input })).updateStocktakeLine;
}

type ChannelEvent = ChannelEventsQuery['channelEvents'][number];

async function channelEvents(channel: string, afterSequence = 0, limit = 500): Promise<ChannelEvent[]> {
  return ok(await t.graphql(ChannelEventsDocument, { channel, afterSequence, limit })).channelEvents;
}

/** The channel's last sequence, from the stored history. */
async function lastSequence(channel: string): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await channelEvents(channel, last, 500);
    if (page.length === 0) return last;
    last = page[page.length - 1]!.sequence;
  }
}

/** The GraphQL event's delivery fields, taken from the Pusher copy of the same event on the same channel. */
function graphqlMetaOf(typename: string, pusherEvent: PusherEvent) {
  const meta = pusherEvent.data.meta as {
    event_id: string;
    sequence: number;
    epoch: string;
    occurred_at: string;
    actor: unknown;
  };
  return {
    __typename: typename,
    eventId: meta.event_id,
    name: pusherEvent.event,
    channel: pusherEvent.channel,
    epoch: meta.epoch,
    sequence: meta.sequence,
    occurredAt: meta.occurred_at,
    actor: meta.actor,
  };
}

const metaField = (event: PusherEvent) =>
  event.data.meta as { event_id: string; sequence: number; epoch: string; occurred_at: string };

function expectBetween(iso: string, before: number, after: number) {
  const at = Date.parse(iso);
  expect(at).toBeGreaterThanOrEqual(before - 5);
  expect(at).toBeLessThanOrEqual(after + 5);
}

// ---- list events ---------------------------------------------------------------

describe('list channel events', () => {
  it('stocktake-created: {id, period_start, period_end, status, hotel (numeric id), line_count, meta} on {hotel}-stocktakes', async () => {
    const before = await lastSequence(LIST);
    const pusher = await pusherOn(LIST);
    const graphql = await listSubscription();

    const startedAt = Date.now();
    const created = await createStocktake('2025-04-01', '2025-04-30', 'April count');
    const finishedAt = Date.now();

    const [event] = await pusher.waitFor(1);
    expect(event).toEqual({
      channel: LIST,
      event: 'stocktake-created',
      data: {
        id: Number(created.id),
        period_start: '2025-04-01',
        period_end: '2025-04-30',
        status: 'DRAFT',
        hotel: hotelId,
        line_count: 0,
        meta: metaOf(before + 1),
      },
    });
    expect(typeof event!.data.hotel).toBe('number');
    expectBetween(metaField(event!).occurred_at, startedAt, finishedAt);

    const [result] = await graphql.waitFor(1);
    expect(result).toEqual({
      data: {
        stocktakeListEvents: {
          ...graphqlMetaOf('StocktakeCreatedEvent', event!),
          stocktake: {
            id: created.id,
            hotel: HOTEL,
            periodStart: '2025-04-01',
            periodEnd: '2025-04-30',
            status: 'DRAFT',
            isLocked: false,
            notes: 'April count',
            createdAt: created.createdAt,
            approvedAt: null,
            approvedById: null,
            approvedByName: null,
            lineCount: 0,
            totalValue: '0.00',
            totalVarianceValue: '0.00',
          },
        },
      },
    });
    expect(created.createdAt).toMatch(ISO_Z);
  });

  it('stocktake-deleted: {stocktake_id, meta} on the list channel; deleting an approved stocktake is refused and emits nothing', async () => {
    const created = await createStocktake('2025-05-01', '2025-05-31');
    const approvedOne = await createStocktake('2029-02-01', '2029-02-28');
    ok(await t.graphql(ApproveStocktakeDocument, { id: approvedOne.id }));
    const before = await lastSequence(LIST);
    const pusher = await pusherOn(LIST);
    const graphql = await listSubscription();

    const refused = await t.graphql(DeleteStocktakeDocument, { id: approvedOne.id });
    expect(codeOf(refused)).toBe('STOCKTAKE_LOCKED');
    expect(ok(await t.graphql(DeleteStocktakeDocument, { id: created.id })).deleteStocktake).toBe(created.id);

    const [event] = await pusher.waitFor(1);
    expect(event).toEqual({
      channel: LIST,
      event: 'stocktake-deleted',
      data: { stocktake_id: Number(created.id), meta: metaOf(before + 1) },
    });
    const [result] = await graphql.waitFor(1);
    expect(result).toEqual({
      data: { stocktakeListEvents: { ...graphqlMetaOf('StocktakeDeletedEvent', event!), stocktakeId: created.id } },
    });
    expect((await channelEvents(LIST, before)).map((e) => [e.sequence, e.name])).toEqual([
      [before + 1, 'stocktake-deleted'],
    ]);
    // The deleted stocktake's detail channel carries nothing of the deletion.
    expect(await channelEvents(detail(created.id))).toEqual([]);
  });
});

// ---- status changes ------------------------------------------------------------

describe('stocktake-status-changed on the list AND the detail channel', () => {
  it('approve (APPROVED, adjustments_created, summary without lines) and reopen (DRAFT, 0) share event ids across channels, each with its own sequence', async () => {
    // Openings in December 2025: Heineken 30, Guinness 88, Heineken Keg 0, tonic 24, Jameson 40, Old Gin 10.
    const listBefore = await lastSequence(LIST);
    const created = await createStocktake('2025-12-01', '2025-12-31', 'December');
    const { id } = created;
    const populated = ok(await t.graphql(PopulateStocktakeDocument, { id })).populateStocktake;
    expect(populated.linesCreated).toBe(6);
    const lines = ok(await t.graphql(StocktakeDocument, { id })).stocktake.lines;
    const bySku = (sku: string) => lines.find((line) => line.itemSku === sku)!;
    // Guinness and Jameson counted exactly as expected; the other four keep count 0.
    await updateLine(bySku('D0030').id, { countedFullUnits: '1' });
    await updateLine(bySku('S0010').id, { countedFullUnits: '2' });

    const listPusher = await pusherOn(LIST);
    const detailPusher = await pusherOn(detail(id));
    const listGraphql = await listSubscription();
    const detailGraphql = await detailSubscription(id);

    const approved = ok(await t.graphql(ApproveStocktakeDocument, { id })).approveStocktake;
    // Heineken (30), tonic (24) and Old Gin (10) have a variance; Guinness, Jameson and the empty keg do not.
    expect(approved.adjustmentsCreated).toBe(3);
    expect(approved.stocktake.approvedAt).toMatch(ISO_Z);

    const summary = {
      id: Number(id),
      hotel: hotelId,
      period_start: '2025-12-01',
      period_end: '2025-12-31',
      status: 'APPROVED',
      is_locked: true,
      notes: 'December',
      created_at: created.createdAt,
      approved_at: approved.stocktake.approvedAt,
      approved_by: 'manager-1',
      approved_by_name: 'Mary Manager',
      total_lines: 6,
      line_count: 6,
      // Σ expected value: 45.00 + 220.00 + 0.00 + 19.20 + 49.00 + 10.00
      total_value: '343.20',
      // Σ variance value: the uncounted Heineken, tonic and Old Gin
      total_variance_value: '-74.20',
    };
    const [listApproved] = await listPusher.waitFor(1);
    const [detailApproved] = await detailPusher.waitFor(1);
    expect(listApproved).toEqual({
      channel: LIST,
      event: 'stocktake-status-changed',
      data: {
        stocktake_id: Number(id),
        status: 'APPROVED',
        adjustments_created: 3,
        // Guinness and Jameson were counted; the other four were approved uncounted.
        uncounted_lines: 4,
        stocktake: summary,
        meta: metaOf(listBefore + 2),
      },
    });
    expect(detailApproved).toEqual({
      channel: detail(id),
      event: 'stocktake-status-changed',
      // populate 1, two counts 2 and 3, approval 4
      data: {
        stocktake_id: Number(id),
        status: 'APPROVED',
        adjustments_created: 3,
        // Guinness and Jameson were counted; the other four were approved uncounted.
        uncounted_lines: 4,
        stocktake: summary,
        meta: metaOf(4),
      },
    });
    expect(Object.keys(detailApproved!.data.stocktake as object).sort()).toEqual(
      [
        'approved_at',
        'approved_by',
        'approved_by_name',
        'created_at',
        'hotel',
        'id',
        'is_locked',
        'line_count',
        'notes',
        'period_end',
        'period_start',
        'status',
        'total_lines',
        'total_value',
        'total_variance_value',
      ].sort(),
    );
    expect(metaField(listApproved!).event_id).toBe(metaField(detailApproved!).event_id);
    expect(metaField(listApproved!).occurred_at).toBe(metaField(detailApproved!).occurred_at);

    const graphqlStocktake = {
      id,
      hotel: HOTEL,
      periodStart: '2025-12-01',
      periodEnd: '2025-12-31',
      status: 'APPROVED',
      isLocked: true,
      notes: 'December',
      createdAt: created.createdAt,
      approvedAt: approved.stocktake.approvedAt,
      approvedById: 'manager-1',
      approvedByName: 'Mary Manager',
      lineCount: 6,
      totalValue: '343.20',
      totalVarianceValue: '-74.20',
    };
    expect(approved.stocktake).toEqual(graphqlStocktake);
    const statusFields = { stocktakeId: id, status: 'APPROVED', adjustmentsCreated: 3, stocktake: graphqlStocktake };
    expect(await listGraphql.waitFor(1)).toEqual([
      {
        data: {
          stocktakeListEvents: { ...graphqlMetaOf('StocktakeStatusChangedEvent', listApproved!), ...statusFields },
        },
      },
    ]);
    expect(await detailGraphql.waitFor(1)).toEqual([
      {
        data: {
          stocktakeEvents: { ...graphqlMetaOf('StocktakeStatusChangedEvent', detailApproved!), ...statusFields },
        },
      },
    ]);

    const reopened = ok(await t.graphql(ReopenStocktakeDocument, { id })).reopenStocktake;
    expect(reopened.adjustmentsRemoved).toBe(3);
    const reopenedSummary = {
      ...summary,
      status: 'DRAFT',
      is_locked: false,
      approved_at: null,
      approved_by: null,
      approved_by_name: null,
    };
    const listReopened = (await listPusher.waitFor(2))[1]!;
    const detailReopened = (await detailPusher.waitFor(2))[1]!;
    expect(listReopened).toEqual({
      channel: LIST,
      event: 'stocktake-status-changed',
      data: {
        stocktake_id: Number(id),
        status: 'DRAFT',
        adjustments_created: 0,
        uncounted_lines: 4,
        stocktake: reopenedSummary,
        meta: metaOf(listBefore + 3),
      },
    });
    expect(detailReopened).toEqual({
      channel: detail(id),
      event: 'stocktake-status-changed',
      data: {
        stocktake_id: Number(id),
        status: 'DRAFT',
        adjustments_created: 0,
        uncounted_lines: 4,
        stocktake: reopenedSummary,
        meta: metaOf(5),
      },
    });
    expect(metaField(listReopened).event_id).toBe(metaField(detailReopened).event_id);
    expect(metaField(listReopened).event_id).not.toBe(metaField(listApproved!).event_id);

    const reopenedStocktake = {
      ...graphqlStocktake,
      status: 'DRAFT',
      isLocked: false,
      approvedAt: null,
      approvedById: null,
      approvedByName: null,
    };
    expect(reopened.stocktake).toEqual(reopenedStocktake);
    const reopenFields = { stocktakeId: id, status: 'DRAFT', adjustmentsCreated: 0, stocktake: reopenedStocktake };
    expect((await listGraphql.waitFor(2))[1]).toEqual({
      data: { stocktakeListEvents: { ...graphqlMetaOf('StocktakeStatusChangedEvent', listReopened), ...reopenFields } },
    });
    expect((await detailGraphql.waitFor(2))[1]).toEqual({
      data: { stocktakeEvents: { ...graphqlMetaOf('StocktakeStatusChangedEvent', detailReopened), ...reopenFields } },
    });

    // The list channel got created, approved, reopened — and nothing for populate or counts.
    expect((await channelEvents(LIST, listBefore)).map((e) => [e.sequence, e.name])).toEqual([
      [listBefore + 1, 'stocktake-created'],
      [listBefore + 2, 'stocktake-status-changed'],
      [listBefore + 3, 'stocktake-status-changed'],
    ]);
    expect((await channelEvents(detail(id))).map((e) => [e.sequence, e.name])).toEqual([
      [1, 'stocktake-populated'],
      [2, 'line-counted-updated'],
      [3, 'line-counted-updated'],
      [4, 'stocktake-status-changed'],
      [5, 'stocktake-status-changed'],
    ]);
  });
});

// ---- detail events ---------------------------------------------------------------

describe('detail channel events', () => {
  it('stocktake-populated: {stocktake_id, lines_created, message: "Created N stocktake lines"}; a repeat says 0', async () => {
    const { id } = await createStocktake('2025-06-01', '2025-06-30');
    const channel = detail(id);
    const pusher = await pusherOn(channel);
    const graphql = await detailSubscription(id);

    expect(ok(await t.graphql(PopulateStocktakeDocument, { id })).populateStocktake.linesCreated).toBe(6);
    expect(ok(await t.graphql(PopulateStocktakeDocument, { id })).populateStocktake.linesCreated).toBe(0);

    const [first, second] = await pusher.waitFor(2);
    expect(first).toEqual({
      channel,
      event: 'stocktake-populated',
      data: { stocktake_id: Number(id), lines_created: 6, message: 'Created 6 stocktake lines', meta: metaOf(1) },
    });
    expect(second).toEqual({
      channel,
      event: 'stocktake-populated',
      data: { stocktake_id: Number(id), lines_created: 0, message: 'Created 0 stocktake lines', meta: metaOf(2) },
    });
    expect(await graphql.waitFor(2)).toEqual([
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('StocktakePopulatedEvent', first!),
            stocktakeId: id,
            linesCreated: 6,
            message: 'Created 6 stocktake lines',
          },
        },
      },
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('StocktakePopulatedEvent', second!),
            stocktakeId: id,
            linesCreated: 0,
            message: 'Created 0 stocktake lines',
          },
        },
      },
    ]);
    expect(metaField(first!).event_id).not.toBe(metaField(second!).event_id);
    // Populate is not a list event.
    expect(
      (await channelEvents(LIST))
        .filter((e) => e.payload.stocktake_id === Number(id) || e.payload.id === Number(id))
        .map((e) => e.name),
    ).toEqual(['stocktake-created']);
  });

  it('line-counted-updated: {line_id, item_sku, line (full line object, original formats), meta}', async () => {
    const { id, bySku } = await populatedStocktake('2025-02-01', '2025-02-28');
    const guinness = bySku('D0030');
    const channel = detail(id);
    const pusher = await pusherOn(channel);
    const graphql = await detailSubscription(id);

    const startedAt = Date.now();
    const line = await updateLine(guinness.id, {
      countedFullUnits: '1',
      countedPartialUnits: '45.5',
      manualPurchasesValue: '12.3',
    });
    const finishedAt = Date.now();

    const [event] = await pusher.waitFor(1);
    expect(event).toEqual({
      channel,
      event: 'line-counted-updated',
      data: {
        line_id: Number(guinness.id),
        item_sku: 'D0030',
        line: pusherLineOf(line),
        // The only counted line: 133.5 pints counted, 45.5 over.
        progress: { counted_lines: 1, total_lines: 6, counted_value: '333.75', variance_value_counted: '113.75' },
        meta: metaOf(2),
      },
    });
    expectBetween(metaField(event!).occurred_at, startedAt, finishedAt);
    // The legacy line object, literally (docs/realtime.md, "The full line object"): ints for ids, fixed-place strings for quantities.
    expect(event!.data.line).toEqual({
      id: Number(guinness.id),
      stocktake: Number(id),
      item: Number(guinness.itemId),
      item_sku: 'D0030',
      item_name: 'Guinness',
      category_code: 'D',
      category_name: 'Draught Beer',
      item_size: '50Lt',
      item_uom: '88.00',
      opening_qty: '88.0000',
      purchases: '0.0000',
      sales_qty: '0.0000',
      waste: '0.0000',
      transfers_in: '0.0000',
      transfers_out: '0.0000',
      adjustments: '0.0000',
      manual_purchases_value: '12.30',
      counted_full_units: '1.00',
      counted_partial_units: '45.50',
      counted_qty: '133.5000',
      expected_qty: '88.0000',
      variance_qty: '45.5000',
      opening_display_full_units: line.openingDisplayFullUnits,
      opening_display_partial_units: line.openingDisplayPartialUnits,
      expected_display_full_units: line.expectedDisplayFullUnits,
      expected_display_partial_units: line.expectedDisplayPartialUnits,
      counted_display_full_units: line.countedDisplayFullUnits,
      counted_display_partial_units: line.countedDisplayPartialUnits,
      variance_display_full_units: line.varianceDisplayFullUnits,
      variance_display_partial_units: line.varianceDisplayPartialUnits,
      valuation_cost: '2.5000',
      expected_value: '220.00',
      counted_value: '333.75',
      variance_value: '113.75',
      version: guinness.version + 1,
      counted_at: line.countedAt,
      counted_by: { id: 'manager-1', name: 'Mary Manager' },
    });
    expect(line.countedAt).toMatch(ISO_Z);
    for (const key of Object.keys(event!.data.line as object).filter((k) => k.includes('display'))) {
      expect(typeof (event!.data.line as Record<string, unknown>)[key]).toBe('string');
    }

    expect(await graphql.waitFor(1)).toEqual([
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('LineCountedUpdatedEvent', event!),
            lineId: guinness.id,
            itemSku: 'D0030',
            line,
          },
        },
      },
    ]);
  });

  it('line-movement-added, -updated and -deleted: movement objects, old_values and deleted_movement_id', async () => {
    const { id, bySku } = await populatedStocktake('2026-05-01', '2026-05-31');
    const guinness = bySku('D0030');
    const channel = detail(id);
    const pusher = await pusherOn(channel);
    const graphql = await detailSubscription(id);

    // added
    const added = ok(
      await t.graphql(AddLineMovementDocument, {
        lineId: guinness.id,
        input: {
          movementType: 'PURCHASE',
          quantity: '88',
          unitCost: '2.5',
          notes: 'keg delivery',
          timestamp: '2026-05-10T14:30:00Z',
        },
      }),
    ).addLineMovement;
    expect(added.movement).toMatchObject({
      quantity: '88.0000',
      timestamp: '2026-05-10T14:30:00.000Z',
      reference: `Stocktake-${id}`,
    });
    const movementId = added.movement.id;
    const [addedEvent] = await pusher.waitFor(1);
    expect(addedEvent).toEqual({
      channel,
      event: 'line-movement-added',
      data: {
        line_id: Number(guinness.id),
        item_sku: 'D0030',
        movement: {
          id: Number(movementId),
          movement_type: 'PURCHASE',
          quantity: '88.0000',
          timestamp: '2026-05-10T14:30:00.000Z',
        },
        line: pusherLineOf(added.line),
        progress: { counted_lines: 0, total_lines: 6, counted_value: '0.00', variance_value_counted: '0.00' },
        meta: metaOf(2),
      },
    });
    expect(addedEvent!.data.line).toMatchObject({
      purchases: '88.0000',
      waste: '0.0000',
      version: guinness.version + 1,
    });
    expect(Number(added.line.expectedQty) - Number(guinness.expectedQty)).toBe(88);

    // updated
    const updated = ok(
      await t.graphql(UpdateLineMovementDocument, {
        lineId: guinness.id,
        movementId,
        input: {
          movementType: 'WASTE',
          quantity: '4.25',
          unitCost: '2.4',
          reference: 'INV-77',
          notes: 'spillage',
          timestamp: '2026-05-12T09:15:00Z',
        },
      }),
    ).updateLineMovement;
    const [, updatedEvent] = await pusher.waitFor(2);
    expect(updatedEvent).toEqual({
      channel,
      event: 'line-movement-updated',
      data: {
        line_id: Number(guinness.id),
        item_sku: 'D0030',
        movement: {
          id: Number(movementId),
          movement_type: 'WASTE',
          quantity: '4.2500',
          unit_cost: '2.4000',
          reference: 'INV-77',
          notes: 'spillage',
          timestamp: '2026-05-12T09:15:00.000Z',
        },
        old_values: {
          movement_type: 'PURCHASE',
          quantity: '88.0000',
          unit_cost: '2.5000',
          reference: `Stocktake-${id}`,
          notes: 'keg delivery',
        },
        line: pusherLineOf(updated.line),
        progress: { counted_lines: 0, total_lines: 6, counted_value: '0.00', variance_value_counted: '0.00' },
        meta: metaOf(3),
      },
    });
    expect(updatedEvent!.data.line).toMatchObject({
      purchases: '0.0000',
      waste: '4.2500',
      version: guinness.version + 2,
    });

    // deleted
    const deleted = ok(
      await t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId }),
    ).deleteLineMovement;
    expect(deleted.deletedMovementId).toBe(movementId);
    const [, , deletedEvent] = await pusher.waitFor(3);
    expect(deletedEvent).toEqual({
      channel,
      event: 'line-movement-deleted',
      data: {
        line_id: Number(guinness.id),
        item_sku: 'D0030',
        deleted_movement_id: Number(movementId),
        line: pusherLineOf(deleted.line),
        progress: { counted_lines: 0, total_lines: 6, counted_value: '0.00', variance_value_counted: '0.00' },
        meta: metaOf(4),
      },
    });
    expect(deletedEvent!.data.line).toMatchObject({
      purchases: '0.0000',
      waste: '0.0000',
      expected_qty: guinness.expectedQty,
      version: guinness.version + 3,
    });

    // The same three events over graphql-ws, typed.
    expect(await graphql.waitFor(3)).toEqual([
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('LineMovementAddedEvent', addedEvent!),
            lineId: guinness.id,
            itemSku: 'D0030',
            movement: added.movement,
            line: added.line,
          },
        },
      },
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('LineMovementUpdatedEvent', updatedEvent!),
            lineId: guinness.id,
            itemSku: 'D0030',
            movement: {
              id: movementId,
              itemId: guinness.itemId,
              itemSku: 'D0030',
              movementType: 'WASTE',
              quantity: '4.2500',
              unitCost: '2.4000',
              reference: 'INV-77',
              notes: 'spillage',
              staffId: 'manager-1',
              staffName: 'Mary Manager',
              timestamp: '2026-05-12T09:15:00.000Z',
            },
            oldValues: {
              movementType: 'PURCHASE',
              quantity: '88.0000',
              unitCost: '2.5000',
              reference: `Stocktake-${id}`,
              notes: 'keg delivery',
            },
            line: updated.line,
          },
        },
      },
      {
        data: {
          stocktakeEvents: {
            ...graphqlMetaOf('LineMovementDeletedEvent', deletedEvent!),
            lineId: guinness.id,
            itemSku: 'D0030',
            deletedMovementId: movementId,
            line: deleted.line,
          },
        },
      },
    ]);
    expect(updated.movement).toEqual(
      (graphql.items[1]!.data as { stocktakeEvents: { movement: unknown } }).stocktakeEvents.movement,
    );
    expect(added.movement).toEqual({
      id: movementId,
      itemId: guinness.itemId,
      itemSku: 'D0030',
      movementType: 'PURCHASE',
      quantity: '88.0000',
      unitCost: '2.5000',
      reference: `Stocktake-${id}`,
      notes: 'keg delivery',
      staffId: 'manager-1',
      staffName: 'Mary Manager',
      timestamp: '2026-05-10T14:30:00.000Z',
    });
  });

  it('a staff member is the actor of the events they cause', async () => {
    const { id, bySku } = await populatedStocktake('2026-06-01', '2026-06-30');
    const staff = await t.token({ user: 'staff-7', name: 'Sean Staff', hotels: { [HOTEL]: 'staff' } });
    const pusher = await pusherOn(detail(id));
    const graphql = await detailSubscription(id, {}, staff);
    const response = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: bySku('S0010').id, input: { countedPartialUnits: '0.5' } },
      { token: staff },
    );
    const line = ok(response).updateStocktakeLine;
    const [event] = await pusher.waitFor(1);
    expect(event!.data).toEqual({
      line_id: Number(line.id),
      item_sku: 'S0010',
      line: pusherLineOf(line),
      // Half a bottle of Jameson: 10 measures counted (12.25) of 40 expected, 30 short (-36.75).
      progress: { counted_lines: 1, total_lines: 6, counted_value: '12.25', variance_value_counted: '-36.75' },
      meta: metaOf(2, { id: 'staff-7', name: 'Sean Staff' }),
    });
    const [result] = await graphql.waitFor(1);
    expect((result!.data as StocktakeEventsSubscription).stocktakeEvents.actor).toEqual({
      id: 'staff-7',
      name: 'Sean Staff',
    });
  });
});

// ---- refused mutations -----------------------------------------------------------

describe('a refused mutation changes nothing and emits nothing', () => {
  it('STOCKTAKE_LOCKED, BAD_USER_INPUT, CONFLICT, FORBIDDEN and NOT_FOUND leave both channels without a gap or an extra event', async () => {
    const { id, bySku } = await populatedStocktake('2029-01-01', '2029-01-31'); // detail 1
    const guinness = bySku('D0030');
    const channel = detail(id);
    const listBefore = await lastSequence(LIST);
    const detailPusher = await pusherOn(channel);
    const listPusher = await pusherOn(LIST);
    const detailGraphql = await detailSubscription(id);
    const listGraphql = await listSubscription();
    const staff = await t.token({ user: 'staff-2', name: 'Siobhan Staff', hotels: { [HOTEL]: 'staff' } });
    const galway = await t.token({ user: 'manager-g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });

    // Refused while DRAFT.
    expect(
      codeOf(await t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedFullUnits: '-1' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedPartialUnits: '1.234' } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.graphql(UpdateStocktakeLineDocument, {
          id: guinness.id,
          input: { countedFullUnits: '2', expectedVersion: guinness.version + 5 },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await t.graphql(AddLineMovementDocument, {
          lineId: guinness.id,
          input: { movementType: 'SALE', quantity: '5' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.graphql(AddLineMovementDocument, {
          lineId: guinness.id,
          input: { movementType: 'PURCHASE', quantity: '0' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.graphql(ReopenStocktakeDocument, { id }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.graphql(ApproveStocktakeDocument, { id }, { token: staff }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.graphql(
          UpdateStocktakeLineDocument,
          { id: guinness.id, input: { countedFullUnits: '3' } },
          { token: galway },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.graphql(CreateStocktakeDocument, {
          hotel: HOTEL,
          input: { periodStart: '2029-01-01', periodEnd: '2029-01-31' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    // Approve: detail 2, list +1.
    ok(await t.graphql(ApproveStocktakeDocument, { id }));

    // Refused while APPROVED.
    expect(
      codeOf(await t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedFullUnits: '1' } })),
    ).toBe('STOCKTAKE_LOCKED');
    expect(
      codeOf(
        await t.graphql(AddLineMovementDocument, {
          lineId: guinness.id,
          input: { movementType: 'PURCHASE', quantity: '88' },
        }),
      ),
    ).toBe('STOCKTAKE_LOCKED');
    expect(codeOf(await t.graphql(PopulateStocktakeDocument, { id }))).toBe('STOCKTAKE_LOCKED');
    expect(codeOf(await t.graphql(ApproveStocktakeDocument, { id }))).toBe('STOCKTAKE_LOCKED');
    expect(codeOf(await t.graphql(DeleteStocktakeDocument, { id }))).toBe('STOCKTAKE_LOCKED');

    // Reopen: detail 3, list +2; then a count: detail 4.
    ok(await t.graphql(ReopenStocktakeDocument, { id }));
    const line = await updateLine(guinness.id, { countedFullUnits: '1' });
    // Approval and reopening each refreshed the line's adjustments (one version each), then the count.
    expect(line.version).toBe(guinness.version + 3);

    const detailEvents = await detailPusher.waitFor(3);
    expect(detailEvents.map((e) => [e.event, metaField(e).sequence])).toEqual([
      ['stocktake-status-changed', 2],
      ['stocktake-status-changed', 3],
      ['line-counted-updated', 4],
    ]);
    expect(detailEvents.map((e) => e.data.status ?? null)).toEqual(['APPROVED', 'DRAFT', null]);
    const listEvents = await listPusher.waitFor(2);
    expect(listEvents.map((e) => [e.event, metaField(e).sequence, e.data.status])).toEqual([
      ['stocktake-status-changed', listBefore + 1, 'APPROVED'],
      ['stocktake-status-changed', listBefore + 2, 'DRAFT'],
    ]);
    expect(
      (await detailGraphql.waitFor(3)).map((r) => (r.data as StocktakeEventsSubscription).stocktakeEvents.sequence),
    ).toEqual([2, 3, 4]);
    expect(
      (await listGraphql.waitFor(2)).map(
        (r) => (r.data as StocktakeListEventsSubscription).stocktakeListEvents.sequence,
      ),
    ).toEqual([listBefore + 1, listBefore + 2]);

    // The stored history holds exactly these, and nothing arrives late.
    expect((await channelEvents(channel)).map((e) => [e.sequence, e.name])).toEqual([
      [1, 'stocktake-populated'],
      [2, 'stocktake-status-changed'],
      [3, 'stocktake-status-changed'],
      [4, 'line-counted-updated'],
    ]);
    expect((await channelEvents(LIST, listBefore)).map((e) => e.sequence)).toEqual([listBefore + 1, listBefore + 2]);
    // Nothing else arrives: a final approval reaches both channels right after what came before.
    await expectNothingMore(
      () => t.graphql(ApproveStocktakeDocument, { id }),
      [detailPusher, 3],
      [listPusher, 2],
      [detailGraphql, 3],
      [listGraphql, 2],
    );
  });
});

// ---- replay ----------------------------------------------------------------------

describe('afterSequence: replay, then live', () => {
  it('a detail subscription with afterSequence k receives exactly k+1..n, then live events, with no duplicate at the seam', async () => {
    const { id, lines } = await populatedStocktake('2025-07-01', '2025-07-31'); // 1
    const channel = detail(id);
    const live = await detailSubscription(id);
    for (const [i, line] of lines.slice(0, 3).entries()) await updateLine(line.id, { countedFullUnits: String(i + 1) }); // 2, 3, 4

    const replay = await subscribe(StocktakeEventsDocument, { stocktakeId: id, afterSequence: 2 });
    // Committed while the replay subscription is starting: it must arrive once, in order.
    await updateLine(lines[3]!.id, { countedFullUnits: '4' }); // 5
    await updateLine(lines[4]!.id, { countedFullUnits: '5' }); // 6

    const replayed = await replay.waitFor(4);
    const seq = (r: ExecutionResult<StocktakeEventsSubscription>) => r.data!.stocktakeEvents.sequence;
    expect(replayed.map(seq)).toEqual([3, 4, 5, 6]);
    const liveEvents = await live.waitFor(5);
    expect(liveEvents.map(seq)).toEqual([2, 3, 4, 5, 6]);
    // Replayed events are the same objects live subscribers got.
    expect(replayed).toEqual(liveEvents.slice(1));

    // afterSequence 0 replays the whole history; afterSequence n gives only what comes next.
    const everything = await subscribe(StocktakeEventsDocument, { stocktakeId: id, afterSequence: 0 });
    const fromNow = await subscribe(StocktakeEventsDocument, { stocktakeId: id, afterSequence: 6 });
    expect((await everything.waitFor(6)).map(seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(everything.items[0]!.data!.stocktakeEvents).toMatchObject({
      __typename: 'StocktakePopulatedEvent',
      linesCreated: 6,
      channel,
    });
    await updateLine(lines[5]!.id, { countedFullUnits: '6' }); // 7
    expect((await fromNow.waitFor(1)).map(seq)).toEqual([7]);
    expect((await everything.waitFor(7)).map(seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await replay.waitFor(5)).map(seq)).toEqual([3, 4, 5, 6, 7]);

    await expectNothingMore(
      () => updateLine(lines[0]!.id, { countedFullUnits: '9' }),
      [replay, 5],
      [fromNow, 1],
      [everything, 7],
      [live, 6],
    );
  });

  it('subscribers that join with afterSequence while commits keep coming each get every event once, in order (the seam under load)', async () => {
    const { id, lines } = await populatedStocktake('2025-10-01', '2025-10-31'); // 1
    await updateLine(lines[0]!.id, { countedFullUnits: '1' }); // 2
    const ROUNDS = 6;
    const joiners: Array<ReturnType<ReturnType<typeof graphqlSubscriber>['subscribe']>> = [];
    const token = await t.token();
    // Each round: a replaying subscriber joins while one commit per line is in flight.
    for (let round = 0; round < ROUNDS; round++) {
      const client = graphqlSubscriber(t, token);
      closers.push(() => client.close());
      const commits = lines.map((line) => updateLine(line.id, { countedPartialUnits: String(round + 1) }));
      joiners.push(client.subscribe(StocktakeEventsDocument, { stocktakeId: id, afterSequence: 1 }));
      await Promise.all(commits);
    }
    const expected = Array.from({ length: ROUNDS * lines.length + 1 }, (_, i) => i + 2); // 2..38
    for (const joiner of joiners) {
      const got = await joiner.waitFor(expected.length);
      expect(got.map((r) => (r.data as StocktakeEventsSubscription).stocktakeEvents.sequence)).toEqual(expected);
    }
    expect((await channelEvents(detail(id))).map((e) => e.sequence)).toEqual([1, ...expected]);
    await expectNothingMore(
      () => updateLine(lines[0]!.id, { countedFullUnits: '9' }),
      ...joiners.map((joiner) => [joiner, expected.length] as [typeof joiner, number]),
    );
  });

  it('the list subscription replays after afterSequence too', async () => {
    const a = await createStocktake('2025-08-01', '2025-08-31');
    const b = await createStocktake('2025-09-01', '2025-09-30');
    const last = await lastSequence(LIST);
    const replay = await listSubscription({ afterSequence: last - 2 });
    const c = await createStocktake('2025-11-01', '2025-11-30');
    const got = await replay.waitFor(3);
    expect(
      got.map((r) => {
        const event = r.data!.stocktakeListEvents as { sequence: number; name: string; stocktake?: { id: string } };
        return [event.sequence, event.name, event.stocktake?.id];
      }),
    ).toEqual([
      [last - 1, 'stocktake-created', a.id],
      [last, 'stocktake-created', b.id],
      [last + 1, 'stocktake-created', c.id],
    ]);
    await expectNothingMore(() => createStocktake('2024-01-01', '2024-01-31'), [replay, 3]);
  });

  it('an afterSequence the channel has not reached is HISTORY_EXPIRED (its history went back), with where it stands', async () => {
    const latest = await currentSequence(t, LIST);
    const [{ epoch }] = await t.orm.em
      .getConnection()
      .execute<[{ epoch: string }]>('select current_history_epoch() as epoch');
    const sub = await subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: latest + 5 });
    await sub.waitFor(1);
    await sub.done;
    expect(sub.items[0]!.errors).toEqual([
      expect.objectContaining({
        message: `afterSequence ${latest + 5} is ahead of ${LIST}, which is at ${latest} in epoch ${epoch}; reload the data, then follow from sequence ${latest} of epoch ${epoch}`,
        extensions: { code: 'HISTORY_EXPIRED', channel: LIST, oldestSequence: 1, epoch, sequence: latest },
      }),
    ]);
  });

  it('a negative afterSequence is BAD_USER_INPUT', async () => {
    const sub = await subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: -1 });
    // graphql-ws reports an error of the source stream as one result with `errors`, then completes.
    await sub.waitFor(1);
    await sub.done;
    expect(sub.items).toEqual([
      {
        errors: [
          {
            message: 'afterSequence must be 0 or more',
            locations: [{ line: 2, column: 3 }],
            path: ['stocktakeListEvents'],
            extensions: { code: 'BAD_USER_INPUT', field: 'afterSequence' },
          },
        ],
      },
    ]);
  });
});

// ---- channelEvents -------------------------------------------------------------------

describe('channelEvents: catch-up for Pusher clients', () => {
  it('returns exactly the payloads pusher-js received, with or without the private- prefix, paged by afterSequence and limit', async () => {
    const { id: stocktakeId } = await createStocktake('2026-07-01', '2026-07-31');
    const channel = detail(stocktakeId);
    const pusher = await pusherOn(channel);
    ok(await t.graphql(PopulateStocktakeDocument, { id: stocktakeId })); // 1
    const lines = ok(await t.graphql(StocktakeDocument, { id: stocktakeId })).stocktake.lines;
    const guinness = lines.find((l) => l.itemSku === 'D0030')!;
    await updateLine(guinness.id, { countedPartialUnits: '10' }); // 2
    const added = ok(
      await t.graphql(AddLineMovementDocument, {
        lineId: guinness.id,
        input: { movementType: 'PURCHASE', quantity: '88.5' },
      }),
    ).addLineMovement; // 3
    ok(
      await t.graphql(UpdateLineMovementDocument, {
        lineId: guinness.id,
        movementId: added.movement.id,
        input: { notes: 'corrected' },
      }),
    ); // 4
    ok(await t.graphql(DeleteLineMovementDocument, { lineId: guinness.id, movementId: added.movement.id })); // 5
    ok(await t.graphql(ApproveStocktakeDocument, { id: stocktakeId })); // 6
    ok(await t.graphql(ReopenStocktakeDocument, { id: stocktakeId })); // 7

    const delivered = await pusher.waitFor(7);
    const asChannelEvent = (e: PusherEvent) => ({
      name: e.event,
      channel,
      epoch: metaField(e).epoch,
      sequence: metaField(e).sequence,
      eventId: metaField(e).event_id,
      occurredAt: metaField(e).occurred_at,
      payload: e.data,
    });
    const expected = delivered.map(asChannelEvent);
    expect(expected.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(expected.map((e) => e.name)).toEqual([
      'stocktake-populated',
      'line-counted-updated',
      'line-movement-added',
      'line-movement-updated',
      'line-movement-deleted',
      'stocktake-status-changed',
      'stocktake-status-changed',
    ]);

    expect(await channelEvents(channel, 0, 100)).toEqual(expected);
    expect(await channelEvents(`private-${channel}`, 0, 100)).toEqual(expected);
    expect(await channelEvents(channel, 2, 3)).toEqual(expected.slice(2, 5));
    expect(await channelEvents(`private-${channel}`, 5, 1)).toEqual(expected.slice(5, 6));
    expect(await channelEvents(channel, 7, 100)).toEqual([]);
    // Defaults: afterSequence 0, limit 100.
    expect(ok(await t.graphql(ChannelEventsDocument, { channel })).channelEvents).toEqual(expected);

    // The list channel too: its stocktake-created and both status changes of this stocktake.
    const list = await channelEvents(`private-${LIST}`);
    const ours = list.filter(
      (e) => e.payload.id === Number(stocktakeId) || e.payload.stocktake_id === Number(stocktakeId),
    );
    expect(ours.map((e) => [e.name, e.channel, e.payload.status])).toEqual([
      ['stocktake-created', LIST, 'DRAFT'],
      ['stocktake-status-changed', LIST, 'APPROVED'],
      ['stocktake-status-changed', LIST, 'DRAFT'],
    ]);
    expect(ours[1]!.eventId).toBe(expected[5]!.eventId);
    expect(ours[1]!.payload).toEqual({
      ...expected[5]!.payload,
      meta: { ...(expected[5]!.payload.meta as object), sequence: ours[1]!.sequence },
    });
    expect(list).toEqual(await channelEvents(LIST));
    expect(list.map((e) => e.sequence)).toEqual(list.map((_, i) => i + 1));
  });

  it('limit must be 1..500', async () => {
    for (const limit of [0, 501]) {
      const response = await t.graphql(ChannelEventsDocument, { channel: LIST, afterSequence: 0, limit });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    }
  });
});

// ---- concurrency -----------------------------------------------------------------------

describe('concurrent commits', () => {
  it('20 concurrent line updates on one stocktake give the detail channel sequences 1..21 with no gap or duplicate, in order on both transports', async () => {
    // In the other hotel, so the extra items do not change line counts elsewhere in this file.
    const galway = await t.token({ user: 'manager-g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
    for (let i = 1; i <= 19; i++) {
      const sku = `S${String(1000 + i)}`;
      ok(
        await t.graphql(
          CreateStockItemDocument,
          { hotel: OTHER_HOTEL, input: { sku, name: `Spirit ${i}`, size: '70cl', uom: '20', unitCost: '20' } },
          { token: galway },
        ),
      );
    }
    const created = ok(
      await t.graphql(
        CreateStocktakeDocument,
        { hotel: OTHER_HOTEL, input: { periodStart: '2026-01-01', periodEnd: '2026-01-31' } },
        { token: galway },
      ),
    ).createStocktake;
    const populated = ok(
      await t.graphql(PopulateStocktakeDocument, { id: created.id }, { token: galway }),
    ).populateStocktake; // 1
    expect(populated.linesCreated).toBe(20);
    const lines = ok(await t.graphql(StocktakeDocument, { id: created.id }, { token: galway })).stocktake.lines;
    expect(lines).toHaveLength(20);

    const channel = detail(created.id, OTHER_HOTEL);
    // The populate event (1) reaches Pusher before pusher-js subscribes, so it sees exactly 2..21.
    await stocktakeSteps(t).waitForAccepted(channel, 1);
    const pusher = await pusherOn(channel);
    const graphql = await detailSubscription(created.id, { hotel: OTHER_HOTEL }, galway);

    const results = await Promise.all(
      lines.map((line, i) =>
        t.graphql(
          UpdateStocktakeLineDocument,
          { id: line.id, input: { countedFullUnits: String(i + 1) } },
          { token: galway },
        ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();

    // channelEvents is scoped to the caller's hotels: read galway's history with galway's token.
    const history = ok(
      await t.graphql(ChannelEventsDocument, { channel, afterSequence: 0, limit: 500 }, { token: galway }),
    ).channelEvents;
    expect(history.map((e) => e.sequence)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(history.slice(1).map((e) => e.name)).toEqual(Array(20).fill('line-counted-updated'));
    expect(new Set(history.map((e) => e.eventId)).size).toBe(21);
    // Each line's update is there exactly once, with its own count.
    const countOf = new Map(lines.map((line, i) => [Number(line.id), `${i + 1}.00`]));
    const updatedLines = history.slice(1).map((e) => e.payload.line_id as number);
    expect([...updatedLines].sort((a, b) => a - b)).toEqual([...countOf.keys()].sort((a, b) => a - b));
    for (const e of history.slice(1)) {
      expect((e.payload.line as { counted_full_units: string }).counted_full_units).toBe(
        countOf.get(e.payload.line_id as number),
      );
    }

    const viaGraphql = await graphql.waitFor(20, 10_000);
    expect(viaGraphql.map((r) => r.data!.stocktakeEvents.sequence)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    expect(viaGraphql.map((r) => r.data!.stocktakeEvents.eventId)).toEqual(history.slice(1).map((e) => e.eventId));

    const viaPusher = await pusher.waitFor(20, 10_000);
    expect(viaPusher.map((e) => metaField(e).sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(viaPusher.map((e) => e.data)).toEqual(history.slice(1).map((e) => e.payload));

    await expectNothingMore(
      () =>
        t.graphql(
          UpdateStocktakeLineDocument,
          { id: lines[0]!.id, input: { countedFullUnits: '99' } },
          { token: galway },
        ),
      [graphql, 20],
      [pusher, 20],
    );
  });

  it('20 concurrent updates of the SAME line: sequence order is commit order (versions rise with the sequence) and the last event is the final state', async () => {
    const galway = await t.token({ user: 'manager-g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
    const created = ok(
      await t.graphql(
        CreateStocktakeDocument,
        { hotel: OTHER_HOTEL, input: { periodStart: '2026-02-01', periodEnd: '2026-02-28' } },
        { token: galway },
      ),
    ).createStocktake;
    ok(await t.graphql(PopulateStocktakeDocument, { id: created.id }, { token: galway })); // 1
    const line = ok(await t.graphql(StocktakeDocument, { id: created.id }, { token: galway })).stocktake.lines.find(
      (l) => l.itemSku === 'D0030',
    )!;
    const channel = detail(created.id, OTHER_HOTEL);
    const pusher = await pusherOn(channel);
    const graphql = await detailSubscription(created.id, { hotel: OTHER_HOTEL }, galway);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.graphql(
          UpdateStocktakeLineDocument,
          { id: line.id, input: { countedPartialUnits: String(i + 1) } },
          { token: galway },
        ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const versions = results.map((r) => r.data!.updateStocktakeLine.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => line.version + i + 1));

    const viaPusher = await pusher.waitFor(20, 10_000);
    expect(viaPusher.map((e) => metaField(e).sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(viaPusher.map((e) => (e.data.line as { version: number }).version)).toEqual(versions);
    const viaGraphql = await graphql.waitFor(20, 10_000);
    expect(viaGraphql.map((r) => (r.data!.stocktakeEvents as { line: { version: number } }).line.version)).toEqual(
      versions,
    );

    // Applying the events in sequence order leaves a frontend at the committed state.
    const final = ok(await t.graphql(StocktakeDocument, { id: created.id }, { token: galway })).stocktake.lines.find(
      (l) => l.id === line.id,
    )!;
    expect(viaPusher[19]!.data.line).toEqual(pusherLineOf(final));
    // Each update's own response matches the event with its version.
    for (const result of results) {
      const own = result.data!.updateStocktakeLine;
      expect(viaPusher.find((e) => (e.data.line as { version: number }).version === own.version)!.data.line).toEqual(
        pusherLineOf(own),
      );
    }
  });
});

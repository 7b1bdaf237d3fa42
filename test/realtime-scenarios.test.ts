/**
 * The original document's three test scenarios, with real clients on both
 * transports: pusher-js on the legacy channels and graphql-ws
 * subscriptions. "Browser A" makes the change over HTTP; the other screens
 * must see it, with the exact payloads legacy frontends bind to.
 */
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  CreateStocktakeDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeEventsDocument,
  StocktakeListEventsDocument,
  UpdateStocktakeLineDocument,
  type LineFieldsFragment,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { metaOf } from './support/payload-matchers';
import { currentSequence, graphqlSubscriber, legacyFrontend, type LegacyFrontend } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { pusherLineOf } from './support/pusher-line';

let t: TestApp;
const closers = closeAfterEach();
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function frontend(): Promise<LegacyFrontend> {
  const client = await legacyFrontend(t);
  closers.push(() => client.close());
  return client;
}

async function graphqlScreen() {
  const client = graphqlSubscriber(
    t,
    await t.token({ user: 'staff-9', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } }),
  );
  closers.push(() => client.close());
  return client;
}

async function populatedStocktake(periodStart: string, periodEnd: string) {
  const created = await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } });
  const id = created.data!.createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id });
  const lines = (await t.graphql(StocktakeDocument, { id })).data!.stocktake.lines;
  const guinness: LineFieldsFragment = lines.find((line) => line.itemSku === 'D0030')!;
  return { id, lines, guinness };
}

describe('Scenario 1: two users, one stocktake — a count in browser A shows in browser B', () => {
  it('delivers line-counted-updated with the full line to pusher-js and to graphql-ws', async () => {
    const { id, guinness } = await populatedStocktake('2024-03-01', '2024-03-31');
    const channel = `${HOTEL}-stocktake-${id}`;
    const browserB = await (await frontend()).listen(channel);
    const browserC = await (await frontend()).listen(channel);
    const sandbox = (await graphqlScreen()).subscribe(StocktakeEventsDocument, {
      stocktakeId: id,
      afterSequence: await currentSequence(t, channel),
    });

    const response = await t.graphql(UpdateStocktakeLineDocument, {
      id: guinness.id,
      input: { countedPartialUnits: '45.5' },
    });
    const line = response.data!.updateStocktakeLine;
    expect(line.countedPartialUnits).toBe('45.50');

    const [pusherEvent] = await browserB.waitFor(1);
    expect(pusherEvent).toEqual({
      channel,
      event: 'line-counted-updated',
      data: {
        line_id: Number(line.id),
        item_sku: 'D0030',
        line: pusherLineOf(line),
        // The count's progress after it: the one counted line (nothing was expected of it in this period).
        progress: { counted_lines: 1, total_lines: 5, counted_value: '113.75', variance_value_counted: '113.75' },
        meta: metaOf(2),
      },
    });
    expect(await browserC.waitFor(1)).toEqual([pusherEvent]);

    const [graphqlEvent] = await sandbox.waitFor(1);
    expect(graphqlEvent).toEqual({
      data: {
        stocktakeEvents: {
          __typename: 'LineCountedUpdatedEvent',
          eventId: (pusherEvent!.data.meta as { event_id: string }).event_id,
          name: 'line-counted-updated',
          channel,
          epoch: (pusherEvent!.data.meta as { epoch: string }).epoch,
          sequence: 2,
          occurredAt: (pusherEvent!.data.meta as { occurred_at: string }).occurred_at,
          actor: { id: 'manager-1', name: 'Mary Manager' },
          lineId: line.id,
          itemSku: 'D0030',
          line,
        },
      },
    });
  });
});

describe('Scenario 2: movement addition — a purchase in browser A updates purchases, expected and variance in browser B', () => {
  it('delivers line-movement-added with the movement and the recalculated line', async () => {
    const { id, guinness } = await populatedStocktake('2024-04-01', '2024-04-30');
    const channel = `${HOTEL}-stocktake-${id}`;
    const browserB = await (await frontend()).listen(channel);
    const phone = (await graphqlScreen()).subscribe(StocktakeEventsDocument, {
      stocktakeId: id,
      afterSequence: await currentSequence(t, channel),
    });

    const response = await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '88.0', timestamp: '2024-04-09T14:30:00Z' },
    });
    const { movement, line } = response.data!.addLineMovement;
    expect(line).toMatchObject({ purchases: '88.0000', expectedQty: '88.0000', varianceQty: '-88.0000' });

    const [pusherEvent] = await browserB.waitFor(1);
    expect(pusherEvent).toEqual({
      channel,
      event: 'line-movement-added',
      data: {
        line_id: Number(line.id),
        item_sku: 'D0030',
        movement: {
          id: Number(movement.id),
          movement_type: 'PURCHASE',
          quantity: '88.0000',
          timestamp: '2024-04-09T14:30:00.000Z',
        },
        line: pusherLineOf(line),
        progress: { counted_lines: 0, total_lines: 5, counted_value: '0.00', variance_value_counted: '0.00' },
        meta: metaOf(2),
      },
    });
    const [graphqlEvent] = await phone.waitFor(1);
    expect(graphqlEvent!.data!.stocktakeEvents).toMatchObject({
      __typename: 'LineMovementAddedEvent',
      name: 'line-movement-added',
      sequence: 2,
      lineId: line.id,
      itemSku: 'D0030',
      movement,
      line,
    });
  });
});

describe('Scenario 3: approval — browser A on the list and browser B on the detail see it as browser C approves', () => {
  it('delivers stocktake-status-changed on both channels and the stocktake is locked for everyone', async () => {
    const { id, guinness } = await populatedStocktake('2024-05-01', '2024-05-31');
    const listChannel = `${HOTEL}-stocktakes`;
    const detailChannel = `${HOTEL}-stocktake-${id}`;
    const browserA = await (await frontend()).listen(listChannel);
    const browserB = await (await frontend()).listen(detailChannel);
    const screens = await graphqlScreen();
    const listScreen = screens.subscribe(StocktakeListEventsDocument, {
      hotel: HOTEL,
      afterSequence: await currentSequence(t, listChannel),
    });
    const detailScreen = screens.subscribe(StocktakeEventsDocument, {
      stocktakeId: id,
      afterSequence: await currentSequence(t, detailChannel),
    });

    const browserC = await t.token({ user: 'manager-2', name: 'Conor Manager' });
    const approved = await t.graphql(ApproveStocktakeDocument, { id }, { token: browserC });
    const { stocktake, adjustmentsCreated } = approved.data!.approveStocktake;
    expect(stocktake).toMatchObject({ status: 'APPROVED', isLocked: true, approvedByName: 'Conor Manager' });

    const summary = {
      id: Number(id),
      hotel: expect.any(Number),
      period_start: '2024-05-01',
      period_end: '2024-05-31',
      status: 'APPROVED',
      is_locked: true,
      notes: '',
      created_at: stocktake.createdAt,
      approved_at: stocktake.approvedAt,
      approved_by: 'manager-2',
      approved_by_name: 'Conor Manager',
      total_lines: stocktake.lineCount,
      line_count: stocktake.lineCount,
      total_value: stocktake.totalValue,
      total_variance_value: stocktake.totalVarianceValue,
    };
    const [onList] = await browserA.waitFor(1);
    const [onDetail] = await browserB.waitFor(1);
    const actor = { id: 'manager-2', name: 'Conor Manager' };
    expect(onList).toEqual({
      channel: listChannel,
      event: 'stocktake-status-changed',
      data: {
        stocktake_id: Number(id),
        status: 'APPROVED',
        adjustments_created: adjustmentsCreated,
        // No line of this stocktake was counted.
        uncounted_lines: 5,
        stocktake: summary,
        meta: { ...metaOf(expect.any(Number) as never), actor },
      },
    });
    expect(onDetail).toEqual({
      ...onList,
      channel: detailChannel,
      data: {
        ...onList!.data,
        meta: { ...metaOf(2), actor, event_id: (onList!.data.meta as { event_id: string }).event_id },
      },
    });

    const [listEvent] = await listScreen.waitFor(1);
    const [detailEvent] = await detailScreen.waitFor(1);
    for (const event of [listEvent!.data!.stocktakeListEvents, detailEvent!.data!.stocktakeEvents]) {
      expect(event).toMatchObject({
        __typename: 'StocktakeStatusChangedEvent',
        status: 'APPROVED',
        adjustmentsCreated,
        stocktake,
        actor,
      });
    }

    // Locked for everyone: browser B's next edit is refused and nobody hears of it.
    const refused = await t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedFullUnits: '1' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('STOCKTAKE_LOCKED');
    const after = await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2024-06-01', periodEnd: '2024-06-30' },
    });
    expect(after.errors).toBeUndefined();
    const [, next] = await browserA.waitFor(2);
    expect(next!.event).toBe('stocktake-created');
    expect(browserB.items).toHaveLength(1);
  });
});

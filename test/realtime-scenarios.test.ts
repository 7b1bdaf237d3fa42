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
import { HOTEL } from './support/fixtures';
import { graphqlSubscriber, legacyFrontend, type GraphQLSubscriber, type LegacyFrontend } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { pusherLineOf } from './support/pusher-line';

let t: TestApp;
const closers: Array<() => unknown> = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(() => t.close());

async function frontend(): Promise<LegacyFrontend> {
  const client = await legacyFrontend(t);
  closers.push(() => client.close());
  return client;
}

function subscriber(): GraphQLSubscriber {
  const client = graphqlSubscriber(t, null);
  closers.push(() => client.close());
  return client;
}

async function graphqlScreen() {
  const client = graphqlSubscriber(t, await t.token({ user: 'staff-9', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } }));
  closers.push(() => client.close());
  return client;
}

async function populatedStocktake(periodStart: string, periodEnd: string) {
  const created = await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } });
  const id = created.data!.createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id });
  const lines = (await t.graphql(StocktakeDocument, { id })).data!.stocktake.lines;
  return { id, lines, guinness: lines.find((line) => line.itemSku === 'D0030')! as LineFieldsFragment };
}

const metaOf = (sequence: number) => ({
  event_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
  sequence,
  occurred_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  actor: { id: 'manager-1', name: 'Mary Manager' },
});

describe('Scenario 1: two users, one stocktake — a count in browser A shows in browser B', () => {
  it('delivers line-counted-updated with the full line to pusher-js and to graphql-ws', async () => {
    const { id, guinness } = await populatedStocktake('2024-03-01', '2024-03-31');
    const channel = `${HOTEL}-stocktake-${id}`;
    const browserB = await (await frontend()).listen(channel);
    const browserC = await (await frontend()).listen(channel);
    const sandbox = (await graphqlScreen()).subscribe(StocktakeEventsDocument, { stocktakeId: id });
    await sandbox.started;

    const response = await t.graphql(UpdateStocktakeLineDocument, { id: guinness.id, input: { countedPartialUnits: '45.5' } });
    const line = response.data!.updateStocktakeLine;
    expect(line.countedPartialUnits).toBe('45.50');

    const [pusherEvent] = await browserB.waitFor(1);
    expect(pusherEvent).toEqual({
      channel,
      event: 'line-counted-updated',
      data: { line_id: Number(line.id), item_sku: 'D0030', line: pusherLineOf(line), meta: metaOf(2) },
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

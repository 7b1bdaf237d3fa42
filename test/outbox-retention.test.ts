/**
 * The outbox keeps delivered events for OUTBOX_RETENTION and then prunes
 * them, a prefix of each channel at a time; undelivered ones stay. A
 * catch-up from before what is kept is refused with HISTORY_EXPIRED and the
 * oldest sequence still held, never answered with a partial replay.
 */
import { ChannelEventsDocument, StocktakeEventsDocument } from './__generated__/graphql';
import { graphqlSubscriber, type GraphQLSubscriber } from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

let t: TestApp;
let steps: ReturnType<typeof stocktakeSteps>;
const sockets: GraphQLSubscriber[] = [];

beforeAll(async () => {
  // Everything delivered is old enough to prune as soon as the test asks (and only then: no background pruning).
  t = await startTestApp({ env: { OUTBOX_RETENTION: '1ms' }, outboxPruneIntervalMs: 3_600_000 });
  steps = stocktakeSteps(t);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
});
afterAll(() => t.close());

const history = (channel: string, afterSequence: number) =>
  t.graphql(ChannelEventsDocument, { channel, afterSequence, limit: 100 });

it('delivered events are pruned; a catch-up from before them is HISTORY_EXPIRED, from after them it works', async () => {
  const stocktake = await steps.ready(); // 1: stocktake-populated
  await steps.count(stocktake.guinness.id, '1'); // 2
  await steps.count(stocktake.guinness.id, '2'); // 3
  await steps.waitForBacklog(0);

  expect(await t.app.retention.runOnce()).toBeGreaterThanOrEqual(3);

  const expired = await history(stocktake.channel, 0);
  expect(expired.data).toBeNull();
  const [{ epoch }] = await t.orm.em
    .getConnection()
    .execute<[{ epoch: string }]>('select current_history_epoch() as epoch');
  expect(expired.errors![0]).toMatchObject({
    message: `Events of ${stocktake.channel} after 0 are no longer kept (the oldest is 4); reload the data, then follow from the latest sequence`,
  });
  // Where the channel stands now (docs/realtime.md, "Positions and epochs"): follow from there after reloading.
  expect(expired.errors![0]!.extensions).toEqual({
    code: 'HISTORY_EXPIRED',
    channel: stocktake.channel,
    oldestSequence: 4,
    epoch,
    sequence: 3,
  });
  expect(ok(await history(stocktake.channel, 3)).channelEvents).toEqual([]);

  // Subscriptions are refused the same way, and follow fine from the latest sequence.
  const socket = graphqlSubscriber(t, await t.token());
  sockets.push(socket);
  const old = socket.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: 1 });
  const [refusal] = await old.waitFor(1);
  expect(refusal!.errors![0]).toMatchObject({ extensions: { code: 'HISTORY_EXPIRED', oldestSequence: 4 } });
  const current = socket.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: 3 });
  await steps.count(stocktake.guinness.id, '3');
  const [next] = await current.waitFor(1);
  expect(next!.data!.stocktakeEvents).toMatchObject({ __typename: 'LineCountedUpdatedEvent', sequence: 4 });
});

it('never prunes an undelivered event, nor anything after it on its channel', async () => {
  const stocktake = await steps.ready(); // 1, delivered
  t.faults.refuseWhere((event) => event.channel === stocktake.channel && JSON.parse(event.data).meta.sequence === 2, {
    status: 400,
    body: 'refused',
  });
  await steps.count(stocktake.guinness.id, '1'); // 2: dead-lettered
  await steps.count(stocktake.guinness.id, '2'); // 3: delivered
  await steps.waitForAccepted(stocktake.channel, 2);
  await steps.waitForBacklog(0);
  t.faults.clear();

  await t.app.retention.runOnce();
  const kept = await steps.outboxRows(stocktake.channel);
  expect(kept.map((row) => [row.sequence, row.dead_lettered_at !== null])).toEqual([
    [2, true],
    [3, false],
  ]);
  expect(ok(await history(stocktake.channel, 1)).channelEvents.map((event) => event.sequence)).toEqual([2, 3]);
  expect((await history(stocktake.channel, 0)).errors![0]!.extensions).toMatchObject({
    code: 'HISTORY_EXPIRED',
    oldestSequence: 2,
  });
});

/**
 * Two instances on one database and no Redis (docs/realtime.md, "Several
 * instances"): a commit on one reaches the other's graphql-ws subscribers
 * and relay leader through PostgreSQL LISTEN/NOTIFY, sent in the committing
 * transaction. No poll or check could explain these deliveries: the relay
 * polls an hour apart, and without Redis nothing else compares the outbox.
 * A rolled-back transaction notifies nothing, and after the listening
 * connection is killed, what was committed meanwhile is caught up.
 */
import type { ExecutionResult } from 'graphql';
import { Client } from 'pg';
import type { DomainEvent } from '../src/domain/events';
import { sqlTransaction } from '../src/persistence/sql';
import {
  COMMIT_NOTICE_CHANNEL,
  CommitListener,
  LISTENER_APPLICATION_NAME,
  type CommitNotice,
} from '../src/realtime/commit-notices';
import type { NotifiedEventBus } from '../src/realtime/notified-event-bus';
import { OutboxStore } from '../src/realtime/outbox/outbox-store';
import {
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeEventsDocument,
  type StocktakeEventsSubscription,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { startPusherEndpoint, type PusherEndpoint } from './support/pusher-endpoint';
import { currentSequence, expectNothingMore, graphqlSubscriber, type Received } from './support/realtime-clients';
import { dataOf, stocktakeSteps } from './support/stocktakes';
import { startTestApp, testLogger, type TestApp, type TestAppOptions } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(60_000);

const closers = closeAfterEach();
let endpoint: PusherEndpoint;
const apps: TestApp[] = [];

beforeEach(async () => {
  endpoint = await startPusherEndpoint();
});
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
  await endpoint.close();
});

/** Relay polls an hour apart: only a wake-up can bring an event to Pusher within a test. */
const NO_POLL: TestAppOptions = { relayTiming: { pollIntervalMs: 3_600_000 } };

async function instance(database?: string, options: TestAppOptions = {}): Promise<TestApp> {
  const app = await startTestApp({
    ...(database ? { database: { url: database } } : {}),
    ...NO_POLL,
    ...options,
    env: { ...endpoint.env, ...options.env },
  });
  apps.push(app);
  return app;
}

const followed = (t: TestApp) => (t.app.bus as NotifiedEventBus).followedChannels();

function seen(received: Received<ExecutionResult<StocktakeEventsSubscription>>) {
  return received.items.map((result) => {
    expect(result.errors).toBeUndefined();
    const event = result.data!.stocktakeEvents;
    return {
      sequence: event.sequence,
      name: event.name,
      counted: event.__typename === 'LineCountedUpdatedEvent' ? event.line.countedFullUnits : null,
    };
  });
}

/** A stocktake made on `t`, populated, with its Guinness line. */
async function populated(t: TestApp) {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.create();
  ok(await t.graphql(PopulateStocktakeDocument, { id: stocktake.id }));
  const lines = ok(await t.graphql(StocktakeDocument, { id: stocktake.id })).stocktake.lines;
  return { ...stocktake, guinness: lines.find((line) => line.itemSku === 'D0030')! };
}

/**
 * A subscriber on `t` to the stocktake's channel, from its current sequence, once it is live: the
 * first event (committed on `through`) has arrived, so the catch-up that opened it is over and
 * every later event can only come through the event bus.
 */
async function liveSubscriber(t: TestApp, through: TestApp, stocktake: Awaited<ReturnType<typeof populated>>) {
  const after = await currentSequence(through, stocktake.channel);
  const subscriber = graphqlSubscriber(t, await t.token());
  closers.push(() => subscriber.close());
  const received = subscriber.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: after });
  await waitUntil(() => followed(t) === 1, 'the subscription to follow its channel');
  await stocktakeSteps(through).count(stocktake.guinness.id, '1');
  await received.waitFor(1, 10_000);
  return { received, after };
}

it('a graphql-ws subscriber on the other instance gets each commit at once, with no commit of its own', async () => {
  const first = await instance();
  const second = await instance(first.databaseUrl);
  const stocktake = await populated(first);
  const { received, after } = await liveSubscriber(second, first, stocktake);

  const counts = 10;
  for (let count = 2; count <= counts; count += 1) {
    await stocktakeSteps(first).count(stocktake.guinness.id, String(count));
    // Each commit reaches the other instance before the next is made: nothing on `second` could reveal it.
    await received.waitFor(count, 10_000);
  }
  expect(seen(received)).toEqual(
    Array.from({ length: counts }, (_, index) => ({
      sequence: after + 1 + index,
      name: 'line-counted-updated',
      counted: `${index + 1}.00`,
    })),
  );
  await expectNothingMore(() => stocktakeSteps(first).count(stocktake.guinness.id, '99'), [received, counts]);
  expect(seen(received).at(-1)).toEqual({
    sequence: after + counts + 1,
    name: 'line-counted-updated',
    counted: '99.00',
  });
});

it('the relay leader on the other instance publishes a commit at once, not at its poll', async () => {
  const leader = await instance();
  await waitUntil(() => leader.app.relay!.leader, 'the first instance to lead');
  const other = await instance(leader.databaseUrl);
  expect(other.app.relay!.leader).toBe(false);

  for (let round = 1; round <= 3; round += 1) {
    const stocktake = await stocktakeSteps(other).create();
    const isCreated = (event: { channel: string; data: string }) =>
      event.channel === `${HOTEL}-stocktakes` && dataOf(event).id === Number(stocktake.id);
    await waitUntil(() => endpoint.faults.accepted.some(isCreated), `stocktake ${round} at Pusher`, 10_000);
  }
  expect(other.app.relay!.leader).toBe(false);
});

it('a rolled-back transaction notifies nothing; a commit notifies each channel with its new sequence', async () => {
  const t = await instance();
  const stocktake = await populated(t);
  const notices: CommitNotice[] = [];
  const listener = new CommitListener({
    databaseUrl: t.databaseUrl,
    instanceId: 'the-test',
    onNotice: (notice) => notices.push(notice),
    onReconnected: () => undefined,
    log: testLogger(),
  });
  closers.push(() => listener.stop());
  await listener.start();
  const after = await currentSequence(t, stocktake.channel);

  const store = new OutboxStore(t.orm, { channel: COMMIT_NOTICE_CHANNEL, origin: 'rolled-back' });
  const event: DomainEvent = {
    name: 'stocktake-populated',
    hotel: HOTEL,
    stocktakeId: Number(stocktake.id),
    data: { stocktakeId: Number(stocktake.id), linesCreated: 0 },
  };
  await expect(
    sqlTransaction(t.orm, async (sql) => {
      const stored = await store.append(sql, [event, event], { id: 'manager-1', name: 'Mary Manager' });
      expect(stored.map((row) => row.sequence)).toEqual([after + 1, after + 2]);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');

  // The barrier: a commit after the rollback. Its notice is the first to arrive.
  await stocktakeSteps(t).count(stocktake.guinness.id, '5');
  await waitUntil(() => notices.length > 0, 'the commit notice');
  expect(notices).toEqual([{ origin: t.app.instanceId, channel: stocktake.channel, sequence: after + 1, count: 1 }]);
});

it('after its listening connection is killed, an instance listens again and catches up what it missed', async () => {
  const first = await instance();
  // Reconnecting waits 1.5 s (then longer): the commits below are made while nobody listens on `second`.
  const second = await instance(first.databaseUrl, { commitNotices: { retryBaseMs: 1_500 } });
  const stocktake = await populated(first);
  const { received, after } = await liveSubscriber(second, first, stocktake);
  const resyncsBefore = (await second.app.metrics.busResyncs.get()).values[0]?.value ?? 0;

  const listenerPid = () => listeningBackend(first.databaseUrl, second.app.instanceId);
  const killed = await listenerPid();
  expect(killed).not.toBeNull();
  await terminate(first.databaseUrl, killed!);
  for (let count = 2; count <= 6; count += 1) await stocktakeSteps(first).count(stocktake.guinness.id, String(count));

  await received.waitFor(6, 15_000);
  expect(seen(received)).toEqual(
    Array.from({ length: 6 }, (_, index) => ({
      sequence: after + 1 + index,
      name: 'line-counted-updated',
      counted: `${index + 1}.00`,
    })),
  );
  const now = await listenerPid();
  expect(now).not.toBeNull();
  expect(now).not.toBe(killed);
  expect((await second.app.metrics.busResyncs.get()).values[0]!.value).toBeGreaterThan(resyncsBefore);
  // Live again through notices: one more commit on `first` arrives next, and nothing else.
  await expectNothingMore(() => stocktakeSteps(first).count(stocktake.guinness.id, '7'), [received, 6]);
});

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The backend of the instance's listening connection, found by its application_name. */
function listeningBackend(databaseUrl: string, instanceId: string): Promise<number | null> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [`${LISTENER_APPLICATION_NAME}:${instanceId}`],
    );
    return rows[0]?.pid ?? null;
  });
}

function terminate(databaseUrl: string, pid: number): Promise<unknown> {
  return withClient(databaseUrl, (client) => client.query('select pg_terminate_backend($1)', [pid]));
}

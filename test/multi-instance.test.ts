/**
 * Several instances on one database and one Redis (docs/realtime.md, "Several
 * instances"): graphql-ws and pusher-js subscribers of every instance get
 * every event once and in order, whichever instance took the mutation; the
 * built-in Pusher endpoint shares occupancy and presence; a subscriber whose
 * instance goes away picks up on another with afterSequence; and Redis
 * stopped and started under load loses nothing.
 *
 * Needs Redis: the machine's (127.0.0.1:6379 or REDIS_URL), else a
 * redis-server of its own; without either the tests are skipped, saying why.
 */
import type { ExecutionResult } from 'graphql';
import Pusher from 'pusher';
import PusherJs from 'pusher-js';
import {
  PopulateStocktakeDocument,
  StocktakeDocument,
  StocktakeEventsDocument,
  type StocktakeEventsSubscription,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import {
  currentSequence,
  expectNothingMore,
  graphqlSubscriber,
  legacyFrontend,
  type PusherEvent,
  type Received,
} from './support/realtime-clients';
import {
  ownRedis,
  redisGate,
  redisServerUnavailable,
  stopTestRedis,
  testRedisUrl,
  uniquePrefix,
  type OwnRedis,
} from './support/redis';
import { stocktakeSteps } from './support/stocktakes';
import { PUSHER, startTestApp, type TestApp } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(60_000);

// Skipped with a warning without Redis (or redis-server, for the outage); failed instead in CI.
const describeWithRedis = redisGate('test/multi-instance.test.ts', 'the multi-instance tests')
  ? describe
  : describe.skip;
const describeWithOwnRedis = redisGate('test/multi-instance.test.ts', 'the Redis outage test', redisServerUnavailable)
  ? describe
  : describe.skip;

const closers = closeAfterEach();

type DetailEvent = StocktakeEventsSubscription['stocktakeEvents'];

/** What a graphql-ws subscriber saw, reduced to what identifies each event and its content. */
function graphqlSeen(received: Received<ExecutionResult<StocktakeEventsSubscription>>) {
  return received.items.map((result) => {
    expect(result.errors).toBeUndefined();
    const event: DetailEvent = result.data!.stocktakeEvents;
    return {
      sequence: event.sequence,
      name: event.name,
      counted: event.__typename === 'LineCountedUpdatedEvent' ? event.line.countedFullUnits : null,
    };
  });
}

/** The same for a pusher-js client. */
function pusherSeen(received: Received<PusherEvent>) {
  return received.items.map((item) => {
    const data = item.data as { meta: { sequence: number }; line?: { counted_full_units?: unknown } };
    return { sequence: data.meta.sequence, name: item.event, counted: data.line?.counted_full_units ?? null };
  });
}

/** A stocktake made through `t`, populated, with its Guinness and Heineken lines, and nothing left to relay. */
async function populatedStocktake(t: TestApp) {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.create();
  ok(await t.graphql(PopulateStocktakeDocument, { id: stocktake.id }));
  const lines = ok(await t.graphql(StocktakeDocument, { id: stocktake.id })).stocktake.lines;
  await steps.waitForBacklog(0);
  return { ...stocktake, lines, steps };
}

describeWithRedis('two instances sharing one Redis', () => {
  let redis: { url: string; prefix: string };
  let first: TestApp;
  let second: TestApp;
  let token: string;

  beforeAll(async () => {
    redis = { url: await testRedisUrl(), prefix: uniquePrefix() };
    // The outbox check is off here, so what reaches the other instance can only have come through Redis.
    const settings = { ...redis, checkIntervalMs: 3_600_000 };
    first = await startTestApp({ pusher: 'built-in', redis: settings });
    second = await startTestApp({ pusher: 'built-in', database: { url: first.databaseUrl }, redis: settings });
    token = await first.token();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await stopTestRedis();
  });

  it('graphql-ws and pusher-js subscribers on both instances get every event once, in order, whichever instance took it', async () => {
    const stocktake = await populatedStocktake(first);
    const guinness = stocktake.lines.find((line) => line.itemSku === 'D0030')!;
    const after = await currentSequence(first, stocktake.channel);

    const graphql = [first, second].map((t) => {
      const subscriber = graphqlSubscriber(t, token);
      closers.push(() => subscriber.close());
      return subscriber.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: after });
    });
    const pusher: Received<PusherEvent>[] = [];
    for (const t of [first, second]) {
      const frontend = await legacyFrontend(t);
      closers.push(() => frontend.close());
      pusher.push(await frontend.listen(stocktake.channel));
    }

    // Alternate the instance that takes each mutation.
    const counts = 20;
    for (let count = 1; count <= counts; count += 1) {
      const through = count % 2 === 1 ? first : second;
      await stocktakeSteps(through).count(guinness.id, String(count));
    }

    const expected = Array.from({ length: counts }, (_, index) => ({
      sequence: after + 1 + index,
      name: 'line-counted-updated',
      counted: `${index + 1}.00`,
    }));
    for (const received of graphql) {
      await received.waitFor(counts, 10_000);
      expect(graphqlSeen(received)).toEqual(expected);
    }
    for (const received of pusher) {
      await received.waitFor(counts, 10_000);
      expect(pusherSeen(received)).toEqual(expected);
    }
    // Nothing more (no duplicate on its way): one more event, through the other instance, arrives next everywhere.
    await expectNothingMore(
      () => stocktakeSteps(second).count(guinness.id, String(counts + 1)),
      ...graphql.map((received): [Received<unknown>, number] => [received, counts]),
      ...pusher.map((received): [Received<unknown>, number] => [received, counts]),
    );
    expect(graphqlSeen(graphql[0]!).at(-1)).toEqual({
      sequence: after + counts + 1,
      name: 'line-counted-updated',
      counted: `${counts + 1}.00`,
    });
    // Each instance received the other's events through Redis.
    for (const t of [first, second]) {
      expect((await t.app.metrics.busRedisReceived.get()).values[0]!.value).toBeGreaterThan(0);
    }
  });

  it('the built-in endpoint shares publishes, occupancy and presence between the instances', async () => {
    const sdk = (t: TestApp) =>
      new Pusher({ ...PUSHER, host: '127.0.0.1', port: String(t.port), useTLS: false, timeout: 5_000 });
    const client = (t: TestApp, presence?: { user_id: string; user_info: Record<string, string> }) => {
      const pusherJs = new PusherJs(PUSHER.key, {
        cluster: 'mt1',
        wsHost: '127.0.0.1',
        wsPort: t.port,
        forceTLS: false,
        enabledTransports: ['ws'],
        channelAuthorization: {
          endpoint: 'unused',
          transport: 'ajax',
          customHandler: (params, callback) =>
            callback(null, sdk(t).authorizeChannel(params.socketId, params.channelName, presence)),
        },
      });
      closers.push(() => pusherJs.disconnect());
      return pusherJs;
    };
    const record = (channel: ReturnType<PusherJs['subscribe']>) => {
      const seen: Array<{ event: string; data: unknown }> = [];
      channel.bind_global((event: string, data: unknown) => {
        if (event !== 'pusher:subscription_succeeded') seen.push({ event, data });
      });
      return seen;
    };
    const room = `shared-room-${Date.now()}`;
    const onFirst = client(first).subscribe(room);
    const onSecond = client(second).subscribe(room);
    const seenFirst = record(onFirst);
    const seenSecond = record(onSecond);
    await waitUntil(() => onFirst.subscribed && onSecond.subscribed, 'both subscriptions');

    for (const t of [first, second]) {
      const answer = await sdk(t).get({ path: `/channels/${room}`, params: { info: 'subscription_count' } });
      expect(await answer.json()).toEqual({ occupied: true, subscription_count: 2 });
    }
    // Accepted by either instance, received once by the clients of both.
    await sdk(second).trigger(room, 'greeting', { n: 1 });
    await sdk(first).trigger(room, 'greeting', { n: 2 });
    await waitUntil(() => seenFirst.length >= 2 && seenSecond.length >= 2, 'both greetings on both instances');
    const greetings = [
      { event: 'greeting', data: { n: 1 } },
      { event: 'greeting', data: { n: 2 } },
    ];
    // A third publish as the barrier: had a duplicate been on its way, it would come before this.
    await sdk(first).trigger(room, 'greeting', { n: 3 });
    await waitUntil(() => seenFirst.length >= 3 && seenSecond.length >= 3, 'the barrier on both instances');
    expect(seenFirst).toEqual([...greetings, { event: 'greeting', data: { n: 3 } }]);
    expect(seenSecond).toEqual([...greetings, { event: 'greeting', data: { n: 3 } }]);

    // Presence: members of both instances, one list, member_added and member_removed across instances.
    const presenceRoom = `presence-${room}`;
    const alice = client(first, { user_id: 'alice', user_info: { name: 'Alice' } }).subscribe(presenceRoom);
    const aliceSeen = record(alice);
    await waitUntil(() => alice.subscribed, 'alice in the presence channel');
    const bobClient = client(second, { user_id: 'bob', user_info: { name: 'Bob' } });
    const bob = bobClient.subscribe(presenceRoom);
    await waitUntil(() => bob.subscribed, 'bob in the presence channel');
    expect((bob as unknown as { members: { count: number; me: unknown } }).members.count).toBe(2);
    await waitUntil(() => aliceSeen.length >= 1, 'alice to see bob join');
    expect(aliceSeen).toEqual([{ event: 'pusher:member_added', data: { id: 'bob', info: { name: 'Bob' } } }]);
    for (const t of [first, second]) {
      const users = await sdk(t).get({ path: `/channels/${presenceRoom}/users` });
      expect(await users.json()).toEqual({ users: [{ id: 'alice' }, { id: 'bob' }] });
      const channels = await sdk(t).get({
        path: '/channels',
        params: { filter_by_prefix: presenceRoom, info: 'user_count,subscription_count' },
      });
      expect(await channels.json()).toEqual({
        channels: { [presenceRoom]: { user_count: 2, subscription_count: 2 } },
      });
    }
    bobClient.disconnect();
    await waitUntil(() => aliceSeen.length >= 2, 'alice to see bob leave');
    expect(aliceSeen[1]).toEqual({ event: 'pusher:member_removed', data: { id: 'bob', info: { name: 'Bob' } } });
    const users = await sdk(second).get({ path: `/channels/${presenceRoom}/users` });
    expect(await users.json()).toEqual({ users: [{ id: 'alice' }] });
  });

  it('a subscriber whose instance goes away resumes on the other with afterSequence and gets exactly what it missed', async () => {
    const third = await startTestApp({ pusher: 'built-in', database: { url: first.databaseUrl }, redis });
    let thirdClosed = false;
    closers.push(() => (thirdClosed ? undefined : third.close()));
    const stocktake = await populatedStocktake(first);
    const guinness = stocktake.lines.find((line) => line.itemSku === 'D0030')!;
    const after = await currentSequence(first, stocktake.channel);

    const before = graphqlSubscriber(third, token);
    closers.push(() => before.close());
    const received = before.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: after });
    for (let count = 1; count <= 3; count += 1) await stocktakeSteps(first).count(guinness.id, String(count));
    await received.waitFor(3);
    const lastSeen = graphqlSeen(received).at(-1)!.sequence;

    await third.close();
    thirdClosed = true;
    await received.done.catch(() => undefined);
    // Missed while it reconnects: two through one instance, one through the other.
    await stocktakeSteps(first).count(guinness.id, '4');
    await stocktakeSteps(second).count(guinness.id, '5');
    await stocktakeSteps(first).count(guinness.id, '6');

    const resumed = graphqlSubscriber(second, token);
    closers.push(() => resumed.close());
    const again = resumed.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: lastSeen });
    await again.waitFor(3);
    expect(graphqlSeen(again)).toEqual(
      [4, 5, 6].map((count) => ({ sequence: after + count, name: 'line-counted-updated', counted: `${count}.00` })),
    );
    // And live after that, with nothing in between.
    await expectNothingMore(() => stocktakeSteps(first).count(guinness.id, '7'), [again, 3]);
    expect(graphqlSeen(again).at(-1)).toEqual({
      sequence: after + 7,
      name: 'line-counted-updated',
      counted: '7.00',
    });
  });
});

describeWithOwnRedis('Redis stopped and started under load', () => {
  let own: OwnRedis;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    own = await ownRedis();
    const redis = { url: own.url, prefix: uniquePrefix(), checkIntervalMs: 200 };
    first = await startTestApp({ pusher: 'built-in', redis });
    second = await startTestApp({ pusher: 'built-in', database: { url: first.databaseUrl }, redis });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await own?.stop();
  });

  it('no mutation fails, and every subscriber of both instances still gets every event once, in order', async () => {
    const stocktake = await populatedStocktake(first);
    const [guinness, other] = [
      stocktake.lines.find((line) => line.itemSku === 'D0030')!,
      stocktake.lines.find((line) => line.itemSku !== 'D0030')!,
    ];
    const after = await currentSequence(first, stocktake.channel);
    const token = await first.token();
    const subscribers = [first, first, second, second].map((t) => {
      const subscriber = graphqlSubscriber(t, token);
      closers.push(() => subscriber.close());
      return subscriber.subscribe(StocktakeEventsDocument, { stocktakeId: stocktake.id, afterSequence: after });
    });

    const frontends: Array<Received<PusherEvent>> = [];
    for (const t of [first, second]) {
      const frontend = await legacyFrontend(t);
      closers.push(() => frontend.close());
      frontends.push(await frontend.listen(stocktake.channel));
    }
    const occupancy = async () => {
      const sdk = new Pusher({ ...PUSHER, host: '127.0.0.1', port: String(second.port), useTLS: false });
      const answer = await sdk.get({ path: `/channels/${stocktake.channel}`, params: { info: 'subscription_count' } });
      return (await answer.json()) as unknown;
    };
    expect(await occupancy()).toEqual({ occupied: true, subscription_count: 2 });

    // Two writers at once, one per instance and line; Redis dies after 20 commits and comes back after 40.
    const perWriter = 30;
    let committed = 0;
    let outage: Promise<void> = Promise.resolve();
    const writer = async (t: TestApp, lineId: string) => {
      for (let count = 1; count <= perWriter; count += 1) {
        await stocktakeSteps(t).count(lineId, String(count));
        committed += 1;
        if (committed === 20) outage = own.stop();
        if (committed === 40) outage = outage.then(() => own.start());
      }
    };
    await Promise.all([writer(first, guinness.id), writer(second, other.id)]);
    await outage;

    const total = 2 * perWriter;
    const expected = Array.from({ length: total }, (_, index) => after + 1 + index);
    for (const received of subscribers) {
      await received.waitFor(total, 20_000);
      expect(graphqlSeen(received).map((event) => event.sequence)).toEqual(expected);
    }
    // pusher-js on both instances too: the built-in endpoint follows the same streams (nothing lost with Redis).
    for (const received of frontends) {
      await received.waitFor(total, 20_000);
      expect(pusherSeen(received).map((event) => event.sequence)).toEqual(expected);
    }
    await expectNothingMore(
      () => stocktakeSteps(second).count(guinness.id, '999'),
      ...[...subscribers, ...frontends].map((received): [Received<unknown>, number] => [received, total]),
    );
    // The outage showed: a publish failed, and the outbox check or the reconnect resynced followed channels.
    let failures = 0;
    let resyncs = 0;
    for (const t of [first, second]) {
      failures += (await t.app.metrics.busRedisPublishFailures.get()).values[0]?.value ?? 0;
      resyncs += (await t.app.metrics.busResyncs.get()).values[0]?.value ?? 0;
    }
    expect(failures).toBeGreaterThan(0);
    expect(resyncs).toBeGreaterThan(0);
    await waitUntil(
      async () => (await first.app.metrics.registry.getSingleMetricAsString('redis_connected')).endsWith(' 1'),
      'the first instance to report Redis connected again',
    );
    // Redis came back empty: each instance put its Pusher subscriptions back.
    await waitUntil(
      async () => JSON.stringify(await occupancy()) === JSON.stringify({ occupied: true, subscription_count: 2 }),
      'both pusher-js subscriptions counted again',
    );
  });
});

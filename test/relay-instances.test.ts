/**
 * Several instances on one database relay each event to Pusher once: one
 * leads, and when its lock connection is lost mid-drain the other takes
 * over without sending anything the first already sent or is sending (the
 * claims fence every publish). When the leader dies, the standby takes over.
 * With Redis (REDIS_URL), a commit on any instance wakes the leader's relay
 * at once rather than at its next poll.
 */
import { Client } from 'pg';
import { PopulateStocktakeDocument, StocktakeDocument } from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { startPusherEndpoint, type PusherEndpoint } from './support/pusher-endpoint';
import { dataOf, stocktakeSteps } from './support/stocktakes';
import { redisGate, stopTestRedis, testRedisUrl, uniquePrefix } from './support/redis';
import { startTestApp, type TestApp, type TestAppOptions } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(60_000);

let endpoint: PusherEndpoint;
const apps: TestApp[] = [];

beforeEach(async () => {
  endpoint = await startPusherEndpoint();
});
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
  await endpoint.close();
});
afterAll(() => stopTestRedis());

// Skipped with a warning without Redis; failed instead in CI.
const itWithRedis = redisGate('test/relay-instances.test.ts', 'the Redis cases') ? it : it.skip;

async function instance(database?: string, options: TestAppOptions = {}): Promise<TestApp> {
  const app = await startTestApp({
    ...(database ? { database: { url: database } } : {}),
    ...options,
    env: { ...endpoint.env, ...options.env },
  });
  apps.push(app);
  return app;
}

/** Ends the database session holding the relay's advisory lock, as a network cut or a failover would; 0 when none holds it. */
async function terminateLeaderLockSession(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `select pg_terminate_backend(pid) from pg_locks
       where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`,
    );
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** How often each channel/sequence reached Pusher, and the order each channel's events arrived in. */
function delivered() {
  const times = new Map<string, number>();
  const order = new Map<string, number[]>();
  for (const event of endpoint.faults.accepted) {
    const sequence = dataOf(event).meta.sequence;
    times.set(`${event.channel}#${sequence}`, (times.get(`${event.channel}#${sequence}`) ?? 0) + 1);
    order.set(event.channel, [...(order.get(event.channel) ?? []), sequence]);
  }
  return { times, order };
}

it('the leader loses its lock connection mid-drain: the other instance finishes, and no event reaches Pusher twice', async () => {
  const first = await instance();
  const steps = stocktakeSteps(first);
  await first.app.relay!.stop();
  // A backlog on a few channels, so that it drains one request per channel at a time.
  const stocktakes = [await steps.create(), await steps.create(), await steps.create()];
  const lines: string[] = [];
  for (const stocktake of stocktakes) {
    ok(await first.graphql(PopulateStocktakeDocument, { id: stocktake.id }));
    lines.push(
      ok(await first.graphql(StocktakeDocument, { id: stocktake.id })).stocktake.lines.find(
        (line) => line.itemSku === 'D0030',
      )!.id,
    );
  }
  for (let count = 1; count <= 70; count += 1) {
    for (const line of lines) await steps.count(line, String(count));
  }
  const total = 3 /* created */ + 3 * (1 + 70);
  expect((await steps.relayStatus()).backlog).toBe(total);

  endpoint.faults.delayNext({ ms: 15, times: 100_000 }); // a Pusher that takes a moment to answer
  first.app.relay!.start();
  await waitUntil(() => endpoint.faults.accepted.length >= 30, 'the first instance to be draining');
  const second = await instance(first.databaseUrl);
  expect(second.app.relay!.leader).toBe(false);

  // Whichever instance next takes the free lock leads: cut the leader's session until the second one leads.
  let cuts = 0;
  while (!second.app.relay!.leader) {
    if (cuts < 50) cuts += await terminateLeaderLockSession(first.databaseUrl);
    await waitUntil(() => second.app.relay!.leader, 'the second instance to lead', 300).catch(() => undefined);
  }
  expect(cuts).toBeGreaterThanOrEqual(1);
  await waitUntil(() => endpoint.faults.accepted.length >= total, `all ${total} events at Pusher`, 30_000);
  await steps.waitForBacklog(0, 10_000);

  const { times, order } = delivered();
  const duplicates = [...times.values()].filter((n) => n > 1).length;
  expect({ events: times.size, duplicates }).toEqual({ events: total, duplicates: 0 });
  for (const [channel, sequences] of order) {
    expect({ channel, sequences }).toEqual({ channel, sequences: [...sequences].sort((a, b) => a - b) });
  }
  await waitUntil(() => !first.app.relay!.leader, 'the first instance to know it no longer leads', 10_000);
});

async function leaderDies(options: TestAppOptions = {}): Promise<void> {
  const first = await instance(undefined, options);
  const second = await instance(first.databaseUrl, options);
  await waitUntil(() => first.app.relay!.leader, 'the first instance to lead');
  expect(second.app.relay!.leader).toBe(false);

  await first.stopApp();
  await waitUntil(() => second.app.relay!.leader, 'the standby to take the lead', 10_000);

  const stocktake = await stocktakeSteps(second).create();
  const isCreated = (event: { channel: string; data: string }) =>
    event.channel === `${HOTEL}-stocktakes` && dataOf(event).id === Number(stocktake.id);
  await waitUntil(() => endpoint.faults.accepted.some(isCreated), 'the new stocktake at Pusher');
  expect(endpoint.faults.accepted.filter(isCreated).map((event) => event.name)).toEqual(['stocktake-created']);
}

it('the leader dies: the standby takes over and delivers what follows', () => leaderDies());

itWithRedis('with Redis, the leader dies: the standby takes over and delivers what follows', async () =>
  leaderDies({ redis: { url: await testRedisUrl(), prefix: uniquePrefix() } }),
);

itWithRedis(
  'with Redis, a commit on an instance that does not lead wakes the leader at once, not at its poll',
  async () => {
    // Polls an hour apart: only the wake-up across instances can bring the event to Pusher within the wait below.
    const options: TestAppOptions = {
      redis: { url: await testRedisUrl(), prefix: uniquePrefix() },
      relayTiming: { pollIntervalMs: 3_600_000 },
    };
    const first = await instance(undefined, options);
    const second = await instance(first.databaseUrl, options);
    await waitUntil(() => first.app.relay!.leader, 'the first instance to lead');
    expect(second.app.relay!.leader).toBe(false);

    for (let round = 1; round <= 3; round += 1) {
      const stocktake = await stocktakeSteps(second).create();
      const isCreated = (event: { channel: string; data: string }) =>
        event.channel === `${HOTEL}-stocktakes` && dataOf(event).id === Number(stocktake.id);
      await waitUntil(() => endpoint.faults.accepted.some(isCreated), `stocktake ${round} at Pusher`, 10_000);
    }
    expect(second.app.relay!.leader).toBe(false);
  },
);

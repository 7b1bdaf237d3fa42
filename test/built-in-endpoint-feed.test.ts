/**
 * The built-in Pusher endpoint is as gap-free as graphql-ws (docs/realtime.md,
 * "The built-in endpoint's feed"): two instances started by their own command
 * on one database, pusher-js clients on the instance that takes no writes.
 * With Redis killed while the other instance commits, and started again empty,
 * the clients get every event once, in order. Without Redis, a commit on one
 * instance reaches pusher-js on the other with no commit there to wake it.
 */
import { listChannel } from '../src/realtime/event-catalog/channels';
import { HOTEL } from './support/fixtures';
import { closeAfterEach } from './support/closers';
import { legacyFrontend, type PusherEvent } from './support/realtime-clients';
import { ownRedis, redisGate, redisServerUnavailable, uniquePrefix, type OwnRedis } from './support/redis';
import {
  createDayStocktake,
  createFixtureDatabase,
  startShippedServer,
  type ShippedServer,
} from './support/shipped-server';
import { startTestApp } from './support/test-app';
import { waitUntil } from './support/waiting';
import type { ScratchDatabase } from '../src/infrastructure/database/scratch-database';

jest.setTimeout(90_000);

const closers = closeAfterEach();
const LIST_CHANNEL = listChannel(HOTEL);

/** pusher-js on `server`'s built-in endpoint, following the hotel's list. */
async function listFollower(server: ShippedServer) {
  const response = await fetch(`${server.origin}/pusher/config`);
  const { key } = (await response.json()) as { key: string };
  const frontend = await legacyFrontend(server, await server.token(), { port: server.port, key });
  closers.push(() => frontend.close());
  return frontend.listen(LIST_CHANNEL);
}

/** Each `stocktake-created` a client got, as [stocktake id, sequence]. */
function created(events: PusherEvent[]): Array<[string, number]> {
  return events.map((event) => {
    expect(event.event).toBe('stocktake-created');
    return [String(event.data.id), (event.data.meta as { sequence: number }).sequence];
  });
}

async function startPair(database: ScratchDatabase, env: Record<string, string>) {
  return Promise.all([startShippedServer(env, { database }), startShippedServer(env, { database })]);
}

(redisGate('test/built-in-endpoint-feed.test.ts', 'the Redis outage', redisServerUnavailable)
  ? describe
  : describe.skip)('two instances on Redis, and Redis killed while one of them commits', () => {
  let redis: OwnRedis;
  let database: ScratchDatabase;
  let writer: ShippedServer;
  let reader: ShippedServer;

  beforeAll(async () => {
    redis = await ownRedis();
    database = await createFixtureDatabase();
    [writer, reader] = await startPair(database, { REDIS_URL: redis.url, REDIS_PREFIX: uniquePrefix() });
  });
  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    await redis?.stop();
    await database?.drop();
  });

  it('pusher-js clients on the other instance get every event committed meanwhile, once, in order', async () => {
    const followers = [await listFollower(reader), await listFollower(reader)];
    const ids = [await createDayStocktake(writer)];
    for (const follower of followers) await follower.waitFor(1);

    await redis.stop();
    for (let index = 0; index < 10; index += 1) ids.push(await createDayStocktake(writer));
    await redis.start();
    ids.push(await createDayStocktake(writer));

    for (const follower of followers) {
      const seen = created(await follower.waitFor(ids.length, 30_000));
      expect(seen.map(([id]) => id)).toEqual(ids);
      expect(seen.map(([, sequence]) => sequence)).toEqual(ids.map((_, index) => seen[0]![1] + index));
    }
    // A barrier rather than a pause: one more event, and it comes right after the others (nothing twice).
    ids.push(await createDayStocktake(writer));
    for (const follower of followers) {
      expect(created(await follower.waitFor(ids.length, 10_000)).map(([id]) => id)).toEqual(ids);
    }
  });
});

describe('two instances without Redis', () => {
  let database: ScratchDatabase;
  let writer: ShippedServer;
  let reader: ShippedServer;

  beforeAll(async () => {
    database = await createFixtureDatabase();
    [writer, reader] = await startPair(database, {});
  });
  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    await database?.drop();
  });

  it('a commit on one reaches pusher-js on the other through the commit notice, with nothing committed there', async () => {
    const follower = await listFollower(reader);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      ids.push(await createDayStocktake(writer));
      // Each one arrives before the next is committed: no later commit on any instance is needed to bring it.
      expect(created(await follower.waitFor(ids.length, 10_000)).map(([id]) => id)).toEqual(ids);
    }
  });
});

describe('what an instance follows for its sockets', () => {
  it('one stream per channel with sockets here, from the first subscription until the last one leaves; none for channels not of ours', async () => {
    const t = await startTestApp({ pusher: 'built-in' });
    closers.push(() => t.close());
    const feed = t.app.feed!;
    const [first, second] = [await legacyFrontend(t), await legacyFrontend(t)];
    closers.push(
      () => first.close(),
      () => second.close(),
    );
    await first.listen(LIST_CHANNEL);
    await second.listen(LIST_CHANNEL);
    await first.listen('not-a-stocktake-channel');
    expect(feed.followedChannels()).toBe(1);

    first.pusher.unsubscribe(LIST_CHANNEL);
    second.close();
    await waitUntil(() => feed.followedChannels() === 0, 'the list channel to be left');
  });
});

/**
 * The built-in Pusher endpoint's credentials are the database's, not the
 * disk's (docs/pusher-server.md, "Credentials"): two replicas started at
 * once by their own command on one database, each with a DATA_DIR of its
 * own, hand out the same key, and one pusher-js client moved from one to the
 * other (through a proxy standing in for the load balancer) is accepted and
 * gets events there. Creation is race-free, and credentials an earlier
 * version generated in DATA_DIR are adopted on first start.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import Pusher from 'pusher-js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migratedOrm } from '../src/infrastructure/database/database';
import { createScratchDatabase, type ScratchDatabase } from '../src/infrastructure/database/scratch-database';
import { legacyPusherCredentials } from '../src/infrastructure/local-secrets';
import { silentLogger } from '../src/infrastructure/logger';
import { sharedPusherCredentials } from '../src/infrastructure/pusher-credentials/shared-credentials';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { redisGate, redisUnavailable, stopTestRedis, testRedisUrl, uniquePrefix } from './support/redis';
import { createFixtureDatabase, startShippedServer, type ShippedServer } from './support/shipped-server';
import { waitUntil } from './support/waiting';

jest.setTimeout(90_000);

const closers = closeAfterEach();

async function storedRow(url: string): Promise<Array<{ id: number; app_id: string; key: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query<{ id: number; app_id: string; key: string }>('select id, app_id, key from built_in_pusher_app')
    ).rows;
  } finally {
    await client.end();
  }
}

async function pusherKey(server: ShippedServer): Promise<string> {
  const response = await fetch(`${server.origin}/pusher/config`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { key: string }).key;
}

/** What a load balancer does to a client when a replica goes: its connections drop and new ones go elsewhere. */
async function switchingProxy(firstPort: number) {
  let target = firstPort;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    moveTo(port: number) {
      target = port;
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('two replicas on one database, each with a DATA_DIR of its own, started at once', () => {
  let database: ScratchDatabase;
  let first: ShippedServer;
  let second: ShippedServer;
  const withRedis = redisUnavailable === null;

  beforeAll(async () => {
    database = await createFixtureDatabase();
    // Redis carries the built-in endpoint's channels between instances (docs/realtime.md, "Several instances").
    const env: Record<string, string> = withRedis
      ? { REDIS_URL: await testRedisUrl(), REDIS_PREFIX: uniquePrefix() }
      : {};
    [first, second] = await Promise.all([
      startShippedServer(env, { database, timeoutMs: 60_000 }),
      startShippedServer(env, { database, timeoutMs: 60_000 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await database?.drop();
    await stopTestRedis();
  });

  it('both hand out the one key the database holds, and neither writes its DATA_DIR', async () => {
    expect(first.cwd).not.toBe(second.cwd);
    const rows = await storedRow(database.url);
    expect(rows).toEqual([{ id: 1, app_id: 'stocktake-live', key: expect.stringMatching(/^local-[0-9a-f]{16}$/) }]);
    expect([await pusherKey(first), await pusherKey(second)]).toEqual([rows[0]!.key, rows[0]!.key]);
    for (const server of [first, second]) {
      const dataDir = path.join(server.cwd, 'data');
      expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    }
  });

  (redisGate('test/replica-pusher-credentials.test.ts', 'the moving pusher-js client') ? it : it.skip)(
    'one pusher-js client moved from the first replica to the second is accepted there (no 4001) and gets its events',
    async () => {
      const proxy = await switchingProxy(first.port);
      closers.push(() => proxy.close());
      const refusals: unknown[] = [];
      const pusher = new Pusher(await pusherKey(first), {
        cluster: 'mt1',
        wsHost: '127.0.0.1',
        wsPort: proxy.port,
        forceTLS: false,
        enabledTransports: ['ws'],
      });
      closers.push(() => pusher.disconnect());
      pusher.connection.bind('error', (error: { data?: { code?: number } }) => {
        // 4000–4999 are Pusher's refusals (4001: unknown app key); 1006 is only the proxy dropping the socket.
        if (error.data?.code !== undefined && error.data.code >= 4000) refusals.push(error.data);
      });
      const connections: string[] = [];
      pusher.connection.bind('connected', () => connections.push(pusher.connection.socket_id));
      const events: Array<{ event: string; stocktake: string; replica: number }> = [];
      const channel = pusher.subscribe(`${HOTEL}-stocktakes`);
      let subscriptions = 0;
      channel.bind('pusher:subscription_succeeded', () => (subscriptions += 1));
      let replica = 1;
      channel.bind('stocktake-created', (data: { id: string | number }) =>
        events.push({ event: 'stocktake-created', stocktake: String(data.id), replica }),
      );
      await waitUntil(() => subscriptions === 1, 'subscribed on the first replica', 10_000);

      const create = async (server: ShippedServer, month: number): Promise<string> => {
        const response = await server.post({
          query: `mutation { createStocktake(hotel: "${HOTEL}", input: { periodStart: "2031-0${month}-01", periodEnd: "2031-0${month}-28" }) { id } }`,
        });
        expect(response.json?.errors).toBeUndefined();
        return (response.json!.data as { createStocktake: { id: string } }).createStocktake.id;
      };

      const onFirst = await create(first, 1);
      await waitUntil(() => events.length === 1, 'the event on the first replica', 10_000);

      replica = 2;
      proxy.moveTo(second.port);
      await waitUntil(() => subscriptions === 2, 'resubscribed on the second replica', 20_000);
      const onSecond = await create(second, 2);
      await waitUntil(() => events.length === 2, 'the event on the second replica', 10_000);

      expect({ events, refusals, connections: connections.length }).toEqual({
        events: [
          { event: 'stocktake-created', stocktake: onFirst, replica: 1 },
          { event: 'stocktake-created', stocktake: onSecond, replica: 2 },
        ],
        refusals: [],
        connections: 2,
      });
    },
  );
});

describe('creating the credentials', () => {
  async function emptyTable(): Promise<{ database: ScratchDatabase; orms: MikroORM[] }> {
    const database = await createScratchDatabase(process.env.TEST_POSTGRES_URL!, 'stocktake_pusher_app');
    closers.push(() => database.drop());
    const orms = await Promise.all([1, 2, 3, 4, 5, 6].map(() => migratedOrm(database.url, silentLogger)));
    closers.push(() => Promise.all(orms.map((orm) => orm.close())));
    return { database, orms };
  }

  it('six instances creating them at once all get the same, and the database holds one row', async () => {
    const { database, orms } = await emptyTable();
    const got = await Promise.all(orms.map((orm) => sharedPusherCredentials(orm, { log: silentLogger })));
    expect(new Set(got.map((credentials) => JSON.stringify(credentials))).size).toBe(1);
    expect(await storedRow(database.url)).toEqual([{ id: 1, app_id: 'stocktake-live', key: got[0]!.key }]);
  });

  it('adopts an earlier version’s DATA_DIR credentials into an empty table, and keeps the database’s once it has them', async () => {
    const { orms } = await emptyTable();
    const folder = mkdtempSync(path.join(tmpdir(), 'stocktake-legacy-'));
    closers.push(() => rmSync(folder, { recursive: true, force: true }));
    const legacy = { appId: 'stocktake-live', key: 'local-0123456789abcdef', secret: 'old-secret' };
    writeFileSync(path.join(folder, 'local-secrets.json'), JSON.stringify({ jwtSecret: 'jwt', pusher: legacy }));
    expect(legacyPusherCredentials(folder)).toEqual(legacy);
    expect(legacyPusherCredentials(path.join(folder, 'missing'))).toBeUndefined();

    expect(await sharedPusherCredentials(orms[0]!, { adopt: legacy, log: silentLogger })).toEqual(legacy);
    const otherDisk = { appId: 'stocktake-live', key: 'local-fedcba9876543210', secret: 'other-secret' };
    expect(await sharedPusherCredentials(orms[1]!, { adopt: otherDisk, log: silentLogger })).toEqual(legacy);
    expect(await sharedPusherCredentials(orms[2]!, { log: silentLogger })).toEqual(legacy);
  });
});

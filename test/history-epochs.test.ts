/**
 * Positions survive a restore (docs/realtime.md, "Positions and epochs"): a
 * channel's position is (epoch, sequence), and the epoch changes whenever
 * the history cannot continue. Through the product as it ships (`node
 * dist/src/cli.js serve`): a client holding a position of the history before
 * a restore is told (HISTORY_EXPIRED with the current epoch and sequence) on
 * graphql-ws and on the `channelEvents` catch-up, instead of silently
 * missing or mixing events, and a client with the new epoch goes on
 * normally. Restores: the database recreated from a snapshot (CREATE
 * DATABASE … TEMPLATE, as a dump restored into a new database), and
 * `pg_restore --clean` in place while the server runs. Below them, what the
 * epoch is made of, straight on PostgreSQL.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { Client } from 'pg';
import { ChannelEventsDocument, CreateStocktakeDocument, StocktakeListEventsDocument } from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { EPOCH } from './support/payload-matchers';
import { graphqlSubscriber } from './support/realtime-clients';
import { createFixtureDatabase, startShippedServer, type ShippedServer } from './support/shipped-server';
import { startTestApp } from './support/test-app';
import { redisGate, stopTestRedis, testRedisUrl, uniquePrefix } from './support/redis';
import { waitUntil } from './support/waiting';
import { connectRedis } from '../src/infrastructure/redis';
import { silentLogger } from '../src/infrastructure/logger';
import { RedisEventBus } from '../src/realtime/redis-event-bus';
import type { StoredEvent } from '../src/realtime/outbox/stored-event';

jest.setTimeout(90_000);

const closers = closeAfterEach();
const LIST = `${HOTEL}-stocktakes`;

/** The name of the database at `url`. */
const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** The same server with another database. */
function urlOf(name: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What PostgreSQL says the epoch is now: the reference the server's answers are checked against. */
const epochIn = (url: string) =>
  onDatabase(url, async (client) => {
    const { rows } = await client.query<{ epoch: string }>('select current_history_epoch() as epoch');
    return rows[0]!.epoch;
  });

async function serve(url: string): Promise<ShippedServer> {
  const server = await startShippedServer({}, { database: { url } });
  closers.push(() => server.close());
  return server;
}

/** A stocktake of month `month` of 2031: one stocktake-created on the list channel. */
async function createStocktake(server: ShippedServer, month: number): Promise<void> {
  const start = `2031-${String(month).padStart(2, '0')}-01`;
  const end = `2031-${String(month).padStart(2, '0')}-28`;
  const response = await server.post({
    query: print(CreateStocktakeDocument),
    variables: { hotel: HOTEL, input: { periodStart: start, periodEnd: end } },
  });
  expect(response.json?.errors).toBeUndefined();
}

interface CaughtUp {
  name: string;
  epoch: string;
  sequence: number;
  payload: { meta: { epoch: string; sequence: number } };
}

/** The list channel's catch-up, as a Pusher client makes it. */
function catchUp(server: ShippedServer, variables: { afterSequence?: number; epoch?: string }) {
  return server.post({ query: print(ChannelEventsDocument), variables: { channel: LIST, limit: 100, ...variables } });
}

async function caughtUp(server: ShippedServer, variables: { afterSequence?: number; epoch?: string }) {
  const response = await catchUp(server, variables);
  expect(response.json?.errors).toBeUndefined();
  return (response.json!.data as { channelEvents: CaughtUp[] }).channelEvents.map((event) => ({
    name: event.name,
    epoch: event.epoch,
    sequence: event.sequence,
    meta: { epoch: event.payload.meta.epoch, sequence: event.payload.meta.sequence },
  }));
}

const created = (epoch: string, sequence: number) => ({
  name: 'stocktake-created',
  epoch,
  sequence,
  meta: { epoch, sequence },
});

/** The refusal a client holding (`heldEpoch`, `afterSequence`) gets when the channel is at (`epoch`, `sequence`). */
function otherEpoch(field: string, heldEpoch: string, epoch: string, sequence: number) {
  return {
    message: `The history of ${LIST} restarted: epoch ${heldEpoch} is over, the current one is ${epoch} (the database was restored or reset); reload the data, then follow from sequence ${sequence} of epoch ${epoch}`,
    locations: [{ line: 2, column: 3 }],
    path: [field],
    extensions: { code: 'HISTORY_EXPIRED', channel: LIST, oldestSequence: 1, epoch, sequence },
  };
}

/**
 * Every way a client can hold a position of the history before the restore, on the server now
 * running on the restored database whose list channel is at (`epoch`, `sequence`): each is told, and
 * a client that reloaded and follows from (`epoch`, `sequence`) goes on with the next event.
 */
async function expectClientsTold(
  server: ShippedServer,
  held: { epoch: string; sequence: number },
  now: { epoch: string; sequence: number },
  nextMonth: number,
): Promise<void> {
  const socket = graphqlSubscriber(server, await server.token());
  closers.push(() => socket.close());

  // graphql-ws: the subscription with the position it held.
  const stale = socket.subscribe(StocktakeListEventsDocument, {
    hotel: HOTEL,
    afterSequence: held.sequence,
    epoch: held.epoch,
  });
  await stale.waitFor(1);
  await stale.done;
  expect(stale.items).toEqual([{ errors: [otherEpoch('stocktakeListEvents', held.epoch, now.epoch, now.sequence)] }]);
  // A sequence the restored channel has too is refused as well: its events are not the ones the client saw.
  const mixed = socket.subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: 1, epoch: held.epoch });
  await mixed.waitFor(1);
  expect(mixed.items).toEqual([{ errors: [otherEpoch('stocktakeListEvents', held.epoch, now.epoch, now.sequence)] }]);

  // The catch-up of a Pusher client (its meta.epoch and meta.sequence).
  const refused = await catchUp(server, { afterSequence: held.sequence, epoch: held.epoch });
  expect(refused.json).toEqual({
    data: null,
    errors: [otherEpoch('channelEvents', held.epoch, now.epoch, now.sequence)],
  });

  // A client that never passes the epoch still learns that the channel went back when it is now behind.
  if (held.sequence > now.sequence) {
    const legacy = await catchUp(server, { afterSequence: held.sequence });
    expect(legacy.json?.errors).toEqual([
      {
        message: `afterSequence ${held.sequence} is ahead of ${LIST}, which is at ${now.sequence} in epoch ${now.epoch}; reload the data, then follow from sequence ${now.sequence} of epoch ${now.epoch}`,
        locations: [{ line: 2, column: 3 }],
        path: ['channelEvents'],
        extensions: {
          code: 'HISTORY_EXPIRED',
          channel: LIST,
          oldestSequence: 1,
          epoch: now.epoch,
          sequence: now.sequence,
        },
      },
    ]);
  }

  // Reloaded: following from the position it was told, it gets the next event, in the current epoch.
  const following = socket.subscribe(StocktakeListEventsDocument, {
    hotel: HOTEL,
    afterSequence: now.sequence,
    epoch: now.epoch,
  });
  await createStocktake(server, nextMonth);
  const [next] = await following.waitFor(1);
  expect(next!.errors).toBeUndefined();
  expect(next!.data!.stocktakeListEvents).toMatchObject({
    __typename: 'StocktakeCreatedEvent',
    name: 'stocktake-created',
    channel: LIST,
    epoch: now.epoch,
    sequence: now.sequence + 1,
  });
  expect(await caughtUp(server, { afterSequence: now.sequence, epoch: now.epoch })).toEqual([
    created(now.epoch, now.sequence + 1),
  ]);
}

it('a database restored from a snapshot: a client holding a later position is told, with the new epoch and sequence', async () => {
  const database = await createFixtureDatabase();
  closers.push(() => database.drop());
  const name = nameOf(database.url);
  const snapshot = `${name}_snap`;
  const admin = (sql: string) => onDatabase(process.env.TEST_POSTGRES_URL!, (client) => client.query(sql));
  closers.push(() => admin(`drop database if exists "${snapshot}" with (force)`));

  let server = await serve(database.url);
  await createStocktake(server, 1);
  await createStocktake(server, 2);
  const epoch = await epochIn(database.url);
  expect(epoch).toMatch(EPOCH);
  expect(await caughtUp(server, { afterSequence: 0 })).toEqual([created(epoch, 1), created(epoch, 2)]);

  // The backup: the server stopped, as CREATE DATABASE … TEMPLATE needs no other connection.
  await server.close();
  await admin(`create database "${snapshot}" template "${name}"`);

  // Life goes on after the backup; a restart keeps the epoch (nothing was restored).
  server = await serve(database.url);
  await createStocktake(server, 3);
  await createStocktake(server, 4);
  expect(await caughtUp(server, { afterSequence: 2, epoch })).toEqual([created(epoch, 3), created(epoch, 4)]);
  const held = { epoch, sequence: 4 };

  // The restore: the database replaced by the backup.
  await server.close();
  await admin(`drop database "${name}" with (force)`);
  await admin(`create database "${name}" template "${snapshot}"`);
  server = await serve(database.url);

  const restored = await epochIn(database.url);
  expect(restored).toMatch(EPOCH);
  expect(restored).not.toBe(epoch);
  // What the restored database holds, in the new epoch.
  expect(await caughtUp(server, { afterSequence: 0, epoch: restored })).toEqual([
    created(restored, 1),
    created(restored, 2),
  ]);
  await expectClientsTold(server, held, { epoch: restored, sequence: 2 }, 5);
});

const pgTools = ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);

(pgTools ? it : it.skip)(
  'pg_restore --clean in place, under a running server: the next catch-up and subscription are told',
  async () => {
    const database = await createFixtureDatabase();
    closers.push(() => database.drop());
    const folder = mkdtempSync(path.join(tmpdir(), 'stocktake-epochs-'));
    closers.push(() => rmSync(folder, { recursive: true, force: true }));
    const dump = path.join(folder, 'backup.dump');

    const server = await serve(database.url);
    await createStocktake(server, 1);
    await createStocktake(server, 2);
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${database.url}`]);
    await createStocktake(server, 3);
    const epoch = await epochIn(database.url);
    expect(await caughtUp(server, { afterSequence: 0, epoch })).toEqual([
      created(epoch, 1),
      created(epoch, 2),
      created(epoch, 3),
    ]);

    // Every table, function and trigger dropped and created again from the dump; the server keeps running.
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${database.url}`, dump], {
      stdio: 'pipe',
    });

    const restored = await epochIn(database.url);
    expect(restored).toMatch(EPOCH);
    expect(restored).not.toBe(epoch);
    await expectClientsTold(server, { epoch, sequence: 3 }, { epoch: restored, sequence: 2 }, 4);
  },
);

it('a reset under a running server: an open subscription ends with HISTORY_EXPIRED at the first event of the new epoch', async () => {
  const t = await startTestApp();
  closers.push(() => t.close());
  const create = async (month: number) => {
    const period = `2031-${String(month).padStart(2, '0')}`;
    const response = await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: `${period}-01`, periodEnd: `${period}-28` },
    });
    expect(response.errors).toBeUndefined();
  };
  const epochNow = async () =>
    (await t.orm.em.getConnection().execute<[{ epoch: string }]>('select current_history_epoch() as epoch'))[0].epoch;
  await create(1);
  const epoch = await epochNow();
  const socket = graphqlSubscriber(t, await t.token());
  closers.push(() => socket.close());
  const open = socket.subscribe(StocktakeListEventsDocument, { hotel: HOTEL, afterSequence: 1, epoch });
  await create(2);
  const [live] = await open.waitFor(1);
  expect(live!.data!.stocktakeListEvents).toMatchObject({ epoch, sequence: 2 });

  // A reset by hand: the outbox emptied and the sequences with it (the triggers draw a new seed).
  await t.orm.em.getConnection().execute('truncate outbox_event, channel_sequence');
  const reset = await epochNow();
  expect(reset).not.toBe(epoch);
  await create(3); // sequence 1 again, of the new epoch: not a repeat of the 1 the stream saw
  // Ended with a graphql-ws error message (no locations or path: it arose while the stream ran).
  const { message, extensions } = otherEpoch('stocktakeListEvents', epoch, reset, 1);
  await expect(open.done).rejects.toEqual([{ message, extensions }]);
  expect(open.items).toHaveLength(1);
});

describe('what the epoch is made of (on PostgreSQL)', () => {
  let url: string;

  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createFixtureDatabase();
    url = database.url;
    drop = database.drop;
  });
  afterAll(() => drop());

  it('is the same on every connection and for a role that is not a superuser', async () => {
    const epoch = await epochIn(url);
    expect(await epochIn(url)).toBe(epoch);
    const role = `epoch_reader_${process.pid}`;
    await onDatabase(url, (client) =>
      client.query(`create role ${role} login; grant select on history_epoch to ${role}`),
    );
    try {
      const asRole = new URL(url);
      asRole.username = role;
      asRole.password = '';
      expect(await epochIn(asRole.toString())).toBe(epoch);
    } finally {
      await onDatabase(url, (client) => client.query(`drop owned by ${role}; drop role ${role}`));
    }
  });

  it('changes with a reset (channel_sequence emptied, the outbox truncated), not with pruning or appends', async () => {
    const sql = (statement: string) => onDatabase(url, (client) => client.query(statement));
    const first = await epochIn(url);
    await sql(`insert into channel_sequence (channel, last_sequence) values ('${LIST}', 1)`);
    await sql(`update channel_sequence set pruned_through = 1`);
    expect(await epochIn(url)).toBe(first);

    await sql('delete from channel_sequence');
    const second = await epochIn(url);
    expect(second).not.toBe(first);

    await sql('truncate outbox_event');
    const third = await epochIn(url);
    expect([first, second]).not.toContain(third);
    expect(await epochIn(url)).toBe(third);
  });

  it('differs between a database and its copy (CREATE DATABASE … TEMPLATE, as a dump restored into a new one)', async () => {
    const copy = `${nameOf(url)}_copy`;
    const admin = (sql: string) => onDatabase(process.env.TEST_POSTGRES_URL!, (client) => client.query(sql));
    await admin(`create database "${copy}" template "${nameOf(url)}"`);
    try {
      expect(await epochIn(urlOf(copy))).not.toBe(await epochIn(url));
    } finally {
      await admin(`drop database if exists "${copy}" with (force)`);
    }
  });
});

const withRedis = redisGate('test/history-epochs.test.ts', 'events without an epoch through Redis');

(withRedis ? describe : describe.skip)('through Redis, from an instance of an earlier release', () => {
  afterAll(() => stopTestRedis());

  it('an event without an epoch is not handed on: the streams of its channel read it from the outbox', async () => {
    const redis = await connectRedis(await testRedisUrl(), silentLogger);
    closers.push(() => redis.close());
    const prefix = uniquePrefix();
    const bus = new RedisEventBus({
      pubsub: redis.pubsub,
      instanceId: 'this-release',
      prefix,
      latestSequences: () => Promise.resolve(new Map()),
      checkIntervalMs: 3_600_000,
      log: silentLogger,
    });
    closers.push(() => bus.close());
    const heard: StoredEvent[] = [];
    let resyncs = 0;
    bus.subscribe(
      LIST,
      (event) => heard.push(event),
      () => (resyncs += 1),
    );
    // Redis confirmed the subscription: the bus has the channel's streams read what came before it.
    await waitUntil(() => resyncs === 1, 'the Redis subscription');

    const event: StoredEvent<'stocktake-deleted'> = {
      id: '7',
      eventId: '0b7f6c1e-4a59-4c61-9d43-0f5e1d9f2a11',
      channel: LIST,
      epoch: '3f9c0a61b2d4',
      sequence: 7,
      name: 'stocktake-deleted',
      hotel: HOTEL,
      stocktakeId: 5,
      data: { stocktakeId: 5 },
      actor: { id: 'manager-1', name: 'Mary Manager' },
      occurredAt: '2031-01-01T00:00:00.000Z',
    };
    const { epoch: _epoch, ...withoutEpoch } = event;
    await redis.pubsub.publish(`${prefix}bus:${LIST}`, { origin: 'earlier-release', events: [withoutEpoch] });
    await redis.pubsub.publish(`${prefix}bus:${LIST}`, {
      origin: 'this-release-elsewhere',
      events: [{ ...event, id: '8', sequence: 8 }],
    });
    // Redis delivers one connection's messages in order: the first was taken as a resync, not handed on.
    await waitUntil(() => heard.length === 1, 'the event with an epoch');
    expect(heard).toEqual([{ ...event, id: '8', sequence: 8 }]);
    expect(resyncs).toBe(2);
  });
});

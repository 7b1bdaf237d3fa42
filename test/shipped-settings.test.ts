/**
 * Every setting of docs/configuration.md takes effect in the product as it ships: the built server
 * (`node dist/src/cli.js serve`), configured only through its environment, observed from outside
 * (HTTP, graphql-ws, what a Pusher server receives, Redis, its logs and its DATA_DIR). Settings are
 * grouped per spawned server to keep processes few; each setting is set to a value other than its
 * default, so a setting the process ignored would fail its check. GRAPHQL_INTROSPECTION is
 * covered by client-tools.test.ts and the APOLLO_* settings by apollo-studio.test.ts.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { once } from 'node:events';
import WebSocket from 'ws';
import { verifySignedRequest, parseRawQuery } from '../src/realtime/pusher-server/signature';
import { HOTEL } from './support/fixtures';
import { freePort } from './support/ports';
import { graphqlSubscriber } from './support/realtime-clients';
import { redisUnavailable, testRedisUrl, uniquePrefix } from './support/redis';
import { createFixtureDatabase, startShippedServer, type ShippedServer } from './support/shipped-server';
import type { ScratchDatabase } from '../src/infrastructure/database/scratch-database';
import type { RawResponse } from './support/test-app';
import { waitUntil } from './support/waiting';

jest.setTimeout(60_000);

/** The errors' codes and limit details, or the data: what a client sees of an answer. */
function outcome(response: RawResponse) {
  if (!response.json?.errors) return { status: response.status, data: response.json?.data };
  return {
    status: response.status,
    errors: response.json.errors.map(({ extensions }) => ({
      code: extensions?.code,
      ...(extensions?.limit ? { limit: extensions.limit, max: extensions.max } : {}),
    })),
  };
}

function dataOf<T>(response: RawResponse): T {
  expect(response.json?.errors).toBeUndefined();
  return response.json!.data as T;
}

async function pusherConfig(server: ShippedServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}/pusher/config`, { headers });
  return (await response.json()) as Record<string, unknown>;
}

/** Stocktakes of consecutive months, so that periods never overlap within a server's database. */
function stocktakes(server: ShippedServer) {
  let month = 0;
  return {
    async create(): Promise<string> {
      month += 1;
      const start = new Date(Date.UTC(2030, month - 1, 1));
      const end = new Date(Date.UTC(2030, month, 0));
      const response = await server.post({
        query:
          'mutation ($input: CreateStocktakeInput!) { createStocktake(hotel: "hotel-killarney", input: $input) { id } }',
        variables: {
          input: { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) },
        },
      });
      return dataOf<{ createStocktake: { id: string } }>(response).createStocktake.id;
    },
    async populate(id: string): Promise<string[]> {
      await server.post({
        query: 'mutation ($id: ID!) { populateStocktake(id: $id) { linesCreated } }',
        variables: { id },
      });
      const response = await server.post({
        query: 'query ($id: ID!) { stocktake(id: $id) { lines { id } } }',
        variables: { id },
      });
      return dataOf<{ stocktake: { lines: Array<{ id: string }> } }>(response).stocktake.lines.map((line) => line.id);
    },
  };
}

const SHIPPED_METRICS_TOKEN = 'shipped-metrics-token-0123456789';

describe('a development server with tight operation limits, a fixed port and LOG_LEVEL=warn', () => {
  let server: ShippedServer;
  let steps: ReturnType<typeof stocktakes>;
  let port: number;
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'stocktake-data-dir-')), 'data');
  beforeAll(async () => {
    port = await freePort();
    server = await startShippedServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      GRAPHQL_MAX_DEPTH: '2',
      GRAPHQL_MAX_ALIASES: '2',
      GRAPHQL_MAX_DIRECTIVES: '1',
      GRAPHQL_MAX_TOKENS: '60',
      GRAPHQL_MAX_COST: '1200',
      GRAPHQL_WS_MAX_SUBSCRIPTIONS: '1',
      TOKEN_MAX_CONNECTIONS: '3',
      TOKEN_MAX_SUBSCRIPTIONS: '2',
      TOKEN_MAX_PRESENCE_SESSIONS: '1',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
      METRICS_TOKEN: SHIPPED_METRICS_TOKEN,
      PUSHER_MAX_CHANNELS_PER_CONNECTION: '1',
      PUSHER_MAX_CONNECTIONS_PER_ADDRESS: '1',
      PUSHER_MAX_CONNECTIONS: '2',
    });
    steps = stocktakes(server);
  });
  afterAll(async () => {
    await server.close();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('PORT: listens where it says', () => {
    expect(server.port).toBe(port);
    expect(server.stdout()).toContain(`http://localhost:${port}/graphql`);
  });

  it('GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_DIRECTIVES: refused past the limit, named', async () => {
    expect(outcome(await server.post({ query: '{ me { a: id b: id c: id } }' }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 2 }],
    });
    expect(outcome(await server.post({ query: '{ me { a: id b: id } }' }))).toMatchObject({ status: 200 });
    expect(outcome(await server.post({ query: '{ me { hotels { identifier } } }' }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 2 }],
    });
    expect(outcome(await server.post({ query: '{ me { id @include(if: true) name @include(if: true) } }' }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', max: 1 }],
    });
  });

  it('GRAPHQL_MAX_TOKENS: the parser stops; GRAPHQL_MAX_COST: a list priced past it is refused', async () => {
    expect(outcome(await server.post({ query: `{ me { ${'id '.repeat(60)}} }` }))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_PARSE_FAILED' }],
    });
    // Depth 2 at most here: a catalogue with three fields per item is priced at 300 + 100 + 300 × 4.
    const items = { query: `{ stockItems(hotel: "${HOTEL}") { id sku name } }` };
    expect(outcome(await server.post(items))).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 1200 }],
    });
    // A connection's items are a level below it: at depth 2, only the connection's own fields.
    const page = { query: `{ stocktakes(hotel: "${HOTEL}", first: 5) { __typename } }` };
    expect(outcome(await server.post(page))).toEqual({
      status: 200,
      data: { stocktakes: { __typename: 'StocktakeConnection' } },
    });
  });

  it('GRAPHQL_WS_MAX_SUBSCRIPTIONS: a second subscription on one socket is refused', async () => {
    const socket = graphqlSubscriber(server, await server.token());
    try {
      const query = `subscription { stocktakeListEvents(hotel: "${HOTEL}") { __typename } }`;
      const first = socket.raw({ query });
      const second = socket.raw({ query });
      expect(await second.outcome).toEqual({
        kind: 'error',
        errors: [
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS', max: 1 }) }),
        ],
      });
      first.unsubscribe();
    } finally {
      await socket.close();
    }
  });

  it('TOKEN_MAX_SUBSCRIPTIONS and TOKEN_MAX_CONNECTIONS: one user’s third operation, then fourth socket, are refused', async () => {
    const token = await server.token({ user: 'capped', name: 'Cap Ped', hotels: { [HOTEL]: 'staff' } });
    const sockets = [1, 2].map(() => graphqlSubscriber(server, token));
    try {
      // Each operation has replayed the stocktake created first: both are open (a barrier, not a pause).
      const id = await steps.create();
      const query = `subscription { stocktakeListEvents(hotel: "${HOTEL}", afterSequence: 0) { __typename } }`;
      const open = [sockets[0]!.raw({ query }), sockets[1]!.raw({ query })];
      await Promise.all(open.map((operation) => operation.waitFor(1)));
      // A third connection, raw (graphql-ws' lazy client would close its socket once its one operation is refused).
      const raw = (): WebSocket => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}/graphql`, 'graphql-transport-ws');
        socket.once('open', () =>
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        );
        return socket;
      };
      const third = raw();
      const [ack] = (await once(third, 'message')) as [Buffer];
      expect(JSON.parse(ack.toString())).toEqual({ type: 'connection_ack' });
      third.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      const [refused] = (await once(third, 'message')) as [Buffer];
      expect(JSON.parse(refused.toString())).toEqual({
        id: '1',
        type: 'error',
        payload: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', max: 2 }) })],
      });
      const fourth = raw();
      const [code, reason] = (await once(fourth, 'close')) as [number, Buffer];
      expect([code, String(reason)]).toEqual([4403, 'Too many connections: at most 3 per user (RATE_LIMITED)']);
      third.close();
      expect(id).toBeDefined();
    } finally {
      for (const socket of sockets) await socket.close();
    }
  });

  it('TOKEN_MAX_PRESENCE_SESSIONS: a user present on one stocktake cannot join a second', async () => {
    const token = await server.token({ user: 'one-place', name: 'One Place', hotels: { [HOTEL]: 'staff' } });
    const [a, b] = [await steps.create(), await steps.create()];
    const join = (id: string) =>
      server.post(
        { query: 'mutation ($id: ID!) { joinStocktake(stocktakeId: $id) { editingLineIds } }', variables: { id } },
        { token },
      );
    expect(outcome(await join(a))).toEqual({ status: 200, data: { joinStocktake: [{ editingLineIds: [] }] } });
    expect(outcome(await join(b)).errors).toEqual([{ code: 'RATE_LIMITED', limit: 'presenceSessions', max: 1 }]);
  });

  it('LOG_LEVEL=warn: a mutation, which logs its events at info, writes no line below warn', async () => {
    const id = await steps.create();
    expect(id).toMatch(/^\d+$/);
    // The relay publishes to the built-in endpoint after the commit; its "delivered" trace is debug.
    await waitUntil(
      async () => (await fetch(`${server.origin}/readyz`)).status === 200,
      'the server to be ready',
      10_000,
    );
    const levels = new Set(server.logs().map((line) => line.level));
    expect([...levels].filter((level) => level !== 'warn' && level !== 'error')).toEqual([]);
  });

  it('TRUST_PROXY=true: /pusher/config believes the proxy’s X-Forwarded-Proto and -Host', async () => {
    const config = await pusherConfig(server, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' });
    expect(config).toMatchObject({
      wsHost: 'api.example.com',
      wsPort: 443,
      forceTLS: true,
      authEndpoint: 'https://api.example.com/pusher/auth',
    });
  });

  it('METRICS_TOKEN: /metrics answers the bearer of the token only, even outside production', async () => {
    const scrape = (authorization?: string) =>
      fetch(`${server.origin}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-metrics-token')).status).toBe(401);
    const answered = await scrape(`Bearer ${SHIPPED_METRICS_TOKEN}`);
    expect([answered.status, /^pusher_connections \d+$/m.test(await answered.text())]).toEqual([200, true]);
  });

  it('PUSHER_MAX_CHANNELS_PER_CONNECTION, PUSHER_MAX_CONNECTIONS_PER_ADDRESS, PUSHER_MAX_CONNECTIONS: refused with 4100 past each', async () => {
    const key = (await pusherConfig(server)).key as string;
    // The first frame of a socket, and its close code if the server closed it after that frame.
    const open = async (forwardedFor: string) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${key}?protocol=7`, {
        headers: { 'x-forwarded-for': forwardedFor },
      });
      const frames: Array<{ event: string; data: string }> = [];
      let closed: number | undefined;
      ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as { event: string; data: string }));
      ws.on('close', (code) => (closed = code));
      ws.on('error', () => undefined);
      sockets.push(ws);
      await waitUntil(() => frames.length > 0, 'a first frame');
      return { ws, frames, closed: () => closed };
    };
    const sockets: WebSocket[] = [];
    try {
      const first = await open('192.0.2.10');
      expect(first.frames[0]!.event).toBe('pusher:connection_established');
      const answers = first.frames.length;
      for (const channel of ['shipped-a', 'shipped-b'])
        first.ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel } }));
      await waitUntil(() => first.frames.length >= answers + 2, 'two answers');
      expect(first.frames.slice(answers, answers + 2).map((frame) => [frame.event, JSON.parse(frame.data)])).toEqual([
        ['pusher_internal:subscription_succeeded', {}],
        ['pusher:error', { code: 4100, message: 'Over capacity: at most 1 channels per connection' }],
      ]);
      const sameAddress = await open('192.0.2.10');
      await waitUntil(() => sameAddress.closed() !== undefined, 'the second socket from one address closed');
      expect([JSON.parse(sameAddress.frames[0]!.data), sameAddress.closed()]).toEqual([
        { code: 4100, message: 'Over capacity: at most 1 connections from one address' },
        4100,
      ]);
      expect((await open('192.0.2.11')).frames[0]!.event).toBe('pusher:connection_established');
      const third = await open('192.0.2.12');
      await waitUntil(() => third.closed() !== undefined, 'the third connection closed');
      expect(third.closed()).toBe(4100);
    } finally {
      for (const ws of sockets) ws.terminate();
    }
  });

  it('DATA_DIR: with AUTH_JWT_SECRET set nothing is written there; the built-in endpoint’s key is the database’s', async () => {
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    const { rows } = await client
      .query<{ key: string }>('select key from built_in_pusher_app')
      .finally(() => client.end());
    expect((await pusherConfig(server)).key).toBe(rows[0]!.key);
  });

  it('NODE_ENV unset is development: Apollo Sandbox and the demo are served, errors suggest field names', async () => {
    const sandbox = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toContain('<html');
    expect((await fetch(`${server.origin}/demo/`)).status).toBe(200);
    const typo = await server.post({ query: '{ mee { id } }' });
    expect(typo.json?.errors?.[0]?.message).toContain('Did you mean "me"?');
  });
});

/** A Pusher HTTP API of the test's own that checks each request's signature and can hold requests unanswered. */
async function pusherStub(credentials: { appId: string; key: string; secret: string }) {
  let stalling = false;
  let inFlight = 0;
  const observed = { maxInFlight: 0, channels: new Set<string>(), abortedAfterMs: [] as number[], badSignatures: 0 };
  const paths = new Set<string>();
  const server = http.createServer((request, response) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const [pathname, rawQuery = ''] = (request.url ?? '').split('?');
      paths.add(pathname!);
      const body = Buffer.concat(chunks);
      const verified = verifySignedRequest(
        { method: request.method ?? '', path: pathname!, query: parseRawQuery(rawQuery), body },
        credentials,
      );
      if (!verified.ok) observed.badSignatures += 1;
      const parsed = JSON.parse(body.toString() || '{}') as { batch?: Array<{ channel: string }>; channels?: string[] };
      for (const event of parsed.batch ?? []) observed.channels.add(event.channel);
      for (const channel of parsed.channels ?? []) observed.channels.add(channel);
      if (!stalling) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      inFlight += 1;
      observed.maxInFlight = Math.max(observed.maxInFlight, inFlight);
      // Held until the client gives up: the relay's deadline (PUSHER_TIMEOUT_MS) aborts it.
      response.once('close', () => {
        inFlight -= 1;
        observed.abortedAfterMs.push(Date.now() - started);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    observed,
    paths,
    stall(value: boolean) {
      stalling = value;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a server publishing to an external Pusher server, with short collaboration timings', () => {
  const credentials = { appId: 'stub-app', key: 'stub-key', secret: 'stub-secret' };
  let stub: Awaited<ReturnType<typeof pusherStub>>;
  let server: ShippedServer;
  let steps: ReturnType<typeof stocktakes>;
  beforeAll(async () => {
    stub = await pusherStub(credentials);
    server = await startShippedServer({
      PUSHER_APP_ID: credentials.appId,
      PUSHER_KEY: credentials.key,
      PUSHER_SECRET: credentials.secret,
      PUSHER_CLUSTER: 'eu',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(stub.port),
      PUSHER_USE_TLS: 'false',
      PUSHER_CLIENT_HOST: 'rt.example.com',
      PUSHER_CLIENT_PORT: '8443',
      PUSHER_CLIENT_USE_TLS: 'true',
      PUSHER_CHANNEL_PREFIX: 'private-',
      PUSHER_PRESENCE_CHANNELS: 'true',
      PUSHER_TIMEOUT_MS: '300',
      RELAY_CONCURRENCY: '3',
      OUTBOX_RETENTION: '1s',
      PRESENCE_HEARTBEAT: '1s',
      LINE_LOCK_TTL: '2s',
      LINE_LOCKS_PER_USER: '2',
      IDEMPOTENCY_RETENTION: '1s',
      LOG_LEVEL: 'debug',
      // This server's one manager token populates and reads whole stocktakes test after test, faster than any
      // person would: past one user's default share (TOKEN_COST_PER_SECOND, tested on the production server below).
      TOKEN_COST_PER_SECOND: '1000000',
    });
    steps = stocktakes(server);
  });
  afterAll(async () => {
    await server.close();
    await stub.close();
  });

  const relayStatus = async () =>
    dataOf<{ relayStatus: { backlog: number; lastError: string | null } }>(
      await server.post({ query: '{ relayStatus { backlog lastError } }' }),
    ).relayStatus;

  it('RELAY_CONCURRENCY and PUSHER_TIMEOUT_MS: at most 3 publishes in flight, each given up at that deadline', async () => {
    stub.stall(true);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) ids.push(await steps.create());
      for (const id of ids) await steps.populate(id);
      // Every channel (the list and six stocktakes) is tried while publishing stalls, and some attempts given up.
      await waitUntil(
        () => stub.observed.channels.size >= 7 && stub.observed.abortedAfterMs.length >= 3,
        'publish attempts on every channel, given up',
        30_000,
      );
    } finally {
      stub.stall(false);
    }
    expect(stub.observed.maxInFlight).toBe(3);
    expect((await relayStatus()).lastError).toMatch(/timed out/);
    expect(stub.observed.abortedAfterMs.length).toBeGreaterThanOrEqual(3);
    // Given up at its own deadline, nowhere near the default of 5 s.
    // (The relay's clock starts before the request reaches the stub, so the stub sees a little under 300 ms.)
    for (const elapsed of stub.observed.abortedAfterMs) expect(elapsed).toBeLessThan(2_500);
    await waitUntil(async () => (await relayStatus()).backlog === 0, 'the backlog to drain', 30_000);
  });

  it('PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_HOST, PUSHER_PORT, PUSHER_USE_TLS=false: signed plain-HTTP publishes', async () => {
    await steps.create();
    await waitUntil(async () => (await relayStatus()).backlog === 0, 'the event to be published', 30_000);
    expect([...stub.paths]).toEqual([`/apps/${credentials.appId}/batch_events`]);
    expect(stub.observed.badSignatures).toBe(0);
  });

  it('PUSHER_CHANNEL_PREFIX=private- and PUSHER_PRESENCE_CHANNELS=true: the channels Pusher gets', async () => {
    const id = await steps.create();
    await steps.populate(id);
    await waitUntil(
      () => stub.observed.channels.has(`presence-${HOTEL}-stocktake-${id}`),
      'the detail channel as a presence channel',
      30_000,
    );
    expect(stub.observed.channels).toContain(`private-${HOTEL}-stocktakes`);
    expect([...stub.observed.channels].every((channel) => /^(private|presence)-/.test(channel))).toBe(true);
  });

  it('PUSHER_CLUSTER and PUSHER_CLIENT_*: pusher-js is sent to the public host; TRUST_PROXY unset ignores forwarded headers', async () => {
    const config = await pusherConfig(server, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example.com' });
    expect(config).toMatchObject({
      key: credentials.key,
      cluster: 'eu',
      wsHost: 'rt.example.com',
      wsPort: 8443,
      forceTLS: true,
      channelPrefix: 'private-',
      detailChannelPrefix: 'presence-',
      authEndpoint: `http://127.0.0.1:${server.port}/pusher/auth`,
    });
    expect(JSON.stringify(config)).not.toContain(credentials.secret);
  });

  it('OUTBOX_RETENTION=1s: delivered events are pruned and a catch-up from before them is HISTORY_EXPIRED', async () => {
    await steps.create();
    await waitUntil(async () => (await relayStatus()).backlog === 0, 'the event to be delivered', 30_000);
    const catchUp = { query: `{ channelEvents(channel: "${HOTEL}-stocktakes", afterSequence: 0) { sequence } }` };
    await waitUntil(
      async () => (await server.post(catchUp)).json?.errors?.[0]?.extensions?.code === 'HISTORY_EXPIRED',
      'the history to be pruned',
      30_000,
    );
  });

  it('PRESENCE_HEARTBEAT=1s: a presence joined over HTTP and not renewed ends', async () => {
    const id = await steps.create();
    const presence = { query: `{ presence(stocktakeId: "${id}") { user { id } } }` };
    await server.post({ query: `mutation { joinStocktake(stocktakeId: "${id}") { user { id } } }` });
    expect(dataOf<{ presence: unknown[] }>(await server.post(presence)).presence).toEqual([
      { user: { id: 'manager-1' } },
    ]);
    await waitUntil(
      async () => dataOf<{ presence: unknown[] }>(await server.post(presence)).presence.length === 0,
      'the presence to lapse',
      30_000,
    );
  });

  it('LINE_LOCK_TTL=2s: an editing lock expires two seconds after it is taken', async () => {
    const id = await steps.create();
    const [lineId] = await steps.populate(id);
    const before = Date.now();
    const response = await server.post({ query: `mutation { startEditingLine(lineId: "${lineId}") { expiresAt } }` });
    const expiresAt = Date.parse(
      dataOf<{ startEditingLine: { expiresAt: string } }>(response).startEditingLine.expiresAt,
    );
    // The lock's own expiry, as the server stamped it (clocks are the same machine's).
    expect(expiresAt - before).toBeGreaterThanOrEqual(1_000);
    expect(expiresAt - before).toBeLessThan(10_000);
  });

  it('LINE_LOCKS_PER_USER=2: a user holds two locks on a stocktake, and a third take releases the oldest', async () => {
    const id = await steps.create();
    const [a, b, c] = await steps.populate(id);
    const take = (lineId: string) =>
      server.post({ query: `mutation { startEditingLine(lineId: "${lineId}") { lineId } }` });
    const stop = async (lineId: string) =>
      dataOf<{ stopEditingLine: boolean }>(
        await server.post({ query: `mutation { stopEditingLine(lineId: "${lineId}") }` }),
      ).stopEditingLine;
    for (const lineId of [a!, b!, c!])
      expect(outcome(await take(lineId))).toEqual({ status: 200, data: { startEditingLine: { lineId } } });
    // The first was released by the third take; the second and third are still held (a cap of one would have released the second too).
    expect(await stop(a!)).toBe(false);
    expect(await stop(b!)).toBe(true);
    expect(await stop(c!)).toBe(true);
  });

  it('IDEMPOTENCY_RETENTION=1s: a key is refused for other input while kept, and free again once pruned', async () => {
    const id = await steps.create();
    const update = (notes: string) =>
      server.post(
        { query: `mutation { updateStocktake(id: "${id}", input: { notes: "${notes}" }) { notes } }` },
        { headers: { 'idempotency-key': 'retention-key' } },
      );
    expect(outcome(await update('first'))).toEqual({ status: 200, data: { updateStocktake: { notes: 'first' } } });
    expect(outcome(await update('second'))).toMatchObject({ errors: [{ code: 'IDEMPOTENCY_KEY_REUSED' }] });
    await waitUntil(async () => (await update('second')).json?.errors === undefined, 'the key to be pruned', 30_000);
  });

  it('LOG_LEVEL=debug: debug lines are written; an external Pusher and a set secret leave DATA_DIR untouched', () => {
    const levels = new Set(server.logs().map((line) => line.level));
    expect(levels).toContain('debug');
    expect(levels).toContain('info');
    const dataDir = path.join(server.cwd, 'data');
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});

const describeWithRedis = redisUnavailable && process.env.CI !== 'true' ? describe.skip : describe;

describeWithRedis('a production server on Redis, behind PUBLIC_URL, verifying tokens with a JWKS', () => {
  let server: ShippedServer;
  let database: ScratchDatabase;
  let jwks: http.Server;
  let sign: (hotels: Record<string, string>) => Promise<string>;
  const redisPrefix = uniquePrefix();
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    sign = (hotels) =>
      new SignJWT({ name: 'Jay Jwks', hotels })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject('jwks-user')
        .setExpirationTime('10m')
        .sign(privateKey);
    database = await createFixtureDatabase();
    server = await startShippedServer(
      {
        DATABASE_URL: database.url,
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
        REDIS_URL: await testRedisUrl(),
        REDIS_PREFIX: redisPrefix,
        PUBLIC_URL: 'https://stock.example.com:8443/api',
        TOKEN_COST_PER_SECOND: '200',
      },
      { database: null },
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('AUTH_JWKS_URL: tokens signed with the published key are accepted, HS256 ones are not', async () => {
    const me = await server.post({ query: '{ me { id } }' }, { token: await sign({ [HOTEL]: 'staff' }) });
    expect(outcome(me)).toEqual({ status: 200, data: { me: { id: 'jwks-user' } } });
    const hs256 = await server.post({ query: '{ me { id } }' }, { token: await server.token() });
    expect(outcome(hs256).errors).toEqual([{ code: 'UNAUTHENTICATED' }]);
  });

  it('REDIS_URL and REDIS_PREFIX: the instance reports Redis ready and keeps its keys under the prefix', async () => {
    const ready = (await (await fetch(`${server.origin}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(ready.checks.redis).toEqual({ ok: true });
    const redis = new Redis(await testRedisUrl());
    try {
      await waitUntil(async () => (await redis.keys(`${redisPrefix}*`)).length > 0, 'keys under REDIS_PREFIX', 10_000);
    } finally {
      redis.disconnect();
    }
  });

  it('PUBLIC_URL: /pusher/config builds its URLs from it, whatever the request says', async () => {
    expect(await pusherConfig(server, { 'x-forwarded-host': 'evil.example.com' })).toMatchObject({
      wsHost: 'stock.example.com',
      wsPort: 8443,
      forceTLS: true,
      authEndpoint: 'https://stock.example.com:8443/api/pusher/auth',
    });
  });

  it('NODE_ENV=production: no Sandbox, no demo, no field suggestions', async () => {
    const sandbox = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await sandbox.text()).not.toContain('<html');
    expect((await fetch(`${server.origin}/demo/`)).status).toBe(404);
    const typo = await server.post({ query: '{ mee { id } }' }, { token: await sign({ [HOTEL]: 'staff' }) });
    expect(typo.json?.errors?.[0]?.message).not.toContain('Did you mean');
  });

  it('DATABASE_URL: it serves the database it names (the fixtures the test put there)', async () => {
    const hotels = await server.post(
      { query: '{ hotels { identifier } }' },
      { token: await sign({ [HOTEL]: 'staff' }) },
    );
    expect(outcome(hotels)).toEqual({ status: 200, data: { hotels: [{ identifier: HOTEL }] } });
  });

  it('TOKEN_COST_PER_SECOND=200: a user who has spent five seconds’ worth (1,000 units) is refused RATE_LIMITED with when to retry', async () => {
    const token = await sign({ [HOTEL]: 'staff' });
    let response = await server.post({ query: '{ me { id } }' }, { token });
    for (let i = 0; i < 5 && response.status === 200; i++)
      response = await server.post({ query: '{ me { id } }' }, { token });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^[0-5]$/);
    expect(response.json?.errors?.[0]?.message).toMatch(/\(200 cost units per second\)/);
  });
});

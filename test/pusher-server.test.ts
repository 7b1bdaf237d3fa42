/**
 * The built-in Pusher-compatible server, exercised with the real `pusher` SDK (publisher) and the
 * real `pusher-js` client (subscriber), plus a raw `ws` client where exact frames matter.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../src/infrastructure/logger';
import { PusherFaults } from './support/pusher-faults';
import express from 'express';
import Pusher from 'pusher';
import PusherJs, { type Channel, type Options as PusherJsOptions, type PresenceChannel } from 'pusher-js';
import WebSocket from 'ws';
import { LIMITS } from '../src/realtime/pusher-limits';
import {
  LocalChannelAdapter,
  PusherCompatibleServer,
  PusherProtocolServer,
  WsTransport,
  type PusherServerOptions,
} from '../src/realtime/pusher-server';
import {
  channelAuthSignature,
  hmacSha256Hex,
  md5Hex,
  parseRawQuery,
  stringToSign,
  verifyChannelAuth,
  verifySignedRequest,
} from '../src/realtime/pusher-server/signature';

jest.setTimeout(20_000);

const APP = { appId: '4242', key: 'local-key', secret: 'local-secret' };

// ---------------------------------------------------------------------------------------------
// Harness

interface Harness {
  server: PusherCompatibleServer;
  faults: PusherFaults;
  httpServer: http.Server;
  port: number;
  rejectedUpgrades: string[];
  stop(): Promise<void>;
}

async function startHarness(options: Partial<PusherServerOptions> = {}): Promise<Harness> {
  const faults = new PusherFaults();
  const server = new PusherCompatibleServer({ ...APP, ...faults.hooks, ...options });
  const app = express();
  app.use(server.httpRouter);
  // A JSON route mounted after the Pusher router proves the router leaves other bodies alone.
  app.use(express.json());
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  const httpServer = http.createServer(app);
  const rejectedUpgrades: string[] = [];
  httpServer.on('upgrade', (req, socket, head) => {
    if (!server.handleUpgrade(req, socket, head)) {
      rejectedUpgrades.push(req.url ?? '');
      socket.destroy();
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    server,
    faults,
    httpServer,
    port,
    rejectedUpgrades,
    async stop() {
      faults.clear();
      await server.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `predicate` (which may ask the server asynchronously) until it holds. */
async function waitUntil(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 4000): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function rejection(promise: Promise<unknown>): Promise<Pusher.RequestError> {
  try {
    await promise;
  } catch (error) {
    return error as Pusher.RequestError;
  }
  throw new Error('expected the promise to reject');
}

/** Signs and sends a request by hand (old timestamps, bad bodies, raw JSON). */
function signedRequest(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: string; params?: Record<string, string>; timestamp?: number; md5?: string; secret?: string } = {},
): Promise<{ status: number; body: string; contentType: string | undefined }> {
  const params: Record<string, string> = {
    auth_key: APP.key,
    auth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: '1.0',
    ...options.params,
  };
  if (options.body) params.body_md5 = options.md5 ?? md5Hex(options.body);
  const query = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  const signature = hmacSha256Hex(options.secret ?? APP.secret, `${method}\n${path}\n${query}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `${path}?${query}&auth_signature=${signature}`,
        agent: false,
        headers: options.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            contentType: res.headers['content-type'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
  raw: string;
}

/** A bare protocol-7 client that records every frame verbatim. */
class RawClient {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  closeReason = '';
  socketId = '';

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      // The server only sends text frames, which ws hands over as one Buffer.
      const raw = Buffer.isBuffer(data) ? data.toString() : '';
      this.frames.push({ ...(JSON.parse(raw) as Omit<Frame, 'raw'>), raw });
    });
    ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
    ws.on('error', () => undefined);
  }

  static all: RawClient[] = [];

  static async open(
    port: number,
    path = `/app/${APP.key}?protocol=7&client=js&version=8.6.0&flash=false`,
  ): Promise<RawClient> {
    const client = new RawClient(new WebSocket(`ws://127.0.0.1:${port}${path}`));
    RawClient.all.push(client);
    await new Promise<void>((resolve) => {
      client.ws.once('open', () => resolve());
      client.ws.once('close', () => resolve());
      client.ws.once('error', () => resolve());
    });
    return client;
  }

  static async connect(port: number): Promise<RawClient> {
    const client = await RawClient.open(port);
    const established = await client.waitFor((f) => f.event === 'pusher:connection_established');
    client.socketId = (JSON.parse(established.data as string) as { socket_id: string }).socket_id;
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async waitFor(predicate: (frame: Frame) => boolean, what = 'frame', timeoutMs = 3000): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(() => (found = this.frames.find(predicate)) !== undefined, what, timeoutMs);
    return found!;
  }

  async waitForClose(timeoutMs = 3000): Promise<number> {
    await waitUntil(() => this.closeCode !== undefined, 'close', timeoutMs);
    return this.closeCode!;
  }

  /** Subscribes and resolves with the first answer for that channel (success or error). */
  async subscribe(channel: string, auth?: string, channelData?: string): Promise<Frame> {
    const before = this.frames.length;
    this.send({ event: 'pusher:subscribe', data: { channel, auth, channel_data: channelData } });
    return this.waitFor(
      (f) =>
        this.frames.indexOf(f) >= before &&
        (f.event === 'pusher:error' || (f.channel === channel && f.event === 'pusher_internal:subscription_succeeded')),
      `subscription answer for ${channel}`,
    );
  }

  events(name: string): Frame[] {
    return this.frames.filter((f) => f.event === name);
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.terminate();
    });
  }
}

const pusherJsClients: PusherJs[] = [];

function pusherJs(port: number, options: Partial<PusherJsOptions> = {}, key = APP.key): PusherJs {
  const client = new PusherJs(key, {
    cluster: 'mt1',
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    ...options,
  });
  pusherJsClients.push(client);
  return client;
}

async function connectedPusherJs(port: number, options: Partial<PusherJsOptions> = {}): Promise<PusherJs> {
  const client = pusherJs(port, options);
  await waitUntil(() => client.connection.state === 'connected', 'pusher-js connected');
  return client;
}

/** Everything a pusher-js channel emits, in order. */
function record(channel: Channel): Array<{ event: string; data: unknown }> {
  const seen: Array<{ event: string; data: unknown }> = [];
  channel.bind_global((event: string, data: unknown) => seen.push({ event, data }));
  return seen;
}

async function subscribed(
  client: PusherJs,
  name: string,
): Promise<{ channel: Channel; seen: Array<{ event: string; data: unknown }> }> {
  const channel = client.subscribe(name);
  const seen = record(channel);
  await waitUntil(() => channel.subscribed, `subscription to ${name}`);
  return { channel, seen };
}

function sdkFor(port: number, overrides: Partial<Pusher.BaseOptions> = {}): Pusher {
  return new Pusher({ ...APP, host: '127.0.0.1', port: String(port), useTLS: false, timeout: 2000, ...overrides });
}

function authHandler(sdk: Pusher, presence?: Pusher.PresenceChannelData): PusherJsOptions['channelAuthorization'] {
  return {
    customHandler: (params, callback) =>
      callback(null, sdk.authorizeChannel(params.socketId, params.channelName, presence)),
  };
}

async function closeAllClients(): Promise<void> {
  for (const client of pusherJsClients.splice(0)) client.disconnect();
  await Promise.all(RawClient.all.splice(0).map((c) => c.close()));
}

// ---------------------------------------------------------------------------------------------
// Signing (no network)

describe('signature', () => {
  // Reference §1.2, from Pusher's REST API docs.
  const docs = { appId: '3', key: '278d425bdf160c739803', secret: '7ad3773142a6692b25b8', timestamp: 1353088179 };
  const body = '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}';

  it('reproduces the documented HTTP API test vector', () => {
    expect(md5Hex(body)).toBe('ec365a775a4cd0599faeb73354201b6f');
    const query = parseRawQuery(
      `auth_key=${docs.key}&auth_timestamp=${docs.timestamp}&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f`,
    );
    expect(hmacSha256Hex(docs.secret, stringToSign('POST', '/apps/3/events', query))).toBe(
      'da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c',
    );
  });

  it('accepts the documented request at its own time and rejects it 601 s later', () => {
    const query = parseRawQuery(
      `auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c&body_md5=ec365a775a4cd0599faeb73354201b6f` +
        `&auth_version=1.0&auth_key=${docs.key}&auth_timestamp=${docs.timestamp}`,
    );
    const request = { method: 'POST', path: '/apps/3/events', query, body: Buffer.from(body) };
    expect(verifySignedRequest(request, docs, docs.timestamp + 600)).toEqual({ ok: true });
    expect(verifySignedRequest(request, docs, docs.timestamp + 601)).toEqual({
      ok: false,
      message:
        'Timestamp expired: Given timestamp (2012-11-16T17:49:39Z) not within 600s of server time (2012-11-16T17:59:40Z)',
    });
    expect(verifySignedRequest({ ...request, body: Buffer.from(body + ' ') }, docs, docs.timestamp)).toEqual({
      ok: false,
      message: `Invalid body_md5: the MD5 of the request body is ${md5Hex(body + ' ')}, but you sent ec365a775a4cd0599faeb73354201b6f`,
    });
  });

  it('reproduces the documented channel auth vectors', () => {
    expect(channelAuthSignature(docs.secret, '1234.1234', 'private-foobar')).toBe(
      '58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4',
    );
    expect(
      channelAuthSignature(
        docs.secret,
        '1234.1234',
        'presence-foobar',
        '{"user_id":10,"user_info":{"name":"Mr. Channels"}}',
      ),
    ).toBe('31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80');
    expect(
      verifyChannelAuth(
        docs,
        '1234.1234',
        'private-foobar',
        `${docs.key}:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4`,
      ),
    ).toEqual({ ok: true });
    expect(verifyChannelAuth(docs, '1234.1234', 'private-foobar', `${docs.key}:00`)).toEqual({
      ok: false,
      message: 'Invalid signature: Expected HMAC SHA256 hex digest of 1234.1234:private-foobar, but got 00',
    });
    expect(verifyChannelAuth(docs, '1234.1234', 'private-foobar', 'other:00')).toEqual({
      ok: false,
      message: "Invalid key in subscription auth data: 'other'",
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Against a running server

describe('PusherCompatibleServer', () => {
  let h: Harness;
  let sdk: Pusher;

  beforeAll(async () => {
    h = await startHarness();
    sdk = sdkFor(h.port);
  });

  afterEach(async () => {
    h.faults.clear();
    await closeAllClients();
    await waitUntil(async () => (await h.server.channelInfo()).size === 0, 'all channels vacated');
  });

  afterAll(async () => {
    await closeAllClients();
    await h.stop();
  });

  describe('publishing', () => {
    it('delivers a single-channel trigger with the exact frame and answers {}', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('orders');
      const client = await connectedPusherJs(h.port);
      const { seen } = await subscribed(client, 'orders');

      const response = await sdk.trigger('orders', 'order-updated', { id: 7, qty: '1.50' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{}');

      const frame = await raw.waitFor((f) => f.event === 'order-updated');
      expect(frame.raw).toBe('{"event":"order-updated","channel":"orders","data":"{\\"id\\":7,\\"qty\\":\\"1.50\\"}"}');
      await waitUntil(() => seen.some((e) => e.event === 'order-updated'), 'pusher-js event');
      expect(seen.filter((e) => e.event === 'order-updated')).toEqual([
        { event: 'order-updated', data: { id: 7, qty: '1.50' } },
      ]);
    });

    it('sends string data as-is (no double encoding)', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('strings');
      await sdk.trigger('strings', 'plain', 'hello world');
      await sdk.trigger('strings', 'preserialized', '{"a":[1,2]}');
      await raw.waitFor((f) => f.event === 'preserialized');
      expect(raw.events('plain')[0]!.raw).toBe('{"event":"plain","channel":"strings","data":"hello world"}');
      expect(raw.events('preserialized')[0]!.raw).toBe(
        '{"event":"preserialized","channel":"strings","data":"{\\"a\\":[1,2]}"}',
      );
    });

    it('fans a multi-channel trigger out to every channel and logs one request', async () => {
      const client = await connectedPusherJs(h.port);
      const a = await subscribed(client, 'multi-a');
      const b = await subscribed(client, 'multi-b');
      h.faults.clearLog();

      await sdk.trigger(['multi-a', 'multi-b', 'multi-c'], 'ping', { n: 1 });
      await waitUntil(() => a.seen.length + b.seen.length >= 4, 'both channels');
      expect(a.seen.filter((e) => e.event === 'ping')).toEqual([{ event: 'ping', data: { n: 1 } }]);
      expect(b.seen.filter((e) => e.event === 'ping')).toEqual([{ event: 'ping', data: { n: 1 } }]);
      expect(h.faults.publishAttempts).toBe(1);
      expect(h.faults.requests).toHaveLength(1);
      expect(h.faults.requests[0]).toMatchObject({
        endpoint: 'events',
        events: [{ name: 'ping', data: '{"n":1}', channels: ['multi-a', 'multi-b', 'multi-c'] }],
      });
      expect(h.faults.accepted.map((e) => e.channel)).toEqual(['multi-a', 'multi-b', 'multi-c']);
    });

    it('delivers triggerBatch items in order and records them as one request', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('batch-a');
      await raw.subscribe('batch-b');
      h.faults.clearLog();

      const response = await sdk.triggerBatch([
        { channel: 'batch-a', name: 'e1', data: { i: 1 } },
        { channel: 'batch-b', name: 'e2', data: { i: 2 } },
        { channel: 'batch-a', name: 'e3', data: 'three' },
      ]);
      expect(await response.text()).toBe('{}');
      await raw.waitFor((f) => f.event === 'e3');
      expect(raw.frames.filter((f) => /^e\d$/.test(f.event)).map((f) => f.raw)).toEqual([
        '{"event":"e1","channel":"batch-a","data":"{\\"i\\":1}"}',
        '{"event":"e2","channel":"batch-b","data":"{\\"i\\":2}"}',
        '{"event":"e3","channel":"batch-a","data":"three"}',
      ]);
      expect(h.faults.requests.map((r) => [r.endpoint, r.events.length])).toEqual([['batch_events', 3]]);
      await expect(h.faults.waitForAccepted(3, 100)).resolves.toHaveLength(3);
    });

    it('excludes the connection named by socket_id (trigger and batch)', async () => {
      const sender = await RawClient.connect(h.port);
      const other = await RawClient.connect(h.port);
      await sender.subscribe('excl');
      await other.subscribe('excl');

      await sdk.trigger('excl', 'from-sender', { x: 1 }, { socket_id: sender.socketId });
      await sdk.triggerBatch([{ channel: 'excl', name: 'batch-from-sender', data: {}, socket_id: sender.socketId }]);
      await sdk.trigger('excl', 'marker', {});

      await sender.waitFor((f) => f.event === 'marker');
      await other.waitFor((f) => f.event === 'marker');
      // Frames on one connection are ordered, so anything excluded would have arrived before the marker.
      expect(sender.frames.filter((f) => f.channel === 'excl').map((f) => f.event)).toEqual([
        'pusher_internal:subscription_succeeded',
        'marker',
      ]);
      expect(other.frames.filter((f) => f.channel === 'excl').map((f) => f.event)).toEqual([
        'pusher_internal:subscription_succeeded',
        'from-sender',
        'batch-from-sender',
        'marker',
      ]);
      expect(h.faults.accepted.find((e) => e.name === 'from-sender')?.socketId).toBe(sender.socketId);
    });

    it('answers info requests with the channel attributes', async () => {
      const a = await RawClient.connect(h.port);
      const b = await RawClient.connect(h.port);
      await a.subscribe('info-ch');
      await b.subscribe('info-ch');
      const response = await sdk.trigger(['info-ch', 'info-empty'], 'x', {}, { info: 'subscription_count' });
      expect(await response.json()).toEqual({
        channels: { 'info-ch': { subscription_count: 2 }, 'info-empty': { subscription_count: 0 } },
      });
      const batch = await sdk.triggerBatch([
        { channel: 'info-ch', name: 'x', data: {}, info: 'subscription_count' },
        { channel: 'info-ch', name: 'y', data: {} },
      ]);
      expect(await batch.json()).toEqual({ batch: [{ subscription_count: 2 }, {}] });
    });

    it('leaves other routes\u2019 bodies to the app (router reads raw bodies only under /apps)', async () => {
      const res = await new Promise<string>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: h.port,
            method: 'POST',
            path: '/echo',
            agent: false,
            headers: { 'content-type': 'application/json' },
          },
          (r) => {
            let text = '';
            r.on('data', (c: Buffer) => (text += c.toString()));
            r.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end('{"hello":"world"}');
      });
      expect(res).toBe('{"hello":"world"}');
    });
  });

  describe('request verification', () => {
    it('rejects a wrong secret with 401 and the hosted service\u2019s text body', async () => {
      const error = await rejection(sdkFor(h.port, { secret: 'tampered' }).trigger('c', 'e', {}));
      expect(error.name).toBe('PusherRequestError');
      expect(error.message).toBe('Unexpected status code 401');
      expect(error.status).toBe(401);
      expect(error.body).toMatch(
        /^Invalid signature: you should have sent HmacSHA256Hex\("POST\\n\/apps\/4242\/events\\nauth_key=local-key&auth_timestamp=\d+&auth_version=1\.0&body_md5=[0-9a-f]{32}", your_secret_key\), but you sent "[0-9a-f]{64}"$/,
      );
      expect(error.body).not.toContain(APP.secret);
    });

    it('rejects an unknown key with 401 and an unknown app id with 404', async () => {
      const badKey = await rejection(sdkFor(h.port, { key: 'nope' }).trigger('c', 'e', {}));
      expect([badKey.status, badKey.body]).toEqual([401, 'Unknown auth_key']);
      const badApp = await rejection(sdkFor(h.port, { appId: '999' }).trigger('c', 'e', {}));
      expect([badApp.status, badApp.body]).toEqual([404, 'Unknown app_id: 999']);
    });

    it('enforces the ±600 s timestamp window', async () => {
      const body = JSON.stringify({ name: 'e', channel: 'c', data: '{}' });
      const now = Math.floor(Date.now() / 1000);
      const old = await signedRequest(h.port, 'POST', `/apps/${APP.appId}/events`, { body, timestamp: now - 601 });
      expect(old.status).toBe(401);
      expect(old.contentType).toMatch(/^text\/plain/);
      expect(old.body).toMatch(
        /^Timestamp expired: Given timestamp \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) not within 600s of server time \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/,
      );
      const future = await signedRequest(h.port, 'POST', `/apps/${APP.appId}/events`, { body, timestamp: now + 700 });
      expect(future.status).toBe(401);
      const recent = await signedRequest(h.port, 'POST', `/apps/${APP.appId}/events`, { body, timestamp: now - 500 });
      expect([recent.status, recent.body]).toEqual([200, '{}']);
    });

    it('rejects a body that does not match body_md5', async () => {
      const body = JSON.stringify({ name: 'e', channel: 'c', data: '{}' });
      const res = await signedRequest(h.port, 'POST', `/apps/${APP.appId}/events`, {
        body,
        md5: md5Hex('something else'),
      });
      expect(res.status).toBe(401);
      expect(res.body).toBe(
        `Invalid body_md5: the MD5 of the request body is ${md5Hex(body)}, but you sent ${md5Hex('something else')}`,
      );
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await signedRequest(h.port, 'POST', `/apps/${APP.appId}/events`, { body: '{"name":' });
      expect([res.status, res.body]).toEqual([400, 'Request body is not valid JSON']);
    });
  });

  describe('limits', () => {
    it('accepts 10240 bytes of data and answers 413 for 10241', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('big');
      await expect(sdk.trigger('big', 'max', 'x'.repeat(10240))).resolves.toMatchObject({ status: 200 });
      const error = await rejection(sdk.trigger('big', 'over', 'x'.repeat(10241)));
      expect(error.status).toBe(413);
      expect(error.body).toBe(
        'The data content of this event exceeds the allowed maximum (10240 bytes). See https://pusher.com/docs/channels/server_api/http-api#publishing-events for more info',
      );
      // Bytes, not characters: 5121 two-byte characters are 10242 bytes.
      await expect(sdk.trigger('big', 'utf8', 'é'.repeat(5120))).resolves.toMatchObject({ status: 200 });
      expect((await rejection(sdk.trigger('big', 'utf8-over', 'é'.repeat(5121)))).status).toBe(413);
      const batch = await rejection(
        sdk.triggerBatch([
          { channel: 'big', name: 'ok', data: 'small' },
          { channel: 'big', name: 'huge', data: 'x'.repeat(10241) },
        ]),
      );
      expect(batch.status).toBe(413);
      await sdk.trigger('big', 'marker', {});
      await raw.waitFor((f) => f.event === 'marker');
      expect(raw.frames.filter((f) => f.channel === 'big').map((f) => f.event)).toEqual([
        'pusher_internal:subscription_succeeded',
        'max',
        'utf8',
        'marker',
      ]);
    });

    it('accepts 10 batch items and rejects 11 with 400 (nothing delivered)', async () => {
      const items = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ channel: 'batch-limit', name: `e${i}`, data: {} }));
      await expect(sdk.triggerBatch(items(10))).resolves.toMatchObject({ status: 200 });
      h.faults.clearLog();
      const error = await rejection(sdk.triggerBatch(items(11)));
      expect([error.status, error.body]).toEqual([400, 'Batch too large: 11 events (maximum 10 per request)']);
      expect(h.faults.accepted).toEqual([]);
      expect(h.faults.publishAttempts).toBe(1);
    });

    it('rejects bad channel names, long event names, bad socket ids and >100 channels with 400', async () => {
      const badName = await rejection(sdk.triggerBatch([{ channel: 'bad channel!', name: 'e', data: {} }]));
      expect([badName.status, badName.body]).toEqual([
        400,
        "Batch event 0: Invalid channel name: 'bad channel!' (allowed characters: A-Z a-z 0-9 _ - = @ , . ;)",
      ]);
      // The SDK allows 200 characters; the service allows 164.
      expect((await rejection(sdk.trigger('c'.repeat(165), 'e', {}))).status).toBe(400);
      await expect(sdk.trigger('c'.repeat(164), 'e', {})).resolves.toMatchObject({ status: 200 });
      const longEvent = await rejection(sdk.triggerBatch([{ channel: 'ok', name: 'e'.repeat(201), data: {} }]));
      expect([longEvent.status, longEvent.body]).toEqual([
        400,
        'Batch event 0: Event name too long: 201 characters (maximum 200)',
      ]);
      const badSocket = await rejection(sdk.triggerBatch([{ channel: 'ok', name: 'e', data: {}, socket_id: 'abc' }]));
      expect([badSocket.status, badSocket.body]).toEqual([400, "Batch event 0: Invalid socket_id: 'abc'"]);
      const channels = Array.from({ length: 101 }, (_, i) => `ch-${i}`);
      const tooMany = await rejection(
        sdk.post({ path: '/events', body: { name: 'e', data: '{}', channels } as unknown as string }),
      );
      expect([tooMany.status, tooMany.body]).toEqual([400, 'Too many channels: 101 (maximum 100 per event)']);
      const notString = await rejection(
        sdk.post({ path: '/events', body: { name: 'e', data: { a: 1 }, channel: 'c' } as unknown as string }),
      );
      expect([notString.status, notString.body]).toEqual([400, 'Expected data parameter to be a string']);
    });
  });

  describe('channels', () => {
    it('subscribes to a private channel with SDK-signed auth and receives its events', async () => {
      const client = await connectedPusherJs(h.port, { channelAuthorization: authHandler(sdk) });
      const { seen } = await subscribed(client, 'private-stock');
      await sdk.trigger('private-stock', 'secret-update', { ok: true });
      await waitUntil(() => seen.some((e) => e.event === 'secret-update'), 'private event');
      expect(seen).toEqual([
        { event: 'pusher:subscription_succeeded', data: {} },
        { event: 'secret-update', data: { ok: true } },
      ]);
    });

    it('rejects a private subscription with a bad signature the way real Pusher does', async () => {
      const wrongSdk = sdkFor(h.port, { secret: 'wrong-secret' });
      const client = await connectedPusherJs(h.port, { channelAuthorization: authHandler(wrongSdk) });
      const connectionErrors: unknown[] = [];
      client.connection.bind('error', (e: unknown) => connectionErrors.push(e));
      const channel = client.subscribe('private-denied');
      const seen = record(channel);
      await waitUntil(() => seen.length > 0 && connectionErrors.length > 0, 'subscription error');

      const socketId = client.connection.socket_id;
      const expectedMessage = new RegExp(
        `^Invalid signature: Expected HMAC SHA256 hex digest of ${socketId.replace('.', '\\.')}:private-denied, but got [0-9a-f]{64}$`,
      );
      expect(connectionErrors).toEqual([
        { type: 'PusherError', data: { code: null, message: expect.stringMatching(expectedMessage) } },
      ]);
      expect(seen).toEqual([
        {
          event: 'pusher:subscription_error',
          data: { type: 'AuthError', error: expect.stringMatching(expectedMessage) },
        },
      ]);
      expect(channel.subscribed).toBe(false);
      expect((await h.server.channelInfo()).has('private-denied')).toBe(false);

      // Exact frames, as a raw client sees them.
      const raw = await RawClient.connect(h.port);
      const answer = await raw.subscribe('private-denied', `${APP.key}:${'0'.repeat(64)}`);
      expect(answer.raw).toBe(
        JSON.stringify({
          event: 'pusher:error',
          data: JSON.stringify({
            code: null,
            message: `Invalid signature: Expected HMAC SHA256 hex digest of ${raw.socketId}:private-denied, but got ${'0'.repeat(64)}`,
          }),
        }),
      );
      const missing = await raw.subscribe('private-denied');
      expect(JSON.parse(missing.data as string)).toEqual({
        code: null,
        message: "Auth value for subscription to private-denied is invalid: should be of format 'key:signature'",
      });
    });

    it('tracks presence members per user and announces joins/leaves to the others', async () => {
      const alice = await connectedPusherJs(h.port, {
        channelAuthorization: authHandler(sdk, { user_id: 'u1', user_info: { name: 'Alice' } }),
      });
      const a = await subscribed(alice, 'presence-room');
      const bob = await connectedPusherJs(h.port, {
        channelAuthorization: authHandler(sdk, { user_id: 'u2', user_info: { name: 'Bob' } }),
      });
      const b = await subscribed(bob, 'presence-room');

      await waitUntil(() => a.seen.some((e) => e.event === 'pusher:member_added'), 'member_added');
      expect(a.seen.filter((e) => e.event === 'pusher:member_added')).toEqual([
        { event: 'pusher:member_added', data: { id: 'u2', info: { name: 'Bob' } } },
      ]);
      const bobMembers = (b.channel as PresenceChannel).members;
      expect(bobMembers.count).toBe(2);
      expect(bobMembers.me).toEqual({ id: 'u2', info: { name: 'Bob' } });
      expect(b.seen.filter((e) => e.event === 'pusher:member_added')).toEqual([]);

      // Exact subscription_succeeded payload for a third (raw) connection of user u2.
      const raw = await RawClient.connect(h.port);
      const auth = sdk.authorizeChannel(raw.socketId, 'presence-room', { user_id: 'u2', user_info: { name: 'Bob' } });
      const ok = await raw.subscribe('presence-room', auth.auth, auth.channel_data);
      expect(ok.raw).toBe(
        JSON.stringify({
          event: 'pusher_internal:subscription_succeeded',
          channel: 'presence-room',
          data: '{"presence":{"ids":["u1","u2"],"hash":{"u1":{"name":"Alice"},"u2":{"name":"Bob"}},"count":2}}',
        }),
      );
      expect((await h.server.channelInfo()).get('presence-room')).toEqual({ subscriptionCount: 3, userCount: 2 });

      // Users API while all three connections are present.
      const users = await sdk.get({ path: '/channels/presence-room/users' });
      expect(await users.json()).toEqual({ users: [{ id: 'u1' }, { id: 'u2' }] });

      // u2's second connection leaving is not a member change. Wait until the server has processed
      // the leave, so the marker published next would come after any member_removed it caused.
      await raw.close();
      await waitUntil(
        async () => (await h.server.channelInfo()).get('presence-room')?.subscriptionCount === 2,
        'the server to see the raw connection leave',
      );
      await sdk.trigger('presence-room', 'marker-1', {});
      await waitUntil(() => a.seen.some((e) => e.event === 'marker-1'), 'marker-1');
      expect(a.seen.filter((e) => e.event === 'pusher:member_removed')).toEqual([]);
      // ...and u2's second connection joining was not one either.
      expect(a.seen.filter((e) => e.event === 'pusher:member_added')).toHaveLength(1);

      // u2's last connection leaving is.
      bob.disconnect();
      await waitUntil(() => a.seen.some((e) => e.event === 'pusher:member_removed'), 'member_removed');
      expect(a.seen.filter((e) => e.event === 'pusher:member_removed')).toEqual([
        { event: 'pusher:member_removed', data: { id: 'u2', info: { name: 'Bob' } } },
      ]);
      expect((a.channel as PresenceChannel).members.count).toBe(1);
    });

    it('sends the raw member_added/member_removed frames', async () => {
      const first = await RawClient.connect(h.port);
      const a1 = sdk.authorizeChannel(first.socketId, 'presence-raw', { user_id: '1', user_info: { n: 1 } });
      await first.subscribe('presence-raw', a1.auth, a1.channel_data);
      const second = await RawClient.connect(h.port);
      const a2 = sdk.authorizeChannel(second.socketId, 'presence-raw', { user_id: '2' });
      await second.subscribe('presence-raw', a2.auth, a2.channel_data);
      const added = await first.waitFor((f) => f.event === 'pusher_internal:member_added');
      expect(added.raw).toBe(
        '{"event":"pusher_internal:member_added","channel":"presence-raw","data":"{\\"user_id\\":\\"2\\",\\"user_info\\":null}"}',
      );
      second.send({ event: 'pusher:unsubscribe', data: { channel: 'presence-raw' } });
      const removed = await first.waitFor((f) => f.event === 'pusher_internal:member_removed');
      expect(removed.raw).toBe(
        '{"event":"pusher_internal:member_removed","channel":"presence-raw","data":"{\\"user_id\\":\\"2\\"}"}',
      );
      expect(second.events('pusher_internal:member_added')).toEqual([]);
    });

    it('enforces presence limits: 1 KB user_info and 100 members', async () => {
      const big = await RawClient.connect(h.port);
      const bigAuth = sdk.authorizeChannel(big.socketId, 'presence-full', {
        user_id: 'big',
        user_info: { pad: 'x'.repeat(1100) },
      });
      const bigAnswer = await big.subscribe('presence-full', bigAuth.auth, bigAuth.channel_data);
      expect(JSON.parse(bigAnswer.data as string)).toEqual({
        code: null,
        message: 'Invalid presence channel_data: user_info larger than 1024 bytes',
      });

      const members = await Promise.all(Array.from({ length: 100 }, () => RawClient.connect(h.port)));
      await Promise.all(
        members.map((m, i) => {
          const auth = sdk.authorizeChannel(m.socketId, 'presence-full', { user_id: `m${i}` });
          return m.subscribe('presence-full', auth.auth, auth.channel_data);
        }),
      );
      expect((await h.server.channelInfo()).get('presence-full')).toEqual({ subscriptionCount: 100, userCount: 100 });
      const extra = await RawClient.connect(h.port);
      const extraAuth = sdk.authorizeChannel(extra.socketId, 'presence-full', { user_id: 'm100' });
      const refused = await extra.subscribe('presence-full', extraAuth.auth, extraAuth.channel_data);
      expect(JSON.parse(refused.data as string)).toEqual({
        code: null,
        message: 'Presence channel presence-full is full: at most 100 members are allowed',
      });
      // An existing user may still open another connection.
      const again = await RawClient.connect(h.port);
      const againAuth = sdk.authorizeChannel(again.socketId, 'presence-full', { user_id: 'm5' });
      expect((await again.subscribe('presence-full', againAuth.auth, againAuth.channel_data)).event).toBe(
        'pusher_internal:subscription_succeeded',
      );
    });

    it('reports channels through the query API and channelInfo()', async () => {
      const raw = await RawClient.connect(h.port);
      const other = await RawClient.connect(h.port);
      await raw.subscribe('q-public');
      await other.subscribe('q-public');
      const auth = sdk.authorizeChannel(raw.socketId, 'presence-q', { user_id: 'p1' });
      await raw.subscribe('presence-q', auth.auth, auth.channel_data);

      expect(await (await sdk.get({ path: '/channels' })).json()).toEqual({
        channels: { 'q-public': {}, 'presence-q': {} },
      });
      expect(
        await (
          await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })
        ).json(),
      ).toEqual({ channels: { 'presence-q': { user_count: 1 } } });
      const noPrefix = await rejection(sdk.get({ path: '/channels', params: { info: 'user_count' } }));
      expect([noPrefix.status, noPrefix.body]).toEqual([
        400,
        'info=user_count is only supported together with filter_by_prefix=presence-',
      ]);

      expect(
        await (await sdk.get({ path: '/channels/q-public', params: { info: 'subscription_count' } })).json(),
      ).toEqual({
        occupied: true,
        subscription_count: 2,
      });
      expect(
        await (
          await sdk.get({ path: '/channels/presence-q', params: { info: 'user_count,subscription_count' } })
        ).json(),
      ).toEqual({
        occupied: true,
        user_count: 1,
        subscription_count: 1,
      });
      expect(await (await sdk.get({ path: '/channels/nobody-here' })).json()).toEqual({ occupied: false });
      expect((await rejection(sdk.get({ path: '/channels/q-public', params: { info: 'user_count' } }))).status).toBe(
        400,
      );
      expect((await rejection(sdk.get({ path: '/channels/q-public/users' }))).status).toBe(400);

      expect([...(await h.server.channelInfo())]).toEqual([
        ['q-public', { subscriptionCount: 2 }],
        ['presence-q', { subscriptionCount: 1, userCount: 1 }],
      ]);
      other.send({ event: 'pusher:unsubscribe', data: { channel: 'q-public' } });
      await waitUntil(
        async () => (await h.server.channelInfo()).get('q-public')?.subscriptionCount === 1,
        'unsubscribe',
      );
    });
  });

  describe('websocket protocol', () => {
    it('sends connection_established with a digits.digits socket_id and the activity timeout', async () => {
      const raw = await RawClient.connect(h.port);
      expect(raw.frames[0]!.event).toBe('pusher:connection_established');
      expect(raw.frames[0]!.data).toMatch(/^\{"socket_id":"\d+\.\d+","activity_timeout":120\}$/);
      const client = await connectedPusherJs(h.port);
      expect(client.connection.socket_id).toMatch(/^\d+\.\d+$/);
    });

    it('answers pusher:ping, reports invalid JSON and keeps the connection', async () => {
      const raw = await RawClient.connect(h.port);
      raw.send('{not json');
      const error = await raw.waitFor((f) => f.event === 'pusher:error');
      expect(error.raw).toBe(
        '{"event":"pusher:error","data":"{\\"code\\":null,\\"message\\":\\"Invalid JSON: could not parse the message\\"}"}',
      );
      raw.send({ event: 'pusher:ping', data: {} });
      const pong = await raw.waitFor((f) => f.event === 'pusher:pong');
      expect(pong.raw).toBe('{"event":"pusher:pong","data":"{}"}');
      expect(raw.closeCode).toBeUndefined();
    });

    it('rejects client events without relaying them', async () => {
      const sender = await RawClient.connect(h.port);
      const listener = await RawClient.connect(h.port);
      const auth = sdk.authorizeChannel(sender.socketId, 'private-chat');
      await sender.subscribe('private-chat', auth.auth);
      const auth2 = sdk.authorizeChannel(listener.socketId, 'private-chat');
      await listener.subscribe('private-chat', auth2.auth);

      sender.send({ event: 'client-typing', channel: 'private-chat', data: { who: 'me' } });
      const error = await sender.waitFor((f) => f.event === 'pusher:error');
      expect(JSON.parse(error.data as string)).toEqual({
        code: null,
        message: 'To send client events, you must enable this feature in the Settings page of your dashboard.',
      });
      await sdk.trigger('private-chat', 'marker', {});
      await listener.waitFor((f) => f.event === 'marker');
      expect(listener.events('client-typing')).toEqual([]);
    });

    it('closes an unknown key with 4001 and a bad protocol with 4007/4008', async () => {
      const wrongKey = await RawClient.open(h.port, '/app/not-my-key?protocol=7');
      expect(await wrongKey.waitForClose()).toBe(4001);
      expect(wrongKey.closeReason).toBe(
        'App key not-my-key not in this cluster. Did you forget to specify the cluster?',
      );
      const noProtocol = await RawClient.open(h.port, `/app/${APP.key}`);
      expect(await noProtocol.waitForClose()).toBe(4008);
      const oldProtocol = await RawClient.open(h.port, `/app/${APP.key}?protocol=5`);
      expect(await oldProtocol.waitForClose()).toBe(4007);

      const client = pusherJs(h.port, {}, 'not-my-key');
      const errors: unknown[] = [];
      client.connection.bind('error', (e: unknown) => errors.push(e));
      await waitUntil(() => errors.length > 0 && client.connection.state === 'disconnected', 'pusher-js refusal');
      expect(errors[0]).toEqual({
        type: 'WebSocketError',
        error: {
          type: 'PusherError',
          data: {
            code: 4001,
            message: 'App key not-my-key not in this cluster. Did you forget to specify the cluster?',
          },
        },
      });
    });

    it('returns false from handleUpgrade for other paths', async () => {
      const other = await RawClient.open(h.port, '/graphql');
      await other.waitForClose();
      expect(h.rejectedUpgrades).toContain('/graphql');
      expect(other.frames).toEqual([]);
    });
  });

  describe('fault injection', () => {
    it('failNext: the SDK sees the status and text body, then publishing recovers', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('faulty');
      h.faults.clearLog();
      h.faults
        .failNext({ status: 503 })
        .failNext({ status: 403, body: 'Forbidden: app disabled or over message quota', times: 2 });
      expect(h.faults.pendingFaults).toBe(3);

      const e1 = await rejection(sdk.trigger('faulty', 'e', {}));
      expect([e1.status, e1.body, e1.message]).toEqual([503, 'Service Unavailable', 'Unexpected status code 503']);
      for (let i = 0; i < 2; i++) {
        const e = await rejection(sdk.triggerBatch([{ channel: 'faulty', name: 'e', data: {} }]));
        expect([e.status, e.body]).toEqual([403, 'Forbidden: app disabled or over message quota']);
      }
      await sdk.trigger('faulty', 'after', {});
      await raw.waitFor((f) => f.event === 'after');
      expect(raw.frames.filter((f) => f.channel === 'faulty').map((f) => f.event)).toEqual([
        'pusher_internal:subscription_succeeded',
        'after',
      ]);
      expect(h.faults.publishAttempts).toBe(4);
      expect(h.faults.accepted.map((e) => e.name)).toEqual(['after']);
    });

    it('delayNext: the SDK times out (status undefined) while the event is still delivered', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('slow');
      h.faults.clearLog();
      h.faults.delayNext({ ms: 2500 });
      const started = Date.now();
      const error = await rejection(sdk.trigger('slow', 'late', { v: 1 }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
      expect(error.message).toBe('Request failed with an error');
      expect(error.status).toBeUndefined();
      expect(error.error.name).toBe('AbortError');
      // The ambiguous case: the caller gave up, but the server processed it.
      await raw.waitFor((f) => f.event === 'late');
      expect(h.faults.accepted.map((e) => e.name)).toEqual(['late']);
    });

    it('delayNext with deliver:false answers 504 late and delivers nothing', async () => {
      h.faults.clearLog();
      h.faults.delayNext({ ms: 200, deliver: false });
      const error = await rejection(sdk.trigger('slow', 'never', {}));
      expect([error.status, error.body]).toEqual([504, 'Gateway Timeout']);
      expect(h.faults.accepted).toEqual([]);
    });

    it('resetNext: the SDK sees a network error and nothing is delivered', async () => {
      const raw = await RawClient.connect(h.port);
      await raw.subscribe('reset');
      h.faults.clearLog();
      h.faults.resetNext({ times: 2 });
      for (let i = 0; i < 2; i++) {
        const error = await rejection(sdk.trigger('reset', 'lost', {}));
        expect(error.message).toBe('Request failed with an error');
        expect(error.status).toBeUndefined();
        expect(error.error.message).toMatch(/socket hang up|ECONNRESET/);
      }
      await sdk.trigger('reset', 'after', {});
      await raw.waitFor((f) => f.event === 'after');
      expect(raw.events('lost')).toEqual([]);
      expect(h.faults.publishAttempts).toBe(3);
      expect(h.faults.requests).toHaveLength(1);
    });

    it('setMaxEventBytes lowers the 413 threshold until cleared', async () => {
      h.faults.setMaxEventBytes(100);
      const error = await rejection(sdk.trigger('c', 'e', 'x'.repeat(101)));
      expect(error.status).toBe(413);
      expect(error.body).toContain('(100 bytes)');
      h.faults.clear();
      await expect(sdk.trigger('c', 'e', 'x'.repeat(101))).resolves.toMatchObject({ status: 200 });
    });

    it('dropConnections: pusher-js reconnects with a new socket_id and resubscribes; events in between are lost', async () => {
      const client = await connectedPusherJs(h.port);
      const { channel, seen } = await subscribed(client, 'droppy');
      const firstSocketId = client.connection.socket_id;
      const states: string[] = [];
      client.connection.bind('state_change', (s: { current: string }) => states.push(s.current));

      expect(h.server.dropConnections()).toBe(1);
      await sdk.trigger('droppy', 'during-gap', {});
      await waitUntil(
        () =>
          client.connection.state === 'connected' &&
          client.connection.socket_id !== firstSocketId &&
          channel.subscribed,
        'reconnect and resubscribe',
      );
      await sdk.trigger('droppy', 'after-reconnect', { ok: 1 });
      await waitUntil(() => seen.some((e) => e.event === 'after-reconnect'), 'event after reconnect');
      expect(states).toEqual(['connecting', 'connected']);
      expect(seen.map((e) => e.event)).toEqual([
        'pusher:subscription_succeeded',
        'pusher:subscription_succeeded',
        'after-reconnect',
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Lifecycle and heartbeat (own servers so timings and shutdown do not affect the suite above)

describe('heartbeat and shutdown', () => {
  afterEach(closeAllClients);

  it('pings a silent client after activity_timeout and keeps it while it answers', async () => {
    const pongTimeoutMs = 200;
    const h = await startHarness({ activityTimeoutSeconds: 1, pongTimeoutMs });
    try {
      const raw = await RawClient.connect(h.port);
      expect(raw.frames[0]!.data).toMatch(/"activity_timeout":1\}$/);
      const ping = await raw.waitFor((f) => f.event === 'pusher:ping', 'first ping', 2500);
      expect(ping.raw).toBe('{"event":"pusher:ping","data":"{}"}');
      raw.send({ event: 'pusher:pong', data: {} });
      const answeredAt = Date.now();
      // The barrier: the server pings again only a full activity_timeout after the answer, long after
      // the pong timeout would have closed the connection (4201) had the answer not counted.
      await raw.waitFor((f) => f !== ping && f.event === 'pusher:ping', 'second ping', 2500);
      expect(Date.now() - answeredAt).toBeGreaterThan(pongTimeoutMs);
      expect(raw.closeCode).toBeUndefined();
    } finally {
      await h.stop();
    }
  });

  it('closes with 4201 when the pong never comes', async () => {
    const adapter = new LocalChannelAdapter(LIMITS.maxPresenceMembers);
    const protocol = new PusherProtocolServer({
      key: APP.key,
      secret: APP.secret,
      activityTimeoutSeconds: 1,
      pongTimeoutMs: 300,
      adapter,
      log: silentLogger,
    });
    const transport = new WsTransport(protocol, silentLogger);
    const server = http.createServer();
    server.on('upgrade', (req, socket, head) => {
      if (!transport.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const raw = await RawClient.connect((server.address() as AddressInfo).port);
      await raw.subscribe('hb');
      expect(await adapter.isSubscribed('hb', raw.socketId)).toBe(true);
      expect(await raw.waitForClose(3000)).toBe(4201);
      expect(raw.closeReason).toBe('Pong reply not received');
      expect(await adapter.isSubscribed('hb', raw.socketId)).toBe(false);
    } finally {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('close() ends every WebSocket with 1001 and refuses new upgrades', async () => {
    const h = await startHarness();
    const raw = await RawClient.connect(h.port);
    const client = await connectedPusherJs(h.port);
    await subscribed(client, 'bye');
    await h.server.close();
    expect(await raw.waitForClose()).toBe(1001);
    expect((await h.server.channelInfo()).size).toBe(0);
    client.disconnect();
    const late = await RawClient.open(h.port);
    await late.waitForClose();
    expect(late.frames).toEqual([]);
    await h.stop();
  });
});

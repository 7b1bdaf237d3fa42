/**
 * The built-in Pusher endpoint's quotas (issue 17 item 6, issue 23 item 3; docs/pusher-server.md,
 * "Connection and channel quotas"): the app key is public, so one client must not hold unbounded
 * channels or sockets. Through the real app with real pusher-js and raw `ws` clients: the channel
 * past PUSHER_MAX_CHANNELS_PER_CONNECTION and the connection past PUSHER_MAX_CONNECTIONS_PER_ADDRESS
 * or PUSHER_MAX_CONNECTIONS are refused with Pusher's code 4100, earlier ones keep working, and
 * /metrics counts it all.
 */
import Pusher from 'pusher';
import PusherJs, { type Channel } from 'pusher-js';
import WebSocket from 'ws';
import { PUSHER, startTestApp, type TestApp } from './support/test-app';
import { waitUntil } from './support/waiting';

jest.setTimeout(30_000);

interface Frame {
  event: string;
  channel?: string;
  data: unknown;
}

/** A raw protocol-7 client: every frame it got, and how it was closed. */
class RawClient {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push({ ...frame, data: typeof frame.data === 'string' ? JSON.parse(frame.data) : frame.data });
    });
    ws.on('close', (code) => (this.closeCode = code));
    ws.on('error', () => undefined);
  }

  /** Opens a socket and resolves at its first frame (established or refused). */
  static async open(app: TestApp, headers: Record<string, string> = {}): Promise<RawClient> {
    const client = new RawClient(
      new WebSocket(`ws://127.0.0.1:${app.port}/app/${PUSHER.key}?protocol=7&client=js&version=8.4.0`, { headers }),
    );
    opened.push(client);
    await waitUntil(() => client.frames.length > 0 || client.closeCode !== undefined, 'a first frame');
    return client;
  }

  get established(): boolean {
    return this.frames[0]?.event === 'pusher:connection_established';
  }

  /** Sends a frame and resolves with the first frame that arrives after it and matches. */
  async ask(message: object, answer: (frame: Frame) => boolean): Promise<Frame> {
    const before = this.frames.length;
    this.ws.send(JSON.stringify(message));
    let found: Frame | undefined;
    await waitUntil(() => (found = this.frames.slice(before).find(answer)) !== undefined, 'an answer');
    return found!;
  }

  subscribe(channel: string): Promise<Frame> {
    return this.ask(
      { event: 'pusher:subscribe', data: { channel } },
      (frame) => frame.event === 'pusher:error' || frame.event === 'pusher_internal:subscription_succeeded',
    );
  }

  /** Still served: a ping is answered. */
  async alive(): Promise<boolean> {
    return (await this.ask({ event: 'pusher:ping', data: {} }, (frame) => frame.event === 'pusher:pong')) !== undefined;
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.terminate();
    });
  }
}

const opened: RawClient[] = [];
const pusherJsClients: PusherJs[] = [];
afterEach(async () => {
  for (const client of pusherJsClients.splice(0)) client.disconnect();
  await Promise.all(opened.splice(0).map((client) => client.close()));
});

async function metric(app: TestApp, series: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

/** Waits until the server has let go of closed sockets (its own gauge), the barrier before the next connection. */
const connectionsAre = (app: TestApp, count: number) =>
  waitUntil(async () => (await metric(app, 'pusher_connections')) === count, `${count} Pusher connections`);

describe('channels per connection and connections per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      pusher: 'built-in',
      env: { PUSHER_MAX_CHANNELS_PER_CONNECTION: '3', PUSHER_MAX_CONNECTIONS_PER_ADDRESS: '2' },
    });
  });
  afterAll(() => t.close());

  it('raw ws: the fourth channel is refused with a coded pusher:error and a LimitReached subscription_error; the three keep working', async () => {
    const client = await RawClient.open(t);
    for (const channel of ['quota-a', 'quota-b', 'quota-c'])
      expect((await client.subscribe(channel)).event).toBe('pusher_internal:subscription_succeeded');
    const before = client.frames.length;
    const refused = await client.subscribe('quota-d');
    await waitUntil(() => client.frames.length >= before + 2, 'both refusal frames');
    const message = 'Over capacity: at most 3 channels per connection';
    expect([refused, client.frames[before + 1]]).toEqual([
      { event: 'pusher:error', data: { code: 4100, message } },
      { event: 'pusher:subscription_error', channel: 'quota-d', data: { type: 'LimitReached', error: message } },
    ]);
    expect(await metric(t, 'pusher_quota_refusals_total{quota="channels_per_connection"}')).toBe(1);
    expect(await metric(t, 'pusher_subscriptions')).toBe(3);

    // The socket stays open, its channels deliver, and leaving one makes room for another.
    const sdk = new Pusher({ ...PUSHER, host: '127.0.0.1', port: String(t.port), useTLS: false });
    const delivered = client.frames.length;
    await sdk.trigger('quota-c', 'hello', { n: 1 });
    await waitUntil(() => client.frames.slice(delivered).some((f) => f.event === 'hello'), 'the event on quota-c');
    expect(client.frames.slice(delivered).find((f) => f.event === 'hello')).toEqual({
      event: 'hello',
      channel: 'quota-c',
      data: { n: 1 },
    });
    client.ws.send(JSON.stringify({ event: 'pusher:unsubscribe', data: { channel: 'quota-a' } }));
    expect((await client.subscribe('quota-d')).event).toBe('pusher_internal:subscription_succeeded');
  });

  it('pusher-js: the refused channel fires pusher:subscription_error and the connection error carries 4100', async () => {
    const client = new PusherJs(PUSHER.key, {
      cluster: 'mt1',
      wsHost: '127.0.0.1',
      wsPort: t.port,
      forceTLS: false,
      enabledTransports: ['ws'],
    });
    pusherJsClients.push(client);
    const errors: unknown[] = [];
    client.connection.bind('error', (error: unknown) => errors.push(error));
    const channels: Channel[] = ['js-a', 'js-b', 'js-c'].map((name) => client.subscribe(name));
    await waitUntil(() => channels.every((channel) => channel.subscribed), 'three subscriptions');
    const fourth = client.subscribe('js-d');
    const failures: unknown[] = [];
    fourth.bind('pusher:subscription_error', (error: unknown) => failures.push(error));
    await waitUntil(() => failures.length > 0 && errors.length > 0, 'the refusal');
    const message = 'Over capacity: at most 3 channels per connection';
    expect(failures).toEqual([{ type: 'LimitReached', error: message }]);
    expect(errors).toEqual([{ type: 'PusherError', data: { code: 4100, message } }]);
    expect([fourth.subscribed, client.connection.state]).toEqual([false, 'connected']);

    const received: unknown[] = [];
    channels[0]!.bind('still-here', (data: unknown) => received.push(data));
    await new Pusher({ ...PUSHER, host: '127.0.0.1', port: String(t.port), useTLS: false }).trigger(
      'js-a',
      'still-here',
      {
        ok: true,
      },
    );
    await waitUntil(() => received.length === 1, 'an event on an earlier channel');
    expect(received).toEqual([{ ok: true }]);
  });

  it('the third connection from one address is closed with 4100 after a coded pusher:error; the first two keep working', async () => {
    await connectionsAre(t, 0);
    const refusedBefore = await metric(t, 'pusher_quota_refusals_total{quota="connections_per_address"}');
    const first = await RawClient.open(t);
    const second = await RawClient.open(t);
    expect([first.established, second.established]).toEqual([true, true]);
    expect(await metric(t, 'pusher_connections_busiest_address')).toBe(2);

    const third = await RawClient.open(t);
    await waitUntil(() => third.closeCode !== undefined, 'the third socket closed');
    expect([third.frames, third.closeCode]).toEqual([
      [
        {
          event: 'pusher:error',
          data: { code: 4100, message: 'Over capacity: at most 2 connections from one address' },
        },
      ],
      4100,
    ]);
    expect(await metric(t, 'pusher_quota_refusals_total{quota="connections_per_address"}')).toBe(refusedBefore + 1);
    expect(await metric(t, 'pusher_connections')).toBe(2);
    expect([await first.alive(), await second.alive()]).toEqual([true, true]);

    // A closed connection gives its place back.
    await first.close();
    await connectionsAre(t, 1);
    expect((await RawClient.open(t)).established).toBe(true);
  });
});

describe('behind a proxy (TRUST_PROXY), and the app-wide quota', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      pusher: 'built-in',
      env: { TRUST_PROXY: 'true', PUSHER_MAX_CONNECTIONS_PER_ADDRESS: '1', PUSHER_MAX_CONNECTIONS: '3' },
    });
  });
  afterAll(() => t.close());

  const from = (chain: string) => RawClient.open(t, { 'x-forwarded-for': chain });

  it('counts by the address the proxy saw (the last X-Forwarded-For entry), whatever the client put before it', async () => {
    await connectionsAre(t, 0);
    expect((await from('203.0.113.1')).established).toBe(true);
    const spoofed = await from('198.51.100.7, 203.0.113.1');
    await waitUntil(() => spoofed.closeCode !== undefined, 'the spoofing socket closed');
    expect(spoofed.closeCode).toBe(4100);
    expect((await from('203.0.113.1, 203.0.113.2')).established).toBe(true);
  });

  it('the connection past PUSHER_MAX_CONNECTIONS is refused whatever its address', async () => {
    await connectionsAre(t, 0);
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect((await from(address)).established).toBe(true);
    const over = await from('192.0.2.4');
    await waitUntil(() => over.closeCode !== undefined, 'the fourth socket closed');
    expect([over.frames, over.closeCode]).toEqual([
      [
        {
          event: 'pusher:error',
          data: { code: 4100, message: 'Over capacity: the app has its maximum of 3 connections' },
        },
      ],
      4100,
    ]);
    expect(await metric(t, 'pusher_quota_refusals_total{quota="connections"}')).toBe(1);
    expect(await metric(t, 'pusher_connections')).toBe(3);
    expect(await opened[0]!.alive()).toBe(true);
  });
});

/**
 * The transport-free protocol core of the built-in Pusher server, driven through a fake socket:
 * no network, no `ws`. Every handled message is awaited (the core acknowledges it), so each
 * assertion about what was not sent is made after the core has finished with the message.
 */
import { LIMITS } from '../src/realtime/pusher-limits';
import { LocalChannelAdapter } from '../src/realtime/pusher-server/adapter/local-adapter';
import { silentLogger } from '../src/realtime/pusher-server/logger';
import { CloseCode, PusherEvent } from '../src/realtime/pusher-server/protocol/messages';
import {
  PusherProtocolServer,
  type ProtocolConnection,
  type PusherProtocolOptions,
  type PusherSocket,
} from '../src/realtime/pusher-server/protocol/server';
import { channelAuthSignature } from '../src/realtime/pusher-server/signature';

const KEY = 'unit-key';
const SECRET = 'unit-secret';

interface Frame {
  event: string;
  channel?: string;
  data: string;
}

interface Closure {
  code: number;
  reason: string;
}

/** Records what the core sends and how it closes; sends after a close are lost, as on a real socket. */
class FakeSocket implements PusherSocket {
  readonly sent: string[] = [];
  closedWith: Closure | undefined;
  /** Resolves when the core closes the socket. */
  readonly closing: Promise<Closure>;
  private resolveClosing: (closure: Closure) => void = () => undefined;

  constructor() {
    this.closing = new Promise((resolve) => (this.resolveClosing = resolve));
  }

  send(text: string): void {
    if (!this.closedWith) this.sent.push(text);
  }

  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    this.resolveClosing(this.closedWith);
  }

  get frames(): Frame[] {
    return this.sent.map((text) => JSON.parse(text) as Frame);
  }

  events(name: string): Frame[] {
    return this.frames.filter((frame) => frame.event === name);
  }

  payloads(name: string): unknown[] {
    return this.events(name).map((frame) => JSON.parse(frame.data) as unknown);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

interface Client {
  socket: FakeSocket;
  connection: ProtocolConnection;
  send(message: unknown): Promise<void>;
}

/** A local adapter whose subscribe waits until released, like a slow remote store. */
class GatedAdapter extends LocalChannelAdapter {
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;
  private announceEntry: () => void = () => undefined;

  /** Holds every subscribe until release(); resolves when the first one has started waiting. */
  hold(): Promise<void> {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
    return new Promise((resolve) => (this.announceEntry = resolve));
  }

  release(): void {
    this.openGate();
  }

  override async subscribe(
    ...args: Parameters<LocalChannelAdapter['subscribe']>
  ): ReturnType<LocalChannelAdapter['subscribe']> {
    this.announceEntry();
    await this.gate;
    return super.subscribe(...args);
  }
}

function setup(
  options: Partial<PusherProtocolOptions> = {},
  adapter: LocalChannelAdapter = new LocalChannelAdapter(LIMITS.maxPresenceMembers),
) {
  const protocol = new PusherProtocolServer({
    key: KEY,
    secret: SECRET,
    activityTimeoutSeconds: 120,
    pongTimeoutMs: 30_000,
    adapter,
    log: silentLogger,
    ...options,
  });

  /** Opens a socket that the core must accept. */
  function connect(): Client {
    const socket = new FakeSocket();
    const connection = protocol.opened(socket, { appKey: KEY, query: new URLSearchParams('protocol=7&client=js') });
    if (!connection) throw new Error(`refused: ${JSON.stringify(socket.closedWith)}`);
    return {
      socket,
      connection,
      send: (message) => connection.message(typeof message === 'string' ? message : JSON.stringify(message)),
    };
  }

  return { adapter, protocol, connect };
}

function privateAuth(socketId: string, channel: string): string {
  return `${KEY}:${channelAuthSignature(SECRET, socketId, channel)}`;
}

function presenceSubscribe(client: Client, channel: string, userId: string, userInfo?: unknown): Promise<void> {
  const channelData = JSON.stringify(
    userInfo === undefined ? { user_id: userId } : { user_id: userId, user_info: userInfo },
  );
  const auth = `${KEY}:${channelAuthSignature(SECRET, client.connection.socketId, channel, channelData)}`;
  return client.send({ event: PusherEvent.Subscribe, data: { channel, auth, channel_data: channelData } });
}

describe('handshake', () => {
  it('accepts the app key with protocol 7 and sends connection_established', () => {
    const { connect } = setup({ activityTimeoutSeconds: 45 });
    const { socket, connection } = connect();
    expect(socket.closedWith).toBeUndefined();
    expect(connection.socketId).toMatch(/^\d+\.\d+$/);
    expect(socket.sent).toEqual([
      JSON.stringify({
        event: 'pusher:connection_established',
        data: JSON.stringify({ socket_id: connection.socketId, activity_timeout: 45 }),
      }),
    ]);
  });

  it.each([
    [
      'an unknown app key',
      'other-key',
      'protocol=7',
      CloseCode.UnknownAppKey,
      'App key other-key not in this cluster. Did you forget to specify the cluster?',
    ],
    ['no protocol', KEY, 'client=js', CloseCode.NoProtocolVersion, 'No protocol version supplied'],
    ['an empty protocol', KEY, 'protocol=', CloseCode.NoProtocolVersion, 'No protocol version supplied'],
    [
      'a protocol that is not a number',
      KEY,
      'protocol=7a',
      CloseCode.InvalidVersionFormat,
      'Invalid version string format',
    ],
    [
      'an older protocol',
      KEY,
      'protocol=5',
      CloseCode.UnsupportedProtocolVersion,
      'Unsupported protocol version 5; this server speaks 7',
    ],
  ])('refuses %s with its close code and sends nothing', (_case, appKey, query, code, reason) => {
    const { protocol } = setup();
    const socket = new FakeSocket();
    expect(protocol.opened(socket, { appKey, query: new URLSearchParams(query) })).toBeUndefined();
    expect(socket.closedWith).toEqual({ code, reason });
    expect(socket.sent).toEqual([]);
    expect(protocol.connectionCount()).toBe(0);
  });

  it('keeps close reasons within the 123 bytes a WebSocket close frame allows', () => {
    const { protocol } = setup();
    const socket = new FakeSocket();
    protocol.opened(socket, { appKey: KEY, query: new URLSearchParams(`protocol=${'9'.repeat(200)}`) });
    expect(socket.closedWith?.code).toBe(CloseCode.UnsupportedProtocolVersion);
    expect(Buffer.byteLength(socket.closedWith?.reason ?? '')).toBeLessThanOrEqual(123);
  });

  it('refuses new connections with 1001 once closed, after closing the open ones with 1001', async () => {
    const { protocol, connect } = setup();
    const open = connect();
    await protocol.close();
    expect(open.socket.closedWith).toEqual({ code: CloseCode.GoingAway, reason: 'Server shutting down' });
    const late = new FakeSocket();
    expect(protocol.opened(late, { appKey: KEY, query: new URLSearchParams('protocol=7') })).toBeUndefined();
    expect(late.closedWith).toEqual({ code: CloseCode.GoingAway, reason: 'Server shutting down' });
  });
});

describe('messages', () => {
  it('answers pusher:ping with pusher:pong', async () => {
    const client = setup().connect();
    client.socket.clear();
    await client.send({ event: 'pusher:ping', data: {} });
    expect(client.socket.sent).toEqual(['{"event":"pusher:pong","data":"{}"}']);
  });

  it.each([
    ['invalid JSON', '{not json', 'Invalid JSON: could not parse the message'],
    ['a message without an event', '{"data":{}}', "Invalid message: expected a JSON object with a string 'event'"],
    ['a JSON array', '[1]', "Invalid message: expected a JSON object with a string 'event'"],
    [
      'a client event',
      '{"event":"client-typing","channel":"private-a","data":{}}',
      'To send client events, you must enable this feature in the Settings page of your dashboard.',
    ],
    [
      'a sign-in',
      '{"event":"pusher:signin","data":{}}',
      'User authentication (pusher:signin) is not supported by this server',
    ],
  ])('answers %s with pusher:error and keeps the connection', async (_case, text, message) => {
    const client = setup().connect();
    client.socket.clear();
    await client.send(text);
    expect(client.socket.sent).toEqual([
      JSON.stringify({ event: 'pusher:error', data: JSON.stringify({ code: null, message }) }),
    ]);
    expect(client.socket.closedWith).toBeUndefined();
  });

  it('refuses binary frames', async () => {
    const client = setup().connect();
    client.socket.clear();
    await client.connection.message('{"event":"pusher:ping"}', true);
    expect(client.socket.payloads('pusher:error')).toEqual([
      { code: null, message: 'Binary frames are not supported; send JSON text frames' },
    ]);
    expect(client.socket.events('pusher:pong')).toEqual([]);
  });

  it('ignores unknown events without answering', async () => {
    const client = setup().connect();
    client.socket.clear();
    await client.send({ event: 'pusher:something_new', data: {} });
    expect(client.socket.sent).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('subscribes to a public channel, answers a repeated subscribe the same way, and unsubscribes', async () => {
    const { adapter, connect } = setup();
    const client = connect();
    client.socket.clear();
    await client.send({ event: 'pusher:subscribe', data: { channel: 'orders' } });
    await client.send({ event: 'pusher:subscribe', data: JSON.stringify({ channel: 'orders' }) });
    expect(client.socket.sent).toEqual([
      '{"event":"pusher_internal:subscription_succeeded","channel":"orders","data":"{}"}',
      '{"event":"pusher_internal:subscription_succeeded","channel":"orders","data":"{}"}',
    ]);
    expect(await adapter.subscriptionCount('orders')).toBe(1);
    await client.send({ event: 'pusher:unsubscribe', data: { channel: 'orders' } });
    expect(await adapter.isSubscribed('orders', client.connection.socketId)).toBe(false);
  });

  it('answers a private subscription with a bad signature with pusher:error and subscription_error', async () => {
    const { adapter, connect } = setup();
    const client = connect();
    client.socket.clear();
    const bad = `${KEY}:${'0'.repeat(64)}`;
    await client.send({ event: 'pusher:subscribe', data: { channel: 'private-stock', auth: bad } });
    const message =
      `Invalid signature: Expected HMAC SHA256 hex digest of ${client.connection.socketId}:private-stock, ` +
      `but got ${'0'.repeat(64)}`;
    expect(client.socket.frames).toEqual([
      { event: 'pusher:error', data: JSON.stringify({ code: null, message }) },
      {
        event: 'pusher:subscription_error',
        channel: 'private-stock',
        data: JSON.stringify({ type: 'AuthError', error: message }),
      },
    ]);
    expect(await adapter.channels()).toEqual(new Map());
  });

  it('accepts a private subscription signed for this socket only', async () => {
    const { connect } = setup();
    const first = connect();
    const second = connect();
    await first.send({
      event: 'pusher:subscribe',
      data: { channel: 'private-stock', auth: privateAuth(first.connection.socketId, 'private-stock') },
    });
    expect(first.socket.events('pusher_internal:subscription_succeeded')).toHaveLength(1);
    // The same authorization does not work for another socket.
    await second.send({
      event: 'pusher:subscribe',
      data: { channel: 'private-stock', auth: privateAuth(first.connection.socketId, 'private-stock') },
    });
    expect(second.socket.events('pusher:subscription_error')).toHaveLength(1);
  });

  it('rejects bad channel names; without a channel name there is no channel to scope an error to', async () => {
    const client = setup().connect();
    client.socket.clear();
    await client.send({ event: 'pusher:subscribe', data: { channel: 'bad channel!' } });
    await client.send({ event: 'pusher:subscribe', data: { channel: 42 } });
    expect(client.socket.frames.map((frame) => [frame.event, frame.channel])).toEqual([
      ['pusher:error', undefined],
      ['pusher:subscription_error', 'bad channel!'],
      ['pusher:error', undefined],
    ]);
    expect(client.socket.payloads('pusher:error')).toEqual([
      { code: null, message: "Invalid channel name: 'bad channel!' (allowed characters: A-Z a-z 0-9 _ - = @ , . ;)" },
      { code: null, message: 'Channel names must be non-empty strings' },
    ]);
  });

  it('handles one connection\u2019s messages in order while the adapter is slow', async () => {
    const adapter = new GatedAdapter(LIMITS.maxPresenceMembers);
    const client = setup({}, adapter).connect();
    const entered = adapter.hold();
    const subscribe = client.send({ event: 'pusher:subscribe', data: { channel: 'quick' } });
    const unsubscribe = client.send({ event: 'pusher:unsubscribe', data: { channel: 'quick' } });
    await entered;
    adapter.release();
    await Promise.all([subscribe, unsubscribe]);
    expect(await adapter.isSubscribed('quick', client.connection.socketId)).toBe(false);
  });

  it('cleans up a subscription that was still in flight when the socket closed', async () => {
    const adapter = new GatedAdapter(LIMITS.maxPresenceMembers);
    const client = setup({}, adapter).connect();
    const entered = adapter.hold();
    const subscribe = client.send({ event: 'pusher:subscribe', data: { channel: 'in-flight' } });
    await entered;
    const closed = client.connection.closed();
    adapter.release();
    await Promise.all([subscribe, closed]);
    expect(await adapter.channels()).toEqual(new Map());
    // The answer is lost with the socket, as on a real network.
    expect(client.socket.events('pusher_internal:subscription_succeeded')).toEqual([]);
  });
});

describe('presence', () => {
  it('announces member_added for a user\u2019s first connection only, never to the joining socket', async () => {
    const { connect } = setup();
    const alice = connect();
    const bob = connect();
    const bobAgain = connect();
    await presenceSubscribe(alice, 'presence-room', 'u1', { name: 'Alice' });
    await presenceSubscribe(bob, 'presence-room', 'u2', { name: 'Bob' });
    await presenceSubscribe(bobAgain, 'presence-room', 'u2', { name: 'Bob' });

    expect(alice.socket.payloads('pusher_internal:member_added')).toEqual([
      { user_id: 'u2', user_info: { name: 'Bob' } },
    ]);
    expect(bob.socket.events('pusher_internal:member_added')).toEqual([]);
    expect(bobAgain.socket.events('pusher_internal:member_added')).toEqual([]);
    expect(bobAgain.socket.payloads('pusher_internal:subscription_succeeded')).toEqual([
      { presence: { ids: ['u1', 'u2'], hash: { u1: { name: 'Alice' }, u2: { name: 'Bob' } }, count: 2 } },
    ]);
  });

  it('announces member_removed only after the user\u2019s last connection left', async () => {
    const { adapter, connect } = setup();
    const alice = connect();
    const bob = connect();
    const bobAgain = connect();
    await presenceSubscribe(alice, 'presence-room', 'u1');
    await presenceSubscribe(bob, 'presence-room', 'u2');
    await presenceSubscribe(bobAgain, 'presence-room', 'u2');

    await bobAgain.connection.closed();
    expect(alice.socket.events('pusher_internal:member_removed')).toEqual([]);
    expect(await adapter.userCount('presence-room')).toBe(2);

    await bob.send({ event: 'pusher:unsubscribe', data: { channel: 'presence-room' } });
    expect(alice.socket.sent.at(-1)).toBe(
      '{"event":"pusher_internal:member_removed","channel":"presence-room","data":"{\\"user_id\\":\\"u2\\"}"}',
    );
    expect(await adapter.presence('presence-room')).toEqual({ ids: ['u1'], hash: { u1: null }, count: 1 });
  });

  it('requires channel_data and enforces the presence limits', async () => {
    const { connect } = setup();
    const client = connect();
    const socketId = client.connection.socketId;
    await client.send({
      event: 'pusher:subscribe',
      data: { channel: 'presence-a', auth: privateAuth(socketId, 'presence-a') },
    });
    await presenceSubscribe(client, 'presence-b', 'u'.repeat(129));
    await presenceSubscribe(client, 'presence-c', 'u1', { pad: 'x'.repeat(1100) });
    expect(client.socket.payloads('pusher:error')).toEqual([
      { code: null, message: 'Presence channel subscriptions require channel_data (presence-a)' },
      { code: null, message: 'Invalid presence channel_data: user_id longer than 128 characters' },
      { code: null, message: 'Invalid presence channel_data: user_info larger than 1024 bytes' },
    ]);
  });

  it('refuses a new user when the channel is full but lets a present user open another connection', async () => {
    const { connect } = setup();
    for (let i = 0; i < LIMITS.maxPresenceMembers; i++) await presenceSubscribe(connect(), 'presence-full', `m${i}`);
    const newcomer = connect();
    await presenceSubscribe(newcomer, 'presence-full', 'late');
    expect(newcomer.socket.payloads('pusher:error')).toEqual([
      { code: null, message: 'Presence channel presence-full is full: at most 100 members are allowed' },
    ]);
    const returning = connect();
    await presenceSubscribe(returning, 'presence-full', 'm5');
    expect(returning.socket.events('pusher_internal:subscription_succeeded')).toHaveLength(1);
  });
});

describe('disconnects', () => {
  it('dropConnections closes every socket with the code after it left its channels', async () => {
    const { adapter, protocol, connect } = setup();
    const clients = [connect(), connect()];
    for (const client of clients) await client.send({ event: 'pusher:subscribe', data: { channel: 'drop' } });

    // Whether each socket was still subscribed at the moment it was closed (the local adapter
    // answers from its state at call time).
    const subscribedAtClose: Array<Promise<boolean>> = [];
    for (const client of clients) {
      const close = client.socket.close.bind(client.socket);
      client.socket.close = (code, reason) => {
        subscribedAtClose.push(adapter.isSubscribed('drop', client.connection.socketId));
        close(code, reason);
      };
    }
    expect(protocol.dropConnections(CloseCode.Reconnect, 'bye')).toBe(2);
    // Nothing published from the moment of the call reaches a dropped socket.
    await adapter.publish('drop', '{"event":"late","channel":"drop","data":"{}"}');
    await Promise.all(clients.map((client) => client.socket.closing));

    expect(clients.map((client) => client.socket.closedWith)).toEqual([
      { code: 4200, reason: 'bye' },
      { code: 4200, reason: 'bye' },
    ]);
    expect(await Promise.all(subscribedAtClose)).toEqual([false, false]);
    expect(clients.flatMap((client) => client.socket.events('late'))).toEqual([]);
    expect(protocol.connectionCount()).toBe(0);
  });
});

describe('heartbeat', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('pings after activity_timeout, keeps a client that answers, and closes one that does not with 4201', async () => {
    const { adapter, connect } = setup({ activityTimeoutSeconds: 10, pongTimeoutMs: 3_000 });
    const client = connect();
    await client.send({ event: 'pusher:subscribe', data: { channel: 'hb' } });
    client.socket.clear();

    jest.advanceTimersByTime(9_999);
    expect(client.socket.sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(client.socket.sent).toEqual(['{"event":"pusher:ping","data":"{}"}']);

    await client.send({ event: 'pusher:pong', data: {} });
    jest.advanceTimersByTime(9_999);
    expect(client.socket.closedWith).toBeUndefined();
    expect(client.socket.events('pusher:ping')).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(client.socket.events('pusher:ping')).toHaveLength(2);

    jest.advanceTimersByTime(2_999);
    expect(client.socket.closedWith).toBeUndefined();
    jest.advanceTimersByTime(1);
    expect(await client.socket.closing).toEqual({ code: CloseCode.PongTimeout, reason: 'Pong reply not received' });
    expect(await adapter.isSubscribed('hb', client.connection.socketId)).toBe(false);
  });

  it('counts any message and transport-level activity as a sign of life', async () => {
    const client = setup({ activityTimeoutSeconds: 10, pongTimeoutMs: 3_000 }).connect();
    client.socket.clear();
    jest.advanceTimersByTime(6_000);
    await client.send({ event: 'pusher:subscribe', data: { channel: 'busy' } });
    jest.advanceTimersByTime(6_000);
    client.connection.activity();
    jest.advanceTimersByTime(6_000);
    expect(client.socket.events('pusher:ping')).toEqual([]);
    jest.advanceTimersByTime(4_000);
    expect(client.socket.events('pusher:ping')).toHaveLength(1);
  });
});

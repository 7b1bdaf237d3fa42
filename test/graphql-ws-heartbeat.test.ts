/**
 * graphql-ws sockets are pinged on one shared heartbeat: a socket that does
 * not answer a ping by the next one is ended, and the sockets that answer
 * stay open and keep working (docs/realtime.md, "GraphQL subscriptions").
 */
import WebSocket from 'ws';
import { signToken } from '../src/infrastructure/auth/tokens';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { JWT_SECRET, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
const closers = closeAfterEach();

beforeAll(async () => {
  t = await startTestApp({ graphqlWsKeepAliveMs: 200 });
});
afterAll(() => t.close());

/** A graphql-transport-ws socket past connection_ack; `autoPong: false` makes it ignore pings. */
async function connected(options: { autoPong: boolean }): Promise<WebSocket> {
  const token = await signToken(JWT_SECRET, { userId: 'u-heart', name: 'Heart Beat', hotels: { [HOTEL]: 'staff' } });
  const socket = new WebSocket(`ws://127.0.0.1:${t.port}/graphql`, 'graphql-transport-ws', {
    autoPong: options.autoPong,
  });
  closers.push(() => socket.terminate());
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const acked = nextMessage(socket);
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  expect(await acked).toEqual({ type: 'connection_ack' });
  return socket;
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
}

const pinged = (socket: WebSocket) => new Promise<void>((resolve) => socket.once('ping', () => resolve()));

it('ends a socket that does not answer a ping, and keeps the one that does', async () => {
  const silent = await connected({ autoPong: false });
  const answering = await connected({ autoPong: true });
  const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));

  // Its pings go unanswered: it is terminated at a later beat (no close frame, so the client sees 1006).
  expect(await silentClosed).toBe(1006);

  // The answering socket is pinged again after that, is still open and still speaks the protocol.
  await pinged(answering);
  expect(answering.readyState).toBe(WebSocket.OPEN);
  const pong = nextMessage(answering);
  answering.send(JSON.stringify({ type: 'ping' }));
  expect(await pong).toEqual({ type: 'pong' });
});

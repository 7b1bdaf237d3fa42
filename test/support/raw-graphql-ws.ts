/**
 * A graphql-ws socket spoken by hand, so that a test sees the server's messages exactly and can send
 * text a client library would not (values nested 100,000 deep, oversized variables).
 */
import WebSocket from 'ws';
import type { TestApp } from './test-app';

export interface RawSocket {
  /** Sends `text` as it is. */
  send(text: string): void;
  /** Sends a `subscribe` message (any operation) with this id and payload. */
  subscribe(message: { id: string; payload: unknown }): void;
  /** The next message the server sends (in order), or `{ closed: code }` once it closed the socket. */
  next(): Promise<unknown>;
  /** The close code, once the server closed the socket. */
  readonly closed: number | undefined;
  close(): void;
}

/** Opens a socket to the app's graphql-ws endpoint and has `connection_init` with `token` acknowledged. */
export async function rawGraphqlWs(app: Pick<TestApp, 'port'>, token: string): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${app.port}/graphql`, 'graphql-transport-ws');
  const queue: unknown[] = [];
  const waiting: Array<(message: unknown) => void> = [];
  let closed: number | undefined;
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as unknown;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  ws.on('close', (code: number) => {
    closed = code;
    for (const waiter of waiting.splice(0)) waiter({ closed: code });
  });
  const next = () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : closed !== undefined
        ? Promise.resolve({ closed })
        : new Promise<unknown>((resolve) => waiting.push(resolve));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  expect(await next()).toEqual({ type: 'connection_ack' });
  return {
    send: (text) => ws.send(text),
    subscribe: (message) => ws.send(JSON.stringify({ type: 'subscribe', ...message })),
    next,
    get closed() {
      return closed;
    },
    close: () => ws.close(),
  };
}

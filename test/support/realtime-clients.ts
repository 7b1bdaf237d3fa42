/**
 * Real clients for realtime tests: pusher-js (as legacy frontends use it,
 * pointed at the built-in endpoint) and graphql-ws (as GraphQL clients
 * subscribe). Each records what it receives so tests can assert exact
 * payloads in order.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import Pusher from 'pusher-js';
import WebSocket from 'ws';
import { ChannelEventsDocument } from '../__generated__/graphql';
import { PUSHER, type TestApp } from './test-app';

export interface Received<T> {
  items: T[];
  /** Resolves once `count` items have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
}

function recorder<T>(): Received<T> & { push(item: T): void } {
  const items: T[] = [];
  const waiters: Array<() => void> = [];
  return {
    items,
    push(item) {
      items.push(item);
      for (const wake of waiters.splice(0)) wake();
    },
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} items, got ${items.length}: ${JSON.stringify(items, null, 1).slice(0, 2000)}`,
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          if (items.length >= count) {
            clearTimeout(timer);
            resolve(items.slice(0, count));
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

export interface PusherEvent {
  channel: string;
  event: string;
  data: Record<string, unknown>;
}

export interface LegacyFrontend {
  pusher: Pusher;
  /** Subscribes like the original frontends and records every non-internal event of the channel. */
  listen(channel: string): Promise<Received<PusherEvent>>;
  close(): void;
}

/**
 * pusher-js on the app's built-in endpoint (authorizing through the app's
 * /pusher/auth with `token`), or on a shared endpoint (`endpoint`) that
 * several instances publish to.
 */
export async function legacyFrontend(
  t: Pick<TestApp, 'port'> & Partial<Pick<TestApp, 'pusherPort'>>,
  token?: string,
  endpoint?: { port: number; key: string },
): Promise<LegacyFrontend> {
  const pusher = new Pusher(endpoint?.key ?? PUSHER.key, {
    cluster: 'mt1',
    wsHost: '127.0.0.1',
    wsPort: endpoint?.port ?? t.pusherPort ?? t.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: `http://127.0.0.1:${t.port}/pusher/auth`,
      transport: 'ajax',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    },
  });
  await new Promise<void>((resolve, reject) => {
    pusher.connection.bind('connected', () => resolve());
    pusher.connection.bind('failed', () => reject(new Error('pusher-js could not connect')));
  });
  return {
    pusher,
    async listen(name) {
      const received = recorder<PusherEvent>();
      const channel = pusher.subscribe(name);
      channel.bind_global((event: string, data: Record<string, unknown>) => {
        if (!event.startsWith('pusher:') && !event.startsWith('pusher_internal:'))
          received.push({ channel: name, event, data });
      });
      await new Promise<void>((resolve, reject) => {
        channel.bind('pusher:subscription_succeeded', () => resolve());
        channel.bind('pusher:subscription_error', (error: unknown) =>
          reject(new Error(`subscription to ${name} failed: ${JSON.stringify(error)}`)),
        );
      });
      return received;
    },
    close: () => pusher.disconnect(),
  };
}

export interface GraphQLSubscriber {
  client: Client;
  subscribe<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Received<ExecutionResult<TData>> & { done: Promise<void>; unsubscribe(): void };
  /** Any payload, as a client that does not use typed documents would send it; `outcome` settles on error or complete. */
  raw(payload: {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  }): Received<ExecutionResult> & {
    outcome: Promise<{ kind: 'complete' } | { kind: 'error'; errors: readonly GraphQLFormattedError[] }>;
    unsubscribe(): void;
  };
  close(): Promise<void>;
}

export function graphqlSubscriber(t: Pick<TestApp, 'port'>, token: string | null): GraphQLSubscriber {
  const client = createClient({
    url: `ws://127.0.0.1:${t.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  return {
    client,
    subscribe(document, variables) {
      const received = recorder<ExecutionResult<never>>();
      let settle!: () => void;
      let fail!: (error: unknown) => void;
      const done = new Promise<void>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      });
      done.catch(() => undefined);
      const unsubscribe = client.subscribe(
        { query: print(document), variables },
        { next: (value) => received.push(value as never), error: (error) => fail(error), complete: () => settle() },
      );
      // There is no "subscription set up" message: subscribe with afterSequence (currentSequence()) to get
      // every later event whenever the server finishes setting up.
      return Object.assign(received, { done, unsubscribe });
    },
    raw(payload) {
      const received = recorder<ExecutionResult>();
      let settle!: (
        outcome: { kind: 'complete' } | { kind: 'error'; errors: readonly GraphQLFormattedError[] },
      ) => void;
      const outcome = new Promise<{ kind: 'complete' } | { kind: 'error'; errors: readonly GraphQLFormattedError[] }>(
        (resolve) => (settle = resolve),
      );
      const unsubscribe = client.subscribe(payload, {
        next: (value) => received.push(value as ExecutionResult),
        error: (error) =>
          settle({
            kind: 'error',
            errors: Array.isArray(error) ? (error as GraphQLFormattedError[]) : [{ message: String(error) }],
          }),
        complete: () => settle({ kind: 'complete' }),
      });
      return Object.assign(received, { outcome, unsubscribe });
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/**
 * The last sequence on a channel, read over HTTP like a client loading a
 * page. Subscribing with it as `afterSequence` gets every later event,
 * however long the server takes to set the subscription up.
 */
export async function currentSequence(t: TestApp, channel: string, token?: string): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await t.graphql(ChannelEventsDocument, { channel, afterSequence: last, limit: 500 }, { token });
    if (page.errors) throw new Error(`cannot read ${channel}: ${page.errors[0]!.message}`);
    const events = page.data!.channelEvents;
    if (events.length > 0) last = events.at(-1)!.sequence;
    if (events.length < 500) return last;
  }
}

/**
 * "Nothing else arrived", proved with a barrier rather than a pause: commit
 * one more event that reaches every receiver, wait for it, and check that
 * it came right after the `count` events each receiver already has.
 */
export async function expectNothingMore(
  barrier: () => Promise<unknown>,
  ...receivers: Array<[Received<unknown>, number]>
): Promise<void> {
  for (const [received, count] of receivers) expect(received.items).toHaveLength(count);
  await barrier();
  for (const [received, count] of receivers) {
    await received.waitFor(count + 1);
    expect(received.items).toHaveLength(count + 1);
  }
}

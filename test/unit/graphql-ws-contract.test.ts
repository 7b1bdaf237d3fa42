/**
 * What the app relies on in graphql-ws beyond its typed API (src/infrastructure/http/graphql-ws-adapter.ts):
 * it keeps the very payload and connection parameters it hands to the hooks, so changing them in place
 * changes what it keeps (bench B9's shared query text, the token dropped after `onConnect`); it writes
 * what `onNext` returns as the `next` message's last key and sends it through the adapter's send, where a
 * shared result's stand-in is replaced by its text (bench B3); and it ends
 * an AsyncIterableIterator that `subscribe` returned by calling its `return` (shared-execution.ts). An
 * upgrade that copies them, or stops calling `return`, fails here rather than silently in production.
 */
import { GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionResult } from 'graphql';
import { makeServer, MessageType, type SubscribePayload } from 'graphql-ws';
import {
  forgetConnectionParams,
  keepSharedQuery,
  SharedPayloads,
} from '../../src/infrastructure/http/graphql-ws-adapter';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({ name: 'Subscription', fields: { ticks: { type: GraphQLString } } }),
});

/** A stream of one result that records whether graphql-ws ended it. */
function oneResult(): AsyncIterableIterator<ExecutionResult> & { returned: boolean } {
  let given = false;
  const stream = {
    returned: false,
    next: async (): Promise<IteratorResult<ExecutionResult>> => {
      if (given) return new Promise(() => undefined); // stays open until completed
      given = true;
      return { done: false, value: { data: { ticks: 'one' } } };
    },
    return: async (): Promise<IteratorResult<ExecutionResult>> => {
      stream.returned = true;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

it('keeps the payload and parameters it hands to the hooks, and calls return() on completion', async () => {
  const stream = oneResult();
  const subscribed: SubscribePayload[] = [];
  const kept: { payload?: SubscribePayload; params?: Readonly<Record<string, unknown>> } = {};
  let delivered!: () => void;
  const next = new Promise<void>((resolve) => (delivered = resolve));
  const server = makeServer<Record<string, unknown> | undefined>({
    schema,
    subscribe: async () => stream,
    onConnect: (ctx) => {
      forgetConnectionParams(ctx.connectionParams, ['authorization']);
      return true;
    },
    onSubscribe: (ctx, _id, payload) => {
      subscribed.push(payload);
      keepSharedQuery(payload, 'subscription { ticks }');
      kept.params = ctx.connectionParams;
      return undefined;
    },
    onNext: (_ctx, _id, payload) => {
      kept.payload = payload;
      delivered();
      return undefined;
    },
  });
  const sent: string[] = [];
  let handle!: (data: string) => Promise<void>;
  const closed = server.opened(
    {
      protocol: 'graphql-transport-ws',
      send: (data) => void sent.push(data),
      close: () => undefined,
      onMessage: (cb) => (handle = cb),
    },
    {},
  );

  await handle(JSON.stringify({ type: MessageType.ConnectionInit, payload: { authorization: 'Bearer x', other: 1 } }));
  // Its handling of a subscribe message lasts as long as the subscription: not awaited.
  void handle(JSON.stringify({ id: '1', type: MessageType.Subscribe, payload: { query: 'subscription{ticks}' } }));
  await next;

  // The payload graphql-ws delivers under is the one onSubscribe changed: the shared text is what it keeps.
  expect(kept.payload).toBe(subscribed[0]);
  expect(kept.payload?.query).toBe('subscription { ticks }');
  // The parameters it keeps for the connection are the ones onConnect trimmed.
  expect(kept.params).toEqual({ other: 1 });

  await handle(JSON.stringify({ id: '1', type: MessageType.Complete }));
  expect(stream.returned).toBe(true);
  await closed(1000, 'done');
});

describe('a result shared by subscribers is serialized once', () => {
  /** What each connection's end is: called when the test is done, so that none is left with graphql-ws' timers. */
  const closes: Array<(code?: number, reason?: string) => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closes.splice(0).map((close) => close(1000, 'done')));
  });

  /** Opens one connection to `server`, subscribes with `id`, and resolves with the first message after the ack. */
  async function firstNext(server: ReturnType<typeof makeServer>, shared: SharedPayloads, id: string) {
    let handle!: (data: string) => Promise<void>;
    let received!: (message: string) => void;
    const message = new Promise<string>((resolve) => (received = resolve));
    const close = server.opened(
      {
        protocol: 'graphql-transport-ws',
        send: (data) => {
          const expanded = shared.expand(data);
          if (!expanded.includes('connection_ack')) received(expanded);
        },
        close: () => undefined,
        onMessage: (cb) => (handle = cb),
      },
      {},
    );
    closes.push(close);
    await handle(JSON.stringify({ type: MessageType.ConnectionInit }));
    void handle(JSON.stringify({ id, type: MessageType.Subscribe, payload: { query: 'subscription{ticks}' } }));
    return message;
  }

  it('sends every subscriber, under its own id (whatever its length), exactly what graphql-ws would have written, from one JSON.stringify', async () => {
    const result: ExecutionResult = { data: { ticks: 'caf\u00e9 "quoted" \\ line\nbreak' } };
    const shared = new SharedPayloads();
    const server = makeServer({
      schema,
      subscribe: async () => ({
        [Symbol.asyncIterator]() {
          let given = false;
          return {
            next: async () =>
              given
                ? new Promise<IteratorResult<ExecutionResult>>(() => undefined)
                : ((given = true), { done: false, value: result }),
          };
        },
      }),
      onNext: (_ctx, _id, _payload, _args, next) => shared.standIn(next) as ExecutionResult,
    });
    const stringify = jest.spyOn(JSON, 'stringify');
    // Ids are the client's: one that imitates a stand-in, and one far longer than any stand-in message.
    const ids = ['1', 'x","type":"next","payload":{"\\u0000shared":1}}', 'long'.repeat(500)];
    const messages = await Promise.all(ids.map((id) => firstNext(server, shared, id)));
    const payloadWrites = stringify.mock.calls.filter(([value]) => value === result).length;
    stringify.mockRestore();

    expect(messages.map((message) => JSON.parse(message) as unknown)).toEqual(
      ids.map((id) => ({ id, type: MessageType.Next, payload: result })),
    );
    expect(messages[0]).toBe(JSON.stringify({ id: '1', type: MessageType.Next, payload: result }));
    expect(payloadWrites).toBe(1);
    expect(shared.pendingCount).toBe(0);
  });

  it('leaves every other message as it is', () => {
    const shared = new SharedPayloads();
    for (const message of [
      '{"type":"connection_ack"}',
      '{"id":"1","type":"next","payload":{"data":{"ticks":"one"}}}',
      '{"id":"1","type":"next","payload":{"\\u0000shared":99}}',
    ])
      expect(shared.expand(message)).toBe(message);
  });
});

/**
 * Guarantees a GraphQL subscriber relies on that only show over time: the
 * socket closes when the token that opened it expires, and a subscriber too
 * slow to take its events as they come still gets every one of them, once
 * and in order, read back from the outbox once it catches up.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { print } from 'graphql';
import { StocktakeListEventsDocument } from './__generated__/graphql';
import { signToken } from '../src/infrastructure/auth/tokens';
import { channelStream } from '../src/realtime/channel-stream';
import { OutboxStore } from '../src/realtime/outbox/outbox-store';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { currentSequence } from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { JWT_SECRET, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
const closers = closeAfterEach();

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('closes the graphql-ws socket with 4403 when the token expires, ending its subscriptions', async () => {
  const token = await signToken(
    JWT_SECRET,
    { userId: 'short', name: 'Short Lived', hotels: { [HOTEL]: 'staff' } },
    '2s',
  );
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    const client = createClient({
      url: `ws://127.0.0.1:${t.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { closed: (event) => resolve(event as { code: number; reason: string }) },
    });
    closers.push(() => client.dispose());
    client.subscribe(
      { query: print(StocktakeListEventsDocument), variables: { hotel: HOTEL } },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
  });
  expect(await closed).toMatchObject({ code: 4403, reason: 'Token expired' });
});

it('a subscriber that falls behind its queue gets every event once, in order, from the outbox', async () => {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.ready();
  const after = await currentSequence(t, stocktake.channel);
  // Holds three live events at most; the subscriber below does not read until ten have been committed.
  const store = new CountingStore(t.orm);
  const stream = channelStream({
    store,
    bus: t.app.bus,
    channel: stocktake.channel,
    afterSequence: after,
    maxQueued: 3,
  });
  closers.push(() => stream.return?.());
  // Asking for the first event starts the stream (as graphql-ws does); then nobody asks again for a while.
  const first = stream.next();
  for (let count = 1; count <= 10; count += 1) await steps.count(stocktake.guinness.id, String(count));

  const sequences: number[] = [(await first).value.sequence];
  for (let received = 1; received < 10; received += 1) sequences.push((await stream.next()).value.sequence);
  expect(sequences).toEqual(Array.from({ length: 10 }, (_, i) => after + 1 + i));
  // The catch-up on subscribing found nothing; the dropped events were read back afterwards.
  expect(store.readsAfter.filter((sequence) => sequence > after)).not.toEqual([]);

  // And it goes on live afterwards.
  await steps.count(stocktake.guinness.id, '11');
  expect((await stream.next()).value).toMatchObject({ sequence: after + 11, name: 'line-counted-updated' });
});

/** The outbox, noting after which sequence each catch-up read started. */
class CountingStore extends OutboxStore {
  readonly readsAfter: number[] = [];

  override eventsAfter(channel: string, afterSequence: number, limit: number) {
    this.readsAfter.push(afterSequence);
    return super.eventsAfter(channel, afterSequence, limit);
  }
}

/**
 * The Pusher relay (docs/realtime.md, "Pusher relay"), driven end to end: GraphQL
 * mutations commit events to the outbox, the relay publishes them with the real `pusher` SDK over
 * HTTP to the built-in Pusher-compatible endpoint, and real pusher-js clients receive them. Faults
 * are injected at that endpoint (failNext, delayNext, resetNext, setMaxEventBytes) and its logs
 * (requests, accepted, publishAttempts) show exactly what Pusher got and how often it was asked.
 *
 * Test timings (test/support/test-app.ts): poll 50 ms, backoff 20 ms → 200 ms, 403 pause 300 ms,
 * SDK timeout 1000 ms.
 */
import {
  AddLineMovementDocument,
  ChannelEventsDocument,
  CreateStocktakeDocument,
  DeadLetteredEventsDocument,
  PopulateStocktakeDocument,
  StocktakeDocument,
  UpdateLineMovementDocument,
  type LineFieldsFragment,
} from './__generated__/graphql';
import { dataTooLargeMessage } from '../src/realtime/pusher-limits';
import { closeAfterEach } from './support/closers';
import { metaOf } from './support/payload-matchers';
import type { AcceptedEvent, PusherFaults } from './support/pusher-faults';
import { dataOf, stocktakeSteps, type RelayStatus } from './support/stocktakes';
import { ok, waitUntil } from './support/waiting';
import { HOTEL } from './support/fixtures';
import { pusherLineOf } from './support/pusher-line';
import { legacyFrontend, type PusherEvent, type Received } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(30_000);

let t: TestApp;
let faults: PusherFaults;
let steps: ReturnType<typeof stocktakeSteps>;
const closers = closeAfterEach();

beforeAll(async () => {
  // One lane: these tests follow exactly what each request carries (batches, splits, pauses). With
  // several, another lane may claim an event first; lanes are tested in relay-resilience.test.ts.
  t = await startTestApp({ env: { RELAY_CONCURRENCY: '1' } });
  faults = t.faults;
  steps = stocktakeSteps(t);
});

beforeEach(() => {
  faults.clear();
  faults.clearLog();
});

afterEach(async () => {
  faults.clear();
  // A test that failed half-way must not leave the relay stopped or a backlog for the next one.
  t.app.relay!.start();
  await waitUntil(async () => (await relayStatus()).backlog === 0, 'the backlog to drain after the test', 10_000);
  faults.clearLog();
});

afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// Helpers

type Status = RelayStatus;

const relayStatus = () => steps.relayStatus();
const waitForBacklog = (count: number, timeoutMs = 5_000) => steps.waitForBacklog(count, timeoutMs);
const waitForAcceptedOn = (channel: string, count: number, timeoutMs = 5_000) =>
  steps.waitForAccepted(channel, count, timeoutMs);
const acceptedOn = (channel: string): AcceptedEvent[] => steps.acceptedOn(channel);
const outboxRows = (channel: string) => steps.outboxRows(channel);
const createStocktake = () => steps.create();
const readyStocktake = () => steps.ready();
const countLine = (lineId: string, countedFullUnits: string) => steps.count(lineId, countedFullUnits);

async function frontendOn(channel: string): Promise<Received<PusherEvent>> {
  const client = await legacyFrontend(t);
  closers.push(() => client.close());
  return client.listen(channel);
}

const sequencesOf = (events: Array<{ data: string }>) => events.map((event) => dataOf(event).meta.sequence);
const pusherSequences = (events: PusherEvent[]) =>
  events.map((event) => (event.data.meta as { sequence: number }).sequence);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The count's progress on line-counted-updated, by shape: these tests are about delivery; its figures are
 * asserted in test/progress-and-history.test.ts.
 */
const PROGRESS = {
  counted_lines: expect.any(Number) as number,
  total_lines: expect.any(Number) as number,
  counted_value: expect.stringMatching(/^-?\d+\.\d{2}$/) as string,
  variance_value_counted: expect.stringMatching(/^-?\d+\.\d{2}$/) as string,
};

/** The exact line-counted-updated payload for a line as the mutation returned it. */
function lineCounted(line: LineFieldsFragment, sequence: number) {
  return {
    line_id: Number(line.id),
    item_sku: line.itemSku,
    line: pusherLineOf(line),
    progress: PROGRESS,
    meta: metaOf(sequence),
  };
}

async function populate(id: string) {
  const populated = ok(await t.graphql(PopulateStocktakeDocument, { id }));
  const lines = ok(await t.graphql(StocktakeDocument, { id })).stocktake.lines as LineFieldsFragment[];
  return {
    linesCreated: populated.populateStocktake.linesCreated,
    lines,
    guinness: lines.find((line) => line.itemSku === 'D0030')!,
  };
}

// ---------------------------------------------------------------------------------------------

describe('batching and order', () => {
  it('sends 25 quick line updates in requests of at most 10 events, via batch_events, in sequence order 1..26 with no gap or duplicate', async () => {
    const stocktake = await createStocktake();
    const browser = await frontendOn(stocktake.channel);
    const { linesCreated, guinness } = await populate(stocktake.id);

    const lines: LineFieldsFragment[] = [];
    for (let i = 1; i <= 25; i += 1) lines.push(await countLine(guinness.id, String(i)));
    expect(lines.map((line) => line.countedFullUnits)).toEqual(range(1, 25).map((i) => `${i}.00`));

    const received = await browser.waitFor(26);
    await waitForBacklog(0);

    // What Pusher accepted on the channel: each event exactly once, in sequence order.
    const accepted = acceptedOn(stocktake.channel);
    expect(sequencesOf(accepted)).toEqual(range(1, 26));
    expect(accepted.every((event) => event.endpoint === 'batch_events')).toBe(true);
    for (const request of faults.requests) {
      expect(request.endpoint).toBe('batch_events');
      expect(request.events.length).toBeGreaterThanOrEqual(1);
      expect(request.events.length).toBeLessThanOrEqual(10);
      for (const event of request.events) expect(event.channels).toHaveLength(1);
    }
    // Nothing failed, so there were no retries.
    expect(faults.publishAttempts).toBe(faults.requests.length);

    // What pusher-js received: the same, in the same order, with the exact payloads.
    expect(pusherSequences(received)).toEqual(range(1, 26));
    expect(received[0]).toEqual({
      channel: stocktake.channel,
      event: 'stocktake-populated',
      data: {
        stocktake_id: Number(stocktake.id),
        lines_created: linesCreated,
        message: `Created ${linesCreated} stocktake lines`,
        meta: metaOf(1),
      },
    });
    for (let i = 1; i <= 25; i += 1) {
      expect(received[i]).toEqual({
        channel: stocktake.channel,
        event: 'line-counted-updated',
        data: lineCounted(lines[i - 1]!, i + 1),
      });
    }
    accepted.forEach((event, index) => {
      expect(event.name).toBe(received[index]!.event);
      expect(JSON.parse(event.data)).toEqual(received[index]!.data);
    });
    expect(new Set(accepted.map((event) => dataOf(event).meta.event_id)).size).toBe(26);
    expect(browser.items).toHaveLength(26);
  });

  it('combines a backlog of 20 events on 11 channels into requests of at most 10 (one full), each channel in order', async () => {
    await t.app.relay!.stop();
    const stocktakes: Array<{ id: string; channel: string; linesCreated: number }> = [];
    for (let i = 0; i < 10; i += 1) {
      const stocktake = await createStocktake(); // stocktake-created on the list channel
      stocktakes.push({ ...stocktake, linesCreated: (await populate(stocktake.id)).linesCreated }); // stocktake-populated on its own
    }
    expect(await relayStatus()).toMatchObject({ backlog: 20, leader: false });
    expect(faults.publishAttempts).toBe(0);

    t.app.relay!.start();
    await waitForBacklog(0);

    const sizes = faults.requests.map((request) => request.events.length);
    expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(20);
    expect(Math.max(...sizes)).toBe(10);
    expect(faults.requests.every((request) => request.endpoint === 'batch_events')).toBe(true);
    expect(faults.publishAttempts).toBe(faults.requests.length);
    const list = acceptedOn(`${HOTEL}-stocktakes`);
    expect(list.map((event) => [event.name, JSON.parse(event.data).id])).toEqual(
      stocktakes.map((st) => ['stocktake-created', Number(st.id)]),
    );
    expect(sequencesOf(list)).toEqual([...sequencesOf(list)].sort((x, y) => x - y));
    for (const st of stocktakes) {
      expect(acceptedOn(st.channel).map((event) => JSON.parse(event.data))).toEqual([
        {
          stocktake_id: Number(st.id),
          lines_created: st.linesCreated,
          message: `Created ${st.linesCreated} stocktake lines`,
          meta: metaOf(1),
        },
      ]);
    }
  });
});

describe('retries', () => {
  it('keeps the channel in order through two 503s, records the attempts and drains the backlog', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    faults.clearLog();

    faults.failNext({ status: 503, times: 2 });
    const lines: LineFieldsFragment[] = [];
    for (let i = 1; i <= 5; i += 1) lines.push(await countLine(stocktake.guinness.id, String(i * 2)));

    const received = await browser.waitFor(5);
    const status = await waitForBacklog(0);

    expect(received).toEqual(
      lines.map((line, i) => ({
        channel: stocktake.channel,
        event: 'line-counted-updated',
        data: lineCounted(line, i + 2),
      })),
    );
    expect(sequencesOf(acceptedOn(stocktake.channel))).toEqual([2, 3, 4, 5, 6]);
    // Exactly the two failed requests besides the accepted ones: the relay did not give up or hammer.
    expect(faults.pendingFaults).toBe(0);
    expect(faults.publishAttempts).toBe(faults.requests.length + 2);
    expect(status).toMatchObject({ backlog: 0, oldestPendingAgeSeconds: null, pausedUntil: null, leader: true });

    const rows = (await outboxRows(stocktake.channel)).filter((row) => row.sequence >= 2);
    expect(rows.map((row) => row.sequence)).toEqual([2, 3, 4, 5, 6]);
    // The first event was in both failed requests and in the accepted one.
    expect(rows[0]).toMatchObject({
      attempts: 3,
      last_error: null,
      next_attempt_at: null,
      dead_lettered_at: null,
      slimmed: false,
    });
    for (const row of rows) {
      expect(row.published_at).toBeInstanceOf(Date);
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.last_error).toBeNull();
      expect(row.dead_lettered_at).toBeNull();
    }
  });

  it('retries 500, 502, 503, 504, 429 and 401, reports the error while it lasts, and delivers each event once', async () => {
    const stocktake = await readyStocktake();
    const statuses = [500, 502, 503, 504, 429, 401];
    const reasons: Record<number, string> = {
      500: 'Internal Server Error',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
      504: 'Gateway Timeout',
      429: 'Too Many Requests',
      401: 'Unauthorized',
    };
    for (const [index, status] of statuses.entries()) {
      faults.failNext({ status, times: 1000 });
      const line = await countLine(stocktake.guinness.id, String(index + 1));
      let failing: Status | undefined;
      await waitUntil(
        async () => (failing = await relayStatus()).lastError === `HTTP ${status}: ${reasons[status]}`,
        `lastError for ${status}`,
      );
      expect({
        status,
        backlog: failing!.backlog,
        deadLettered: (await outboxRows(stocktake.channel))[index + 1]!.dead_lettered_at,
      }).toEqual({ status, backlog: 1, deadLettered: null });
      faults.clear();
      const [, ...accepted] = await waitForAcceptedOn(stocktake.channel, index + 2);
      expect(JSON.parse(accepted[index]!.data)).toEqual(lineCounted(line, index + 2));
      await waitForBacklog(0); // Pusher accepts before the relay marks the row published
      const row = (await outboxRows(stocktake.channel))[index + 1]!;
      expect({
        status,
        attempts: row.attempts >= 2,
        published: row.published_at !== null,
        dead: row.dead_lettered_at,
        lastError: row.last_error,
      }).toEqual({
        status,
        attempts: true,
        published: true,
        dead: null,
        lastError: null,
      });
    }
    expect(sequencesOf(acceptedOn(stocktake.channel))).toEqual(range(1, 7));
  });

  it('backs off exponentially between attempts, capped at backoffMaxMs (200 ms in tests)', async () => {
    const stocktake = await readyStocktake();
    faults.failNext({ status: 503, times: 1000 });
    const line = await countLine(stocktake.guinness.id, '3');

    const seen = new Map<number, { next: number; observedAt: number }>();
    await waitUntil(
      async () => {
        const row = (await outboxRows(stocktake.channel))[1]!;
        const observedAt = Date.now(); // after the read, so after the failure it shows
        if (row.attempts > 0 && !seen.has(row.attempts))
          seen.set(row.attempts, { next: new Date(row.next_attempt_at!).getTime(), observedAt });
        return row.attempts >= 7;
      },
      'seven failed attempts',
      10_000,
    );
    faults.clear();
    const [, delivered] = await waitForAcceptedOn(stocktake.channel, 2);
    expect(JSON.parse(delivered!.data)).toEqual(lineCounted(line, 2));

    const ceiling = (attempt: number) => Math.min(200, 20 * 2 ** (attempt - 1));
    for (let attempt = 2; attempt <= 7; attempt += 1) {
      const previous = seen.get(attempt - 1);
      const current = seen.get(attempt);
      if (!previous || !current) continue; // two attempts between polls: nothing to compare
      // Attempt k failed no earlier than attempt k-1 was due, and waits at least half its ceiling.
      expect({ attempt, gap: current.next - previous.next >= ceiling(attempt) / 2 }).toEqual({ attempt, gap: true });
    }
    for (const [attempt, { next, observedAt }] of seen) {
      // Never more than the ceiling after the failure (which happened before we looked).
      expect({ attempt, withinCeiling: next - observedAt <= ceiling(attempt) }).toEqual({
        attempt,
        withinCeiling: true,
      });
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('retries after a request timeout (nothing delivered) and after a connection reset', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    faults.clearLog();

    // Two requests time out (beyond the SDK's 1000 ms); the error shows while the second one hangs.
    faults.delayNext({ ms: 1500, deliver: false, times: 2 });
    const first = await countLine(stocktake.guinness.id, '4');
    await waitUntil(
      async () => (await relayStatus()).lastError === 'network: request timed out',
      'lastError "network: request timed out"',
      3_000,
    );
    await browser.waitFor(1, 5_000);
    await waitForBacklog(0);
    expect((await outboxRows(stocktake.channel))[1]).toMatchObject({ sequence: 2, attempts: 3, last_error: null });

    faults.resetNext({ times: 1000 });
    const second = await countLine(stocktake.guinness.id, '5');
    let failing: Status | undefined;
    await waitUntil(
      async () => /^network: /.test((failing = await relayStatus()).lastError ?? ''),
      'a network lastError',
    );
    expect(failing!.lastError).not.toBe('network: request timed out');
    expect(failing!.backlog).toBe(1);
    faults.clear();
    const received = await browser.waitFor(2, 5_000);
    await waitForBacklog(0);
    const row = (await outboxRows(stocktake.channel))[2]!;
    expect(row).toMatchObject({ sequence: 3, last_error: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);

    expect(received).toEqual([
      { channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(first, 2) },
      { channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(second, 3) },
    ]);
    expect(sequencesOf(acceptedOn(stocktake.channel))).toEqual([2, 3]);
    expect(faults.publishAttempts).toBe(faults.requests.length + 2 + (row.attempts - 1));
  });
});

describe('at-least-once', () => {
  it('an ambiguous timeout (Pusher got it, the SDK gave up) delivers twice, both copies with the same event_id and sequence', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    faults.clearLog();
    faults.delayNext({ ms: 1500 }); // processed after 1.5 s; the SDK has given up at 1 s and retried
    const line = await countLine(stocktake.guinness.id, '17');
    const received = await browser.waitFor(2, 5_000);
    await waitForBacklog(0);

    expect(received).toEqual(
      [0, 1].map(() => ({ channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(line, 2) })),
    );
    expect(received[0]!.data.meta).toEqual(received[1]!.data.meta);
    const accepted = acceptedOn(stocktake.channel);
    expect(accepted).toHaveLength(2);
    expect(accepted[0]!.data).toBe(accepted[1]!.data);
    expect((await outboxRows(stocktake.channel))[1]).toMatchObject({ sequence: 2, attempts: 2, last_error: null });
  });
});

describe('a failing channel holds back only itself', () => {
  describe('with a long backoff (750–1500 ms), so that the retry window is easy to observe', () => {
    let main: TestApp;
    beforeAll(async () => {
      main = t;
      t = await startTestApp({
        env: { RELAY_CONCURRENCY: '1' },
        relayTiming: { backoffBaseMs: 1500, backoffMaxMs: 1500 },
      });
      faults = t.faults;
      steps = stocktakeSteps(t);
    });
    afterAll(async () => {
      await t.close();
      t = main;
      faults = t.faults;
      steps = stocktakeSteps(t);
    });

    it("delivers stocktake B while A waits to retry; A's later event waits behind the failed one, then both follow in order", async () => {
      const a = await readyStocktake();
      const b = await readyStocktake();
      const browserA = await frontendOn(a.channel);
      const browserB = await frontendOn(b.channel);
      faults.clearLog();

      faults.failNext({ status: 503 });
      const a1 = await countLine(a.guinness.id, '1');
      await waitUntil(async () => (await outboxRows(a.channel))[1]!.attempts === 1, "A's first attempt to fail");
      const a2 = await countLine(a.guinness.id, '2');
      const b1 = await countLine(b.guinness.id, '1');
      const b2 = await countLine(b.guinness.id, '2');

      expect(await browserB.waitFor(2, 700)).toEqual([
        { channel: b.channel, event: 'line-counted-updated', data: lineCounted(b1, 2) },
        { channel: b.channel, event: 'line-counted-updated', data: lineCounted(b2, 3) },
      ]);
      // B went through while A is still waiting for its retry, and A's second event waits behind its first.
      expect(acceptedOn(a.channel)).toHaveLength(0);
      const waiting = (await outboxRows(a.channel)).slice(1);
      expect(waiting.map((row) => [row.sequence, row.attempts, row.published_at, row.last_error])).toEqual([
        [2, 1, null, 'HTTP 503: Service Unavailable'],
        [3, 0, null, null],
      ]);
      expect(waiting[0]!.next_attempt_at!.getTime()).toBeGreaterThan(Date.now());

      expect(await browserA.waitFor(2, 5_000)).toEqual([
        { channel: a.channel, event: 'line-counted-updated', data: lineCounted(a1, 2) },
        { channel: a.channel, event: 'line-counted-updated', data: lineCounted(a2, 3) },
      ]);
      await waitForBacklog(0);
      const lastB = Math.max(...acceptedOn(b.channel).map((event) => event.requestId));
      expect(acceptedOn(a.channel).every((event) => event.requestId > lastB)).toBe(true);
      expect((await outboxRows(a.channel)).slice(1).map((row) => [row.attempts, row.last_error])).toEqual([
        [2, null],
        [1, null],
      ]);
      expect(faults.publishAttempts).toBe(faults.requests.length + 1);
    });
  });

  it('splits a batch rejected with 413: the others go out, the culprit is dead-lettered, its channel carries on after it', async () => {
    const a = await readyStocktake();
    const b = await readyStocktake();
    const browserA = await frontendOn(a.channel);
    const browserB = await frontendOn(b.channel);
    await t.app.relay!.stop();

    // B's first event is committed before the culprit, so the culprit is not first in the batch.
    const b1 = await countLine(b.guinness.id, '1');
    const a1 = await countLine(a.guinness.id, '1');
    const a2 = await countLine(a.guinness.id, '2');
    const b2 = await countLine(b.guinness.id, '2');
    const deadBefore = (await relayStatus()).deadLettered;

    faults.clearLog();
    // A server that refuses A's first event in any form (tokens cap names at 200 characters, so no payload is that large).
    faults.refuseWhere((event) => event.channel === a.channel && dataOf(event).meta.sequence === 2, {
      status: 413,
      body: dataTooLargeMessage(3000),
    });
    t.app.relay!.start();
    await waitForBacklog(0);

    // Refused: the mixed batch, then A's first event alone (and, at most, once more in its slim form).
    expect(faults.publishAttempts - faults.requests.length).toBeGreaterThanOrEqual(2);
    expect(faults.publishAttempts - faults.requests.length).toBeLessThanOrEqual(3);
    expect(acceptedOn(a.channel).map((event) => dataOf(event).meta.sequence)).toEqual([3]);
    expect(acceptedOn(b.channel).map((event) => dataOf(event).meta.sequence)).toEqual([2, 3]);
    expect((await outboxRows(b.channel)).map((row) => row.slimmed)).toEqual([false, false, false]);
    expect(await browserA.waitFor(1)).toEqual([
      { channel: a.channel, event: 'line-counted-updated', data: lineCounted(a2, 3) },
    ]);
    expect(await browserB.waitFor(2)).toEqual([
      { channel: b.channel, event: 'line-counted-updated', data: lineCounted(b1, 2) },
      { channel: b.channel, event: 'line-counted-updated', data: lineCounted(b2, 3) },
    ]);

    const [deadRow] = (await outboxRows(a.channel)).filter((row) => row.sequence === 2);
    const reason = deadRow!.last_error!;
    expect(reason).toContain('HTTP 413');
    expect(reason).toContain(dataTooLargeMessage(3000));
    expect(deadRow).toMatchObject({ published_at: null });
    expect(deadRow!.dead_lettered_at).toBeInstanceOf(Date);
    expect((await relayStatus()).deadLettered).toBe(deadBefore + 1);
    const listed = (await t.graphql(DeadLetteredEventsDocument, { hotel: HOTEL })).data!.deadLetteredEvents[0];
    expect(listed).toEqual({
      eventId: deadRow!.event_id,
      name: 'line-counted-updated',
      channel: a.channel,
      sequence: 2,
      reason,
      deadLetteredAt: new Date(deadRow!.dead_lettered_at!).toISOString(),
    });
    // The dead-lettered event is still there for catch-up.
    const [stored] = (await t.graphql(ChannelEventsDocument, { channel: a.channel, afterSequence: 1, limit: 1 })).data!
      .channelEvents;
    expect(stored!.payload).toEqual(lineCounted(a1, 2));

    faults.clear();
    const a3 = await countLine(a.guinness.id, '3');
    expect((await browserA.waitFor(2))[1]).toEqual({
      channel: a.channel,
      event: 'line-counted-updated',
      data: lineCounted(a3, 4),
    });
  });
});

describe('403: quota or disabled app', () => {
  it('pauses the whole relay (every channel), reports it, and resumes in order after the pause', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    faults.clearLog();

    faults.failNext({ status: 403, body: 'Forbidden: app disabled or over message quota' });
    const first = await countLine(stocktake.guinness.id, '6');
    let paused: Status | undefined;
    await waitUntil(
      async () =>
        (paused = await relayStatus()).pausedUntil != null &&
        paused.lastError === 'HTTP 403: Forbidden: app disabled or over message quota',
      'relayStatus.pausedUntil and lastError',
    );
    const pausedUntil = Date.parse(paused!.pausedUntil!);
    expect(pausedUntil - Date.now()).toBeLessThanOrEqual(300);
    expect(paused!.leader).toBe(true);
    expect(paused!.backlog).toBeGreaterThanOrEqual(1);

    // Committed during the pause, on this channel and on the list channel.
    const second = await countLine(stocktake.guinness.id, '7');
    const other = await createStocktake();

    const received = await browser.waitFor(2);
    const listEvents = await waitForAcceptedOn(`${HOTEL}-stocktakes`, 1);
    await waitForBacklog(0);

    expect(received).toEqual([
      { channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(first, 2) },
      { channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(second, 3) },
    ]);
    expect(JSON.parse(listEvents[0]!.data)).toMatchObject({ id: Number(other.id) });
    // Nothing, on any channel, was accepted before the pause ended; Pusher was asked once meanwhile.
    expect(faults.accepted.map((event) => event.receivedAt.getTime() >= pausedUntil)).toEqual(
      faults.accepted.map(() => true),
    );
    expect(faults.publishAttempts).toBe(faults.requests.length + 1);
    expect((await relayStatus()).pausedUntil).toBeNull();
    expect(
      (await outboxRows(stocktake.channel))
        .slice(1)
        .map((row) => [row.sequence, row.published_at !== null, row.last_error]),
    ).toEqual([
      [2, true, null],
      [3, true, null],
    ]);
  });

  it('stays paused when the 403 comes while a 413-rejected batch is being split (the remaining items wait too)', async () => {
    const a = await readyStocktake();
    const b = await readyStocktake();
    await t.app.relay!.stop();
    await countLine(a.guinness.id, '1'); // refused below in any form
    const b1 = await countLine(b.guinness.id, '1');
    const b2 = await countLine(b.guinness.id, '2');

    faults.clearLog();
    faults.refuseWhere((event) => event.channel === a.channel && dataOf(event).meta.sequence === 2, {
      status: 413,
      body: dataTooLargeMessage(3000),
    });
    // The mixed batch passes the fault stage and is refused with 413; A's event alone then gets a 403.
    faults.delayNext({ ms: 0 }).failNext({ status: 403, body: 'Forbidden: app disabled or over message quota' });
    t.app.relay!.start();
    let paused: Status | undefined;
    await waitUntil(async () => (paused = await relayStatus()).pausedUntil != null, 'relayStatus.pausedUntil');
    const pausedUntil = Date.parse(paused!.pausedUntil!);
    await waitForBacklog(0);

    expect(acceptedOn(b.channel).map((event) => JSON.parse(event.data))).toEqual([
      lineCounted(b1, 2),
      lineCounted(b2, 3),
    ]);
    // Each accepted event: channel, sequence and how long after the end of the pause it arrived (must be ≥ 0).
    expect(
      faults.accepted.map((event) => [
        event.channel,
        dataOf(event).meta.sequence,
        event.receivedAt.getTime() - pausedUntil >= 0,
      ]),
    ).toEqual([
      [b.channel, 2, true],
      [b.channel, 3, true],
    ]);
  });
});

describe('payload size', () => {
  async function stocktakeWithMovement() {
    const stocktake = await readyStocktake();
    const added = await t.graphql(AddLineMovementDocument, {
      lineId: stocktake.guinness.id,
      input: { movementType: 'PURCHASE', quantity: '10', timestamp: `${stocktake.periodStart}T12:00:00Z` },
    });
    expect(added.errors).toBeUndefined();
    await waitForAcceptedOn(stocktake.channel, 2);
    return { ...stocktake, movement: added.data!.addLineMovement.movement };
  }

  async function updateNotes(lineId: string, movementId: string, notes: string) {
    const response = await t.graphql(UpdateLineMovementDocument, { lineId, movementId, input: { notes } });
    expect(response.errors).toBeUndefined();
    return response.data!.updateLineMovement;
  }

  type Updated = Awaited<ReturnType<typeof updateNotes>>;
  function fullMovementUpdated({ movement: m, oldValues: o, line }: Updated, sequence: number) {
    return {
      line_id: Number(line.id),
      item_sku: 'D0030',
      movement: {
        id: Number(m.id),
        movement_type: m.movementType,
        quantity: m.quantity,
        unit_cost: m.unitCost ?? null,
        reference: m.reference,
        notes: m.notes,
        timestamp: m.timestamp,
      },
      old_values: {
        movement_type: o.movementType,
        quantity: o.quantity,
        unit_cost: o.unitCost ?? null,
        reference: o.reference,
        notes: o.notes,
      },
      line: pusherLineOf(line),
      // Nothing is counted in these stocktakes.
      progress: { counted_lines: 0, total_lines: 6, counted_value: '0.00', variance_value_counted: '0.00' },
      meta: metaOf(sequence),
    };
  }

  async function storedPayload(channel: string, sequence: number) {
    const response = await t.graphql(ChannelEventsDocument, { channel, afterSequence: sequence - 1, limit: 1 });
    expect(response.errors).toBeUndefined();
    return response.data!.channelEvents[0]!.payload as Record<string, unknown>;
  }

  it('sends the slim form when line-movement-updated exceeds 10,240 bytes, and channelEvents keeps the full payload', async () => {
    const stocktake = await stocktakeWithMovement();
    const browser = await frontendOn(stocktake.channel);
    const notes = 'n'.repeat(10_000);
    const updated = await updateNotes(stocktake.guinness.id, stocktake.movement.id, notes);
    expect(updated.movement.notes).toBe(notes);
    const after = await countLine(stocktake.guinness.id, '9');

    const received = await browser.waitFor(2);
    await waitForBacklog(0);
    expect(received[0]).toEqual({
      channel: stocktake.channel,
      event: 'line-movement-updated',
      data: {
        line_id: Number(updated.line.id),
        item_sku: 'D0030',
        movement_id: Number(updated.movement.id),
        meta: metaOf(3),
        refetch: true,
      },
    });
    expect(received[1]).toEqual({
      channel: stocktake.channel,
      event: 'line-counted-updated',
      data: lineCounted(after, 4),
    });

    const [slim] = acceptedOn(stocktake.channel).filter((event) => dataOf(event).meta.sequence === 3);
    expect(slim!.name).toBe('line-movement-updated');
    expect(JSON.parse(slim!.data)).toEqual(received[0]!.data);
    expect(Buffer.byteLength(slim!.data)).toBeLessThanOrEqual(10_240);
    // Sent slim from the start: Pusher never refused anything (an event is never rejected by Pusher).
    expect(faults.publishAttempts).toBe(faults.requests.length);

    const rows = await outboxRows(stocktake.channel);
    expect(rows.map((row) => [row.sequence, row.slimmed, row.published_at !== null, row.dead_lettered_at])).toEqual([
      [1, false, true, null],
      [2, false, true, null],
      [3, true, true, null],
      [4, false, true, null],
    ]);

    const full = await storedPayload(stocktake.channel, 3);
    expect(full).toEqual(fullMovementUpdated(updated, 3));
    expect((full.movement as { notes: string }).notes).toBe(notes);
    expect(full.meta as object).toEqual(received[0]!.data.meta);
    expect(Buffer.byteLength(JSON.stringify(full))).toBeGreaterThan(10_240);
  });

  it('measures the limit in UTF-8 bytes: 5,000 two-byte characters make a payload that must go slim', async () => {
    const stocktake = await stocktakeWithMovement();
    const notes = 'é'.repeat(5_000);
    const updated = await updateNotes(stocktake.guinness.id, stocktake.movement.id, notes);
    const [, , sent] = await waitForAcceptedOn(stocktake.channel, 3);
    await waitForBacklog(0);
    expect(JSON.parse(sent!.data)).toEqual({
      line_id: Number(updated.line.id),
      item_sku: 'D0030',
      movement_id: Number(updated.movement.id),
      meta: metaOf(3),
      refetch: true,
    });
    const full = await storedPayload(stocktake.channel, 3);
    expect(JSON.stringify(full).length).toBeLessThan(10_240);
    expect(Buffer.byteLength(JSON.stringify(full))).toBeGreaterThan(10_240);
    expect((await outboxRows(stocktake.channel))[2]).toMatchObject({ slimmed: true, dead_lettered_at: null });
    expect(faults.publishAttempts).toBe(faults.requests.length);
  });

  it('sends a payload of exactly 10,240 bytes in full and one of 10,241 bytes slim', async () => {
    const stocktake = await stocktakeWithMovement();
    const { guinness, movement, channel } = stocktake;
    // Event 3: notes '' → 'a'. Its size is the base plus 1 byte of notes.
    await updateNotes(guinness.id, movement.id, 'a');
    const base = Buffer.byteLength(JSON.stringify(await storedPayload(channel, 3)));
    // Event 4: notes 'a' → n characters: base + n bytes.
    const exact = await updateNotes(guinness.id, movement.id, 'b'.repeat(10_240 - base));
    const sizeExact = await storedPayload(channel, 4);
    expect(Buffer.byteLength(JSON.stringify(sizeExact))).toBe(10_240);
    // Event 5: notes n → 2 characters: one byte more.
    const over = await updateNotes(guinness.id, movement.id, 'cc');
    const sizeOver = await storedPayload(channel, 5);
    expect(Buffer.byteLength(JSON.stringify(sizeOver))).toBe(10_241);

    const accepted = await waitForAcceptedOn(channel, 5);
    await waitForBacklog(0);
    expect(accepted[3]!.data).toBe(JSON.stringify(sizeExact));
    expect(JSON.parse(accepted[3]!.data)).toEqual(fullMovementUpdated(exact, 4));
    expect(JSON.parse(accepted[4]!.data)).toEqual({
      line_id: Number(over.line.id),
      item_sku: 'D0030',
      movement_id: Number(over.movement.id),
      meta: metaOf(5),
      refetch: true,
    });
    expect((await outboxRows(channel)).map((row) => row.slimmed)).toEqual([false, false, false, false, true]);
    expect(faults.publishAttempts).toBe(faults.requests.length);
  });

  it('dead-letters an event rejected with 413 even in slim form; managers see it, staff are FORBIDDEN, later events still flow', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    const deadBefore = (await relayStatus()).deadLettered;
    faults.clearLog();

    faults.setMaxEventBytes(100);
    const rejected = await countLine(stocktake.guinness.id, '8');
    let status: Status | undefined;
    await waitUntil(
      async () => (status = await relayStatus()).deadLettered === deadBefore + 1,
      'one more dead-lettered event',
    );
    expect(status!.backlog).toBe(0);
    expect(status!.lastError).toContain('413');
    expect(faults.accepted).toHaveLength(0);

    const [row] = (await outboxRows(stocktake.channel)).slice(1);
    const reason = row!.last_error!;
    expect(reason).toContain('HTTP 413');
    expect(reason).toContain(dataTooLargeMessage(100));
    expect(row).toMatchObject({ sequence: 2, published_at: null });
    expect(row!.dead_lettered_at).toBeInstanceOf(Date);
    const listed = await t.graphql(DeadLetteredEventsDocument, { hotel: HOTEL });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.deadLetteredEvents[0]).toEqual({
      eventId: row!.event_id,
      name: 'line-counted-updated',
      channel: stocktake.channel,
      sequence: 2,
      reason,
      deadLetteredAt: new Date(row!.dead_lettered_at!).toISOString(),
    });
    const staff = await t.token({ user: 'staff-1', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } });
    const refused = await t.graphql(DeadLetteredEventsDocument, { hotel: HOTEL }, { token: staff });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();

    // The event is kept for catch-up with its full payload.
    const [stored] = (
      await t.graphql(ChannelEventsDocument, { channel: stocktake.channel, afterSequence: 1, limit: 1 })
    ).data!.channelEvents;
    expect(stored!.payload).toEqual(lineCounted(rejected, 2));

    faults.clear();
    const next = await countLine(stocktake.guinness.id, '9');
    expect(await browser.waitFor(1)).toEqual([
      { channel: stocktake.channel, event: 'line-counted-updated', data: lineCounted(next, 3) },
    ]);
    expect(browser.items).toHaveLength(1);
  });

  it('dead-letters an event Pusher refuses with 400 after one attempt (never retried as-is); the channel carries on', async () => {
    const stocktake = await readyStocktake();
    faults.clearLog();
    faults.failNext({ status: 400, body: 'Expected name parameter to be a string' });
    const refused = await countLine(stocktake.guinness.id, '15');
    const next = await countLine(stocktake.guinness.id, '16');
    const [delivered] = await waitForAcceptedOn(stocktake.channel, 1);
    await waitForBacklog(0);

    expect(JSON.parse(delivered!.data)).toEqual(lineCounted(next, 3));
    expect(acceptedOn(stocktake.channel)).toHaveLength(1);
    const rows = (await outboxRows(stocktake.channel)).slice(1);
    expect(
      rows.map((row) => [
        row.sequence,
        row.attempts,
        row.last_error,
        row.published_at !== null,
        row.dead_lettered_at !== null,
      ]),
    ).toEqual([
      [2, 1, 'HTTP 400: Expected name parameter to be a string', false, true],
      [3, 1, null, true, false],
    ]);
    const [stored] = (
      await t.graphql(ChannelEventsDocument, { channel: stocktake.channel, afterSequence: 1, limit: 1 })
    ).data!.channelEvents;
    expect(stored!.payload).toEqual(lineCounted(refused, 2));
    expect(faults.publishAttempts).toBe(faults.requests.length + 1);
  });

  it('falls back to the slim form when Pusher answers 413 for a full payload the relay thought small enough (never dropped)', async () => {
    // E.g. a Pusher-compatible server with a lower limit than 10,240 bytes (Reverb: 10,000 per request).
    const stocktake = await readyStocktake();
    faults.clearLog();
    faults.setMaxEventBytes(1000); // a full line-counted-updated is ~1.4 kB; its slim form ~250 bytes
    const line = await countLine(stocktake.guinness.id, '12');
    await waitUntil(async () => {
      const row = (await outboxRows(stocktake.channel))[1]!;
      return row.published_at !== null || row.dead_lettered_at !== null;
    }, 'the event to be published or dead-lettered');

    const row = (await outboxRows(stocktake.channel))[1]!;
    expect({
      published: row.published_at !== null,
      deadLettered: row.dead_lettered_at !== null,
      slimmed: row.slimmed,
      lastError: row.last_error,
    }).toEqual({
      published: true,
      deadLettered: false,
      slimmed: true,
      lastError: null,
    });
    expect(acceptedOn(stocktake.channel).map((event) => JSON.parse(event.data))).toEqual([
      { line_id: Number(line.id), item_sku: 'D0030', meta: metaOf(2), refetch: true },
    ]);
  });
});

describe('crash and restart', () => {
  it('keeps committed events while the relay is down and delivers them all, in order, when it comes back', async () => {
    const stocktake = await readyStocktake();
    const browser = await frontendOn(stocktake.channel);
    faults.clearLog();
    await t.app.relay!.stop();

    const lines: LineFieldsFragment[] = [];
    for (let i = 1; i <= 12; i += 1) lines.push(await countLine(stocktake.guinness.id, String(i + 20)));
    expect(lines.map((line) => line.countedFullUnits)).toEqual(range(21, 32).map((i) => `${i}.00`));

    const down = await relayStatus();
    expect(down).toMatchObject({ leader: false, backlog: 12, pausedUntil: null });
    expect(down.oldestPendingAgeSeconds).toEqual(expect.any(Number));
    expect(faults.publishAttempts).toBe(0);
    expect(faults.accepted).toHaveLength(0);
    expect(browser.items).toHaveLength(0);
    const pending = (await outboxRows(stocktake.channel)).slice(1);
    expect(pending.map((row) => [row.sequence, row.attempts, row.published_at, row.dead_lettered_at])).toEqual(
      range(2, 13).map((s) => [s, 0, null, null]),
    );

    t.app.relay!.start();
    const received = await browser.waitFor(12);
    const up = await waitForBacklog(0);
    expect(up).toMatchObject({ leader: true, backlog: 0, oldestPendingAgeSeconds: null });
    expect(received).toEqual(
      lines.map((line, i) => ({
        channel: stocktake.channel,
        event: 'line-counted-updated',
        data: lineCounted(line, i + 2),
      })),
    );
    expect(faults.requests.every((request) => request.endpoint === 'batch_events' && request.events.length <= 10)).toBe(
      true,
    );
    expect(faults.publishAttempts).toBe(faults.requests.length);
    expect(sequencesOf(acceptedOn(stocktake.channel))).toEqual(range(2, 13));
    expect(
      (await outboxRows(stocktake.channel)).slice(1).every((row) => row.published_at !== null && row.attempts === 1),
    ).toBe(true);
  });
});

describe('mutations do not depend on Pusher', () => {
  it('succeed and return their data while every publish fails with 500; the events follow once Pusher recovers', async () => {
    const stocktake = await readyStocktake();
    faults.clearLog();
    faults.failNext({ status: 500, times: 50 });

    const counted = await countLine(stocktake.guinness.id, '14');
    expect(counted).toMatchObject({ id: stocktake.guinness.id, countedFullUnits: '14.00' });
    const added = await t.graphql(AddLineMovementDocument, {
      lineId: stocktake.guinness.id,
      input: { movementType: 'WASTE', quantity: '2', timestamp: `${stocktake.periodStart}T09:00:00Z` },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addLineMovement.movement).toMatchObject({ movementType: 'WASTE', quantity: '2.0000' });
    expect(added.data!.addLineMovement.line).toMatchObject({ waste: '2.0000' });
    const other = await t.graphql(CreateStocktakeDocument, {
      hotel: HOTEL,
      input: { periodStart: '2014-01-01', periodEnd: '2014-01-31' },
    });
    expect(other.errors).toBeUndefined();
    expect(other.data!.createStocktake).toMatchObject({ status: 'DRAFT', periodStart: '2014-01-01' });

    await waitUntil(() => faults.publishAttempts >= 2, 'the relay to have tried Pusher');
    const failing = await relayStatus();
    expect(failing.lastError).toBe('HTTP 500: Internal Server Error');
    expect(failing.backlog).toBe(3);
    expect(faults.accepted).toHaveLength(0);

    faults.clear();
    await waitForBacklog(0);
    const accepted = acceptedOn(stocktake.channel);
    expect(accepted.map((event) => [event.name, dataOf(event).meta.sequence])).toEqual([
      ['line-counted-updated', 2],
      ['line-movement-added', 3],
    ]);
    expect(JSON.parse(accepted[0]!.data)).toEqual(lineCounted(counted, 2));
    expect(JSON.parse(acceptedOn(`${HOTEL}-stocktakes`)[0]!.data)).toMatchObject({
      id: Number(other.data!.createStocktake.id),
    });
  });

  it('do not wait for a Pusher that hangs', async () => {
    const stocktake = await readyStocktake();
    faults.clearLog();
    faults.delayNext({ ms: 1500, deliver: false, times: 3 });
    const lines: LineFieldsFragment[] = [await countLine(stocktake.guinness.id, '41')];
    await waitUntil(async () => faults.publishAttempts >= 1, 'the relay to be waiting on Pusher');
    for (let i = 2; i <= 3; i += 1) lines.push(await countLine(stocktake.guinness.id, String(40 + i)));
    // Both later mutations returned while the relay's request was still unanswered: Pusher has
    // accepted nothing and no attempt has ended (a timed-out attempt would have counted).
    expect(faults.accepted).toHaveLength(0);
    expect(
      (await outboxRows(stocktake.channel)).slice(1).map((row) => [row.sequence, row.attempts, row.published_at]),
    ).toEqual([
      [2, 0, null],
      [3, 0, null],
      [4, 0, null],
    ]);
    faults.clear();
    await waitForBacklog(0, 10_000);
    expect(acceptedOn(stocktake.channel).map((event) => JSON.parse(event.data))).toEqual(
      lines.map((line, i) => lineCounted(line, i + 2)),
    );
  });
});

/**
 * Pusher delivery can never stop silently: answers that never end are cut
 * off by the relay's own deadline, a slow request holds up only its own
 * channel, refusals pause and probe with a growing pause, dead letters can
 * be sent again, and stopping is bounded even with a request hanging.
 * Faults are played by the built-in endpoint (test/support/pusher-faults.ts).
 */
import { RequeueDeadLettersDocument } from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { legacyFrontend, type PusherEvent, type Received } from './support/realtime-clients';
import { dataOf, stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { ok, waitUntil } from './support/waiting';

jest.setTimeout(30_000);

const apps: TestApp[] = [];
const closers = closeAfterEach();

async function app(options: Parameters<typeof startTestApp>[0] = {}) {
  const started = await startTestApp(options);
  apps.push(started);
  return { t: started, steps: stocktakeSteps(started) };
}

async function frontendOn(t: TestApp, channel: string): Promise<Received<PusherEvent>> {
  const client = await legacyFrontend(t);
  closers.push(() => client.close());
  return client.listen(channel);
}

// Each test's apps close after it: nine apps open until the end of the file held enough of PostgreSQL's
// connections, beside three other test files, to reach its limit (100).
afterEach(async () => {
  for (const started of apps.splice(0)) await started.close();
});

const sequences = (events: Array<{ data: string }>) => events.map((event) => dataOf(event).meta.sequence);

describe('answers that never end', () => {
  it('error headers then a stalled body: the relay aborts at its deadline, retries, and later events keep flowing', async () => {
    const { t, steps } = await app();
    const a = await steps.ready();
    const b = await steps.ready();
    const browserA = await frontendOn(t, a.channel);
    const browserB = await frontendOn(t, b.channel);

    t.faults.stallNext({ status: 500 });
    await steps.count(a.guinness.id, '1');
    await waitUntil(() => t.faults.heldAnswers === 1, 'the stalled answer');
    // The deadline fired: the relay destroyed the socket, and the endpoint sees the stalled answer go away.
    // (relayStatus.lastError names the timeout only until the retry succeeds, which can be too brief to see.)
    await waitUntil(() => t.faults.heldAnswers === 0, 'the stalled socket to be destroyed');

    await steps.count(b.guinness.id, '1');
    await steps.count(a.guinness.id, '2');
    expect((await browserB.waitFor(1))[0]!.event).toBe('line-counted-updated');
    expect((await browserA.waitFor(2)).map((event) => (event.data.meta as { sequence: number }).sequence)).toEqual([
      2, 3,
    ]);
    expect((await steps.waitForBacklog(0)).lastError).toBeNull();
    // The stalled event was sent again after the deadline, and is marked delivered.
    const [, stalled] = await steps.outboxRows(a.channel);
    expect(stalled).toMatchObject({ sequence: 2, last_error: null });
    expect(stalled!.attempts).toBeGreaterThanOrEqual(2);
    expect(stalled!.published_at).not.toBeNull();
  });

  it('ten stalled 200s in a row (more than a socket pool would hold): each is cut off, and delivery goes on', async () => {
    const { t, steps } = await app({ env: { PUSHER_TIMEOUT_MS: '200', RELAY_CONCURRENCY: '2' } });
    const a = await steps.ready();
    // Sequence 1 confirmed too (on a slow machine its answer can outlast the 200 ms deadline, and it is sent again).
    await steps.waitForBacklog(0);
    t.faults.clearLog();
    t.faults.stallNext({ status: 200, times: 10 });
    await steps.count(a.guinness.id, '1');
    await steps.count(a.guinness.id, '2');
    await waitUntil(() => t.faults.pendingFaults === 0, 'all ten stalls to be used');
    await steps.waitForBacklog(0);
    await steps.count(a.guinness.id, '3');
    await waitUntil(() => sequences(steps.acceptedOn(a.channel)).includes(4), 'the event after the stalls');
    const accepted = sequences(steps.acceptedOn(a.channel));
    // At least once: each stalled 200 was a delivery the relay could not confirm, so it was sent again.
    expect(accepted.filter((sequence) => sequence === 4)).toEqual([4]);
    expect(accepted.length).toBeGreaterThanOrEqual(10 + 3);
    expect(new Set(accepted)).toEqual(new Set([2, 3, 4]));
    expect(t.faults.heldAnswers).toBe(0);
  });
});

describe('a slow request holds up only its own channel', () => {
  it("B's events go out while A's request hangs; A's next event waits behind A's first", async () => {
    const { t, steps } = await app({ env: { PUSHER_TIMEOUT_MS: '10000', RELAY_CONCURRENCY: '4' } });
    const a = await steps.ready();
    const b = await steps.ready();
    const browserB = await frontendOn(t, b.channel);
    t.faults.clearLog();

    t.faults.delayNext({ ms: 3_000 }); // answered (and delivered) three seconds late
    await steps.count(a.guinness.id, '1');
    await waitUntil(() => t.faults.heldAnswers === 1, "A's request to be held");
    await steps.count(a.guinness.id, '2');
    await steps.count(b.guinness.id, '1');
    await steps.count(b.guinness.id, '2');

    expect((await browserB.waitFor(2)).map((event) => (event.data.meta as { sequence: number }).sequence)).toEqual([
      2, 3,
    ]);
    // B is through while A's first request is still being answered, and A's second has not been sent.
    expect(t.faults.heldAnswers).toBe(1);
    expect(steps.acceptedOn(a.channel)).toEqual([]);

    const aEvents = await steps.waitForAccepted(a.channel, 2, 10_000);
    expect(sequences(aEvents)).toEqual([2, 3]);
    expect(aEvents[1]!.requestId).toBeGreaterThan(aEvents[0]!.requestId);
  });
});

describe('403 and 404 pause everything, for longer each time, and end with one probe', () => {
  it.each([403, 404])(
    '%i twice in a row: pauses of 300 then 600 ms (tests), a single-event probe after each, then everything',
    async (status) => {
      // One lane, so that every attempt after the first is a probe: with several, a lane that sent before the
      // first refusal came back would meet the second refusal, and the attempt times would not be the probes'.
      const { t, steps } = await app({ env: { RELAY_CONCURRENCY: '1' } });
      const stocktakes = [await steps.ready(), await steps.ready(), await steps.ready()];
      await steps.waitForBacklog(0);
      t.faults.clearLog();
      t.faults.failNext({ status, body: 'refused', times: 2 });
      for (const stocktake of stocktakes) await steps.count(stocktake.guinness.id, '1');

      await steps.waitForBacklog(0);
      const [first, probe1, probe2] = t.faults.attemptTimes;
      expect(probe1! - first!).toBeGreaterThanOrEqual(300);
      expect(probe2! - probe1!).toBeGreaterThanOrEqual(600);
      // The probe that succeeded carried one event; the rest followed.
      expect(t.faults.requests[0]!.events).toHaveLength(1);
      expect(t.faults.accepted.map((event) => dataOf(event).meta.sequence).sort()).toEqual([2, 2, 2]);
      expect((await steps.relayStatus()).pausedUntil).toBeNull();
    },
  );
});

describe('dead letters can be sent again by a manager', () => {
  it('in full when nothing later was delivered on the channel; slim (refetch) when something was', async () => {
    const { t, steps } = await app();
    const a = await steps.ready();
    const b = await steps.ready();
    // A server with a limit lower than any event: both counts are refused even in the slim form.
    t.faults.setMaxEventBytes(50);
    const aLine = await steps.count(a.guinness.id, '1');
    await steps.count(b.guinness.id, '1');
    await waitUntil(async () => (await steps.relayStatus()).deadLettered === 2, 'both events dead-lettered');
    t.faults.setMaxEventBytes(undefined);
    await steps.count(b.guinness.id, '2'); // B moves on: its dead letter is now older than what B's screens show
    await steps.waitForAccepted(b.channel, 2);

    const staff = await t.token({ user: 'staff-1', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } });
    expect(
      (await t.graphql(RequeueDeadLettersDocument, { hotel: HOTEL }, { token: staff })).errors![0]!.extensions!.code,
    ).toBe('FORBIDDEN');
    const galway = await t.token({ user: 'g', name: 'Gerry Galway', hotels: { [OTHER_HOTEL]: 'manager' } });
    expect(
      (await t.graphql(RequeueDeadLettersDocument, { hotel: HOTEL }, { token: galway })).errors![0]!.extensions!.code,
    ).toBe('FORBIDDEN');

    expect(ok(await t.graphql(RequeueDeadLettersDocument, { hotel: HOTEL })).requeueDeadLetters).toBe(2);
    const [aFull] = await steps.waitForAccepted(a.channel, 2).then((events) => events.slice(1));
    expect(dataOf(aFull!)).toMatchObject({ line_id: Number(aLine.id), meta: { sequence: 2 } });
    expect(dataOf(aFull!).refetch).toBeUndefined();
    const bEvents = await steps.waitForAccepted(b.channel, 3);
    expect(bEvents.map((event) => [dataOf(event).meta.sequence, dataOf(event).refetch ?? false])).toEqual([
      [1, false],
      [3, false],
      [2, true],
    ]);
    expect(await steps.waitForBacklog(0)).toMatchObject({ deadLettered: 0 });
  });
});

describe('an event that keeps failing', () => {
  it('is dead-lettered once it is older than maxEventAgeMs and was tried three times; its channel carries on', async () => {
    const { t, steps } = await app({ relayTiming: { maxEventAgeMs: 200, backoffBaseMs: 100, backoffMaxMs: 100 } });
    const a = await steps.ready();
    t.faults.failNext({ status: 503, times: 1_000 });
    await steps.count(a.guinness.id, '1');
    await waitUntil(async () => (await steps.relayStatus()).deadLettered === 1, 'the event to be dead-lettered');
    const [, dead] = await steps.outboxRows(a.channel);
    expect(dead).toMatchObject({
      sequence: 2,
      last_error: 'gave up after 0.2 s: HTTP 503: Service Unavailable',
      published_at: null,
    });
    expect(dead!.attempts).toBeGreaterThanOrEqual(3);

    t.faults.clear();
    await steps.count(a.guinness.id, '2');
    expect(sequences(await steps.waitForAccepted(a.channel, 2))).toEqual([1, 3]);
  });
});

describe('stopping is bounded', () => {
  it('stops with a request hanging (no deadline in sight), and the event goes out after a restart', async () => {
    const { t, steps } = await app({ env: { PUSHER_TIMEOUT_MS: '60000' }, relayTiming: { stopGraceMs: 200 } });
    const a = await steps.ready();
    t.faults.stallNext({ status: 500 });
    await steps.count(a.guinness.id, '1');
    await waitUntil(() => t.faults.heldAnswers === 1, 'the hanging request');
    await t.app.relay!.stop();
    expect(t.app.relay!.health()).toEqual({ ok: false, detail: 'stopped' });

    t.app.relay!.start();
    expect(sequences(await steps.waitForAccepted(a.channel, 2))).toEqual([1, 2]);
  });

  it('the whole app closes with a request hanging', async () => {
    const { t, steps } = await app({ env: { PUSHER_TIMEOUT_MS: '60000' }, relayTiming: { stopGraceMs: 200 } });
    const a = await steps.ready();
    t.faults.stallNext({ status: 200 });
    await steps.count(a.guinness.id, '1');
    await waitUntil(() => t.faults.heldAnswers === 1, 'the hanging request');
    apps.splice(apps.indexOf(t), 1);
    await t.close();
  });
});

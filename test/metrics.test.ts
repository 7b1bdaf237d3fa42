/**
 * What an operator scrapes at GET /metrics: Prometheus text with the
 * process, request and operation latency, connections, the outbox backlog
 * and the relay's deliveries, each moving when the product does.
 */
import { StocktakeListEventsDocument } from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { currentSequence, graphqlSubscriber } from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { waitUntil } from './support/waiting';

let t: TestApp;
const closers = closeAfterEach();
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${t.port}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of a series: `name` or `name{labels}` exactly as Prometheus prints it. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

it('counts deliveries, bus messages, mutations and open graphql-ws operations as they happen', async () => {
  const before = await scrape();
  const socket = graphqlSubscriber(t, await t.token());
  closers.push(() => socket.close());
  const subscription = socket.subscribe(StocktakeListEventsDocument, {
    hotel: HOTEL,
    afterSequence: await currentSequence(t, `${HOTEL}-stocktakes`),
  });
  const steps = stocktakeSteps(t);
  await steps.create();
  await subscription.waitFor(1);
  await steps.waitForBacklog(0);

  await waitUntil(
    async () => value(await scrape(), 'relay_delivered_events_total') > value(before, 'relay_delivered_events_total'),
    'a delivery counted',
  );
  const after = await scrape();
  expect(value(after, 'event_bus_messages_total')).toBe(value(before, 'event_bus_messages_total') + 1);
  expect(value(after, 'graphql_ws_connections')).toBe(1);
  expect(value(after, 'graphql_ws_operations')).toBe(1);
  expect(value(after, 'event_bus_followed_channels')).toBe(1);
  expect(value(after, 'outbox_backlog_events')).toBe(0);
  expect(value(after, 'graphql_operation_duration_seconds_count{type="mutation",outcome="ok"}')).toBeGreaterThanOrEqual(
    1,
  );
  expect(
    value(after, 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(value(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
});

it('shows a backlog and failures while Pusher refuses, and the backlog drains after', async () => {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.ready();
  t.faults.failNext({ status: 503, times: 3 });
  await steps.count(stocktake.guinness.id, '1');
  await waitUntil(
    async () => value(await scrape(), 'relay_failed_events_total{kind="retry"}') >= 1,
    'a failure counted',
  );
  await steps.waitForBacklog(0);
  expect(value(await scrape(), 'outbox_backlog_events')).toBe(0);
});

/**
 * Request ids in the logs (docs/operations.md, "Logs"): a sane incoming
 * X-Request-Id is kept, anything else replaced by a generated one; the id
 * comes back in the response header and is on the request's log lines,
 * including the one that names the events the mutation committed, whose
 * event ids are those the relay then sends to Pusher (`meta.event_id`).
 */
import { print } from 'graphql';
import { Writable } from 'node:stream';
import { CreateStocktakeDocument } from './__generated__/graphql';
import { createLogger } from '../src/infrastructure/logger';
import { HOTEL } from './support/fixtures';
import { dataOf } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { waitUntil } from './support/waiting';

/** Every JSON line the server logs. */
const lines: Array<Record<string, unknown>> = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ log: createLogger('info', capture) });
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let month = 0;

/** Creates a stocktake (one event on the hotel's list channel) with the given headers. */
async function createStocktake(headers: Record<string, string>) {
  month += 1;
  const periodStart = `2050-${String(month).padStart(2, '0')}-01`;
  const response = await t.post(
    {
      query: print(CreateStocktakeDocument),
      variables: { hotel: HOTEL, input: { periodStart, periodEnd: periodStart.replace(/01$/, '28') } },
    },
    { headers },
  );
  expect(response.json?.errors).toBeUndefined();
  return response.headers.get('x-request-id');
}

function committedLines(requestId: string) {
  return lines.filter((line) => line.requestId === requestId && line.message === 'events committed');
}

it('keeps a sane X-Request-Id, returns it, and logs it with the ids of the events the relay then sends', async () => {
  const returned = await createStocktake({ 'x-request-id': 'lb-7f3a:req.42' });
  expect(returned).toBe('lb-7f3a:req.42');
  const [committed, ...more] = committedLines('lb-7f3a:req.42');
  expect(more).toEqual([]);
  expect(committed).toEqual({
    level: 'info',
    time: expect.any(String),
    requestId: 'lb-7f3a:req.42',
    message: 'events committed',
    events: [
      {
        eventId: expect.any(String),
        name: 'stocktake-created',
        channel: `${HOTEL}-stocktakes`,
        sequence: expect.any(Number),
      },
    ],
  });
  const [event] = committed!.events as Array<{ eventId: string; sequence: number }>;
  // The relay's Pusher payload is unchanged for legacy frontends; its meta carries the same event id.
  const sentWithId = () => t.faults.accepted.find((sent) => dataOf(sent).meta.event_id === event!.eventId);
  await waitUntil(() => sentWithId() !== undefined, 'the committed event sent to Pusher');
  expect(sentWithId()).toMatchObject({ channel: `${HOTEL}-stocktakes`, name: 'stocktake-created' });
  expect(dataOf(sentWithId()!).meta.sequence).toBe(event!.sequence);
});

it('replaces an X-Request-Id that is not sane (spaces, quotes, too long) with a generated one, and logs that', async () => {
  for (const header of ['two words', 'quote"d', 'x'.repeat(129)]) {
    const returned = await createStocktake({ 'x-request-id': header });
    expect(returned).toMatch(UUID);
    expect(committedLines(returned!)).toHaveLength(1);
    expect(lines.some((line) => line.requestId === header)).toBe(false);
  }
});

it('generates an id when none is given, a different one per request', async () => {
  const first = await createStocktake({});
  const second = await createStocktake({});
  expect(first).toMatch(UUID);
  expect(second).toMatch(UUID);
  expect(first).not.toBe(second);
  expect(committedLines(first!)).toHaveLength(1);
  expect(committedLines(second!)).toHaveLength(1);
});

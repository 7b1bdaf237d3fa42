/**
 * /metrics is not public in production (issue 17, item 6; docs/operations.md, "Metrics"): with
 * METRICS_TOKEN only a scrape bearing it is answered, without it production answers 404, and
 * outside production it stays open (test/metrics.test.ts).
 */
import { startTestApp, type TestApp } from './support/test-app';

const TOKEN = 'scrape-token-0123456789abcdef';

const scrape = (app: TestApp, authorization?: string) =>
  fetch(`http://127.0.0.1:${app.port}/metrics`, { headers: authorization ? { authorization } : {} });

describe('in production without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('answers 404 like a route that does not exist, with or without a bearer', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await scrape(t, authorization);
      expect([response.status, await response.json()]).toEqual([
        404,
        { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
    }
  });
});

describe('with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it.each([
    ['no Authorization', undefined],
    ['a wrong token', 'Bearer scrape-token-0123456789abcdeX'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token as Basic', `Basic ${TOKEN}`],
  ])('%s: 401 with WWW-Authenticate, no metrics', async (_name, authorization) => {
    const response = await scrape(t, authorization);
    expect([response.status, response.headers.get('www-authenticate'), await response.json()]).toEqual([
      401,
      'Bearer realm="metrics"',
      { errors: [{ message: 'A valid metrics token is required', extensions: { code: 'UNAUTHENTICATED' } }] },
    ]);
  });

  it('the token: the Prometheus text', async () => {
    const response = await scrape(t, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^pusher_connections \d+$/m);
  });
});

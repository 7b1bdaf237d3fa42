/**
 * Behind a load balancer the API publishes to a Pusher-compatible server by
 * its internal name (soketi:6001) while browsers reach it by a public one:
 * GET /pusher/config gives pusher-js the public one (PUSHER_CLIENT_*).
 */
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    env: {
      PUSHER_APP_ID: 'app-1',
      PUSHER_KEY: 'soketi-key',
      PUSHER_SECRET: 'soketi-secret',
      // Nothing publishes here: the test makes no events.
      PUSHER_HOST: 'soketi.internal',
      PUSHER_PORT: '6001',
      PUSHER_USE_TLS: 'false',
      PUSHER_CLIENT_HOST: 'rt.example.com',
      PUSHER_CLIENT_PORT: '443',
      PUSHER_CLIENT_USE_TLS: 'true',
    },
  });
});
afterAll(() => t.close());

it('GET /pusher/config names where browsers connect, not where the API publishes, and never the secret', async () => {
  const response = await fetch(`http://127.0.0.1:${t.port}/pusher/config`);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    key: 'soketi-key',
    cluster: 'mt1',
    wsHost: 'rt.example.com',
    wsPort: 443,
    forceTLS: true,
    enabledTransports: ['ws', 'wss'],
    channelPrefix: '',
    detailChannelPrefix: '',
    authEndpoint: `http://127.0.0.1:${t.port}/pusher/auth`,
    channelAuthorization: { endpoint: `http://127.0.0.1:${t.port}/pusher/auth`, transport: 'ajax' },
  });
  expect(text).not.toContain('soketi-secret');
  expect(text).not.toContain('soketi.internal');
});

/**
 * GET /pusher/config hands a frontend on another origin absolute URLs: the
 * private-channel auth endpoint is the API's own URL (a relative one fails
 * from elsewhere with "received status: 0"), taken from PUBLIC_URL, or from
 * the request, believing X-Forwarded-Proto/Host only with TRUST_PROXY=true.
 */
import Pusher from 'pusher-js';
import { loadConfig } from '../src/infrastructure/config';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { PUSHER, startTestApp, type TestApp } from './support/test-app';

const FORWARDED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' };

async function configOf(t: TestApp, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${t.port}/pusher/config`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const closers = closeAfterEach();

async function app(options: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  const t = await startTestApp({ pusher: 'built-in', ...options });
  closers.push(() => t.close());
  return t;
}

describe('GET /pusher/config', () => {
  it("gives the auth endpoint as the URL the request reached, and ignores X-Forwarded-* from clients it doesn't trust", async () => {
    const t = await app({ env: { PUSHER_CHANNEL_PREFIX: 'private-' } });
    const own = `http://127.0.0.1:${t.port}`;
    const expected = {
      key: PUSHER.key,
      cluster: 'mt1',
      wsHost: '127.0.0.1',
      wsPort: t.port,
      forceTLS: false,
      enabledTransports: ['ws', 'wss'],
      channelPrefix: 'private-',
      detailChannelPrefix: 'private-',
      authEndpoint: `${own}/pusher/auth`,
      channelAuthorization: { endpoint: `${own}/pusher/auth`, transport: 'ajax' },
    };
    expect(await configOf(t)).toEqual(expected);
    expect(await configOf(t, FORWARDED)).toEqual(expected);
  });

  it('believes X-Forwarded-Proto/Host with TRUST_PROXY=true', async () => {
    const t = await app({ env: { TRUST_PROXY: 'true' } });
    expect(await configOf(t, FORWARDED)).toMatchObject({
      wsHost: 'api.example.com',
      wsPort: 443,
      forceTLS: true,
      authEndpoint: 'https://api.example.com/pusher/auth',
      channelAuthorization: { endpoint: 'https://api.example.com/pusher/auth', transport: 'ajax' },
    });
    // Without the headers (a direct request), the request's own address.
    expect(await configOf(t)).toMatchObject({ authEndpoint: `http://127.0.0.1:${t.port}/pusher/auth` });
  });

  it('uses PUBLIC_URL whatever the request says', async () => {
    const t = await app({ env: { PUBLIC_URL: 'https://stock.example.com:8443/api', TRUST_PROXY: 'true' } });
    expect(await configOf(t, FORWARDED)).toMatchObject({
      wsHost: 'stock.example.com',
      wsPort: 8443,
      forceTLS: true,
      authEndpoint: 'https://stock.example.com:8443/api/pusher/auth',
      channelAuthorization: { endpoint: 'https://stock.example.com:8443/api/pusher/auth', transport: 'ajax' },
    });
  });

  it('is enough for pusher-js to subscribe to a private channel: the returned endpoint authorizes it', async () => {
    const t = await app({ env: { PUSHER_CHANNEL_PREFIX: 'private-' } });
    const config = (await configOf(t)) as {
      key: string;
      cluster: string;
      wsHost: string;
      wsPort: number;
      forceTLS: boolean;
      channelAuthorization: { endpoint: string; transport: 'ajax' };
    };
    const pusher = new Pusher(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost,
      wsPort: config.wsPort,
      forceTLS: config.forceTLS,
      enabledTransports: ['ws'],
      channelAuthorization: { ...config.channelAuthorization, headers: { Authorization: `Bearer ${await t.token()}` } },
    });
    closers.push(() => pusher.disconnect());
    const channel = pusher.subscribe(`private-${HOTEL}-stocktakes`);
    await new Promise<void>((resolve, reject) => {
      channel.bind('pusher:subscription_succeeded', () => resolve());
      channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(JSON.stringify(error))));
    });
  });
});

describe('PUBLIC_URL and TRUST_PROXY', () => {
  it('are read, normalised and checked', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: undefined, trustProxy: false });
    expect(loadConfig({ PUBLIC_URL: 'https://api.example.com/', TRUST_PROXY: 'true' })).toMatchObject({
      publicUrl: 'https://api.example.com',
      trustProxy: true,
    });
    expect(() => loadConfig({ PUBLIC_URL: 'api.example.com' })).toThrow(/PUBLIC_URL must be/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://api.example.com' })).toThrow(/PUBLIC_URL must be/);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be true or false/);
  });
});

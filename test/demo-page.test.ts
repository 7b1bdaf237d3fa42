/**
 * /demo is served outside production only: the page, its modules and the
 * two vendored browser builds (from node_modules, never a CDN); production
 * answers 404 for all of it. What the page does is tested in a browser
 * (test/browser/demo-scenarios.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findDemoFolder } from '../src/infrastructure/http/demo/demo-routes';
import { startTestApp, type TestApp } from './support/test-app';

const get = (t: TestApp, url: string) =>
  fetch(`http://127.0.0.1:${t.port}${url}`, { redirect: 'manual' }).then(async (response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    location: response.headers.get('location'),
    body: await response.text(),
  }));

describe('/demo in development', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  test('serves the page, with /demo redirected to /demo/ so its relative URLs resolve', async () => {
    expect(await get(t, '/demo?transport=graphql')).toMatchObject({
      status: 301,
      location: '/demo/?transport=graphql',
    });
    expect(await get(t, '/demo')).toMatchObject({ status: 301, location: '/demo/' });
    const page = await get(t, '/demo/?transport=pusher');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('<title>Stocktake Live — live demo</title>');
    expect(page.body).toContain('<script type="module" src="js/main.js"></script>');
  });

  test('serves its ES modules and stylesheet as they are in demo/ (no build step)', async () => {
    for (const file of ['js/main.js', 'js/live-pusher.js', 'js/live-graphql.js', 'demo.css']) {
      const response = await get(t, `/demo/${file}`);
      expect(response.status).toBe(200);
      expect(response.body).toBe(readFileSync(path.resolve(__dirname, '../demo', file), 'utf8'));
    }
    expect((await get(t, '/demo/js/main.js')).type).toBe('text/javascript; charset=utf-8');
  });

  test('serves the browser builds of pusher-js and graphql-ws from node_modules', async () => {
    const vendored = {
      'pusher.min.js': 'pusher-js/dist/web/pusher.min.js',
      'graphql-ws.js': 'graphql-ws/umd/graphql-ws.min.js',
    };
    for (const [name, file] of Object.entries(vendored)) {
      const response = await get(t, `/demo/vendor/${name}`);
      expect(response).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
      expect(response.body).toBe(readFileSync(path.resolve(__dirname, '../node_modules', file), 'utf8'));
    }
  });

  test('serves nothing else: unknown files and paths outside demo/ are 404', async () => {
    for (const url of [
      '/demo/vendor/jquery.js',
      '/demo/nope.html',
      '/demo/../package.json',
      '/demo/%2e%2e/package.json',
    ]) {
      expect((await get(t, url)).status).toBe(404);
    }
  });
});

describe('/demo in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  test('is not served at all', async () => {
    for (const url of ['/demo', '/demo/', '/demo/js/main.js', '/demo/vendor/pusher.min.js']) {
      expect(await get(t, url)).toMatchObject({
        status: 404,
        body: JSON.stringify({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] }),
      });
    }
  });
});

describe('the demo folder', () => {
  test('is found from the sources (ts-node, tests) and from the build (npm start runs dist/src/main.js)', () => {
    const root = path.resolve(__dirname, '..');
    expect(findDemoFolder(path.join(root, 'src/infrastructure/http/demo'))).toBe(path.join(root, 'demo'));
    expect(findDemoFolder(path.join(root, 'dist/src/infrastructure/http/demo'))).toBe(path.join(root, 'demo'));
    expect(findDemoFolder('/')).toBeUndefined();
  });
});

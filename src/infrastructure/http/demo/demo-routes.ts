/**
 * GET /demo: the live demo (see README, "Live demo"), served only outside
 * production. The page is plain HTML, CSS and ES modules from the `demo/`
 * folder at the repository root, with no build step; the two browser
 * clients it needs come from node_modules (the machine may have no
 * internet, and a CDN would mean a second origin to trust):
 *
 *   /demo/vendor/pusher.min.js   pusher-js' browser build
 *   /demo/vendor/graphql-ws.js   graphql-ws' browser build (UMD, global `graphqlWs`)
 */
import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

const DEMO_PATH = '/demo';

/** Browser builds served under /demo/vendor/, by file name. */
const VENDOR_FILES: Record<string, { module: string; file: string }> = {
  'pusher.min.js': { module: 'pusher-js', file: 'dist/web/pusher.min.js' },
  'graphql-ws.js': { module: 'graphql-ws', file: 'umd/graphql-ws.min.js' },
};

/**
 * The `demo/` folder: found by walking up from this file, so it works from
 * `src/` (ts-node, tests) and from `dist/src/` (npm start, the container).
 */
export function findDemoFolder(start: string = __dirname): string | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'demo');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** The root folder of an installed package, or undefined when it is not installed (e.g. without dev dependencies). */
function packageFolder(name: string): string | undefined {
  try {
    // Both packages' main entries sit two folders below their root (dist/node/pusher.js, dist/index.cjs).
    let folder = path.dirname(require.resolve(name));
    while (path.basename(folder) !== name && path.dirname(folder) !== folder) folder = path.dirname(folder);
    return path.basename(folder) === name ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The demo's routes; mount them only outside production. */
export function demoRoutes(folder: string | undefined = findDemoFolder()): Router {
  const router = express.Router();
  // Relative URLs in the page (demo.css, js/…) need the trailing slash.
  // (Express routing is not strict, so /demo/ arrives here too.)
  router.get(DEMO_PATH, (request, response, next) => {
    const [pathname, query] = request.originalUrl.split(/\?(.*)/s);
    if (pathname !== DEMO_PATH) {
      next();
      return;
    }
    response.redirect(301, `${DEMO_PATH}/${query ? `?${query}` : ''}`);
  });
  router.get(`${DEMO_PATH}/vendor/:file`, (request, response, next) => {
    const vendor = VENDOR_FILES[request.params.file];
    const root = vendor && packageFolder(vendor.module);
    if (!vendor || !root) {
      next();
      return;
    }
    response.sendFile(path.join(root, vendor.file), { headers: { 'cache-control': 'no-cache' } });
  });
  if (folder) {
    router.use(
      DEMO_PATH,
      express.static(folder, {
        redirect: false,
        // The browser revalidates (ETag) every time, so an edited file shows on reload.
        setHeaders: (response) => response.setHeader('cache-control', 'no-cache'),
      }),
    );
  }
  return router;
}

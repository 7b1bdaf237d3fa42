/**
 * Who may read GET /metrics (docs/operations.md, "Metrics"). Routes, status counts, relay and
 * connection figures and memory are an operator's business, so:
 * - with METRICS_TOKEN set, only a request with `Authorization: Bearer <token>` (compared in
 *   constant time) is answered; any other gets 401 with `WWW-Authenticate: Bearer`. That is what a
 *   Prometheus scrape job sends with `authorization: { credentials_file: … }`;
 * - without it, /metrics is open outside production (local development, tests) and answers 404 in
 *   production, like any route that does not exist, so an API port reachable from the internet
 *   tells nothing.
 */
import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

interface MetricsAccess {
  /** METRICS_TOKEN. */
  token: string | undefined;
  isProduction: boolean;
}

/** Express middleware for GET /metrics, in front of the route that renders them. */
export function metricsAccess(access: MetricsAccess): RequestHandler {
  const expected = access.token === undefined ? undefined : digest(access.token);
  return (request, response, next) => {
    if (expected === undefined) {
      if (!access.isProduction) return next();
      response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    // Digests of equal length, so neither the token's length nor its prefix leaks through timing.
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    response
      .status(401)
      .set('www-authenticate', 'Bearer realm="metrics"')
      .json({ errors: [{ message: 'A valid metrics token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * The request id that ties an HTTP request to every log line it causes
 * (docs/operations.md, "Logs"): taken from an incoming `X-Request-Id` when
 * it is sane (a load balancer's or a client's), generated otherwise,
 * returned in the response's `X-Request-Id`, and carried through the async
 * work of the request by AsyncLocalStorage, so the logger adds it to each
 * line without anyone passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const REQUEST_ID_HEADER = 'x-request-id';

/** Printable, no spaces or quotes, at most 128 characters: safe to log and to echo back in a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request whose work is running, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The incoming id when sane, else a new UUID. */
function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Gives each request its id (response header, `res.locals.requestId`) and runs the rest of it under that id. */
export function assignRequestId(): RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.locals.requestId = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, next);
  };
}

/**
 * Reads a request's raw body. The signature's body_md5 covers the exact bytes, so the API never
 * lets a JSON parser near them; the reader is mounted per route so that mounting the router at
 * the app root never consumes the body of some other route such as /graphql.
 */
import express, { type RequestHandler } from 'express';
import { sendText } from './errors';

/** Middleware leaving the body as a Buffer in `req.body`; 413 above `maxBytes`, 400 if unreadable. */
export function rawBodyReader(maxBytes: number): RequestHandler {
  const parse = express.raw({ type: () => true, limit: maxBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error) {
        if (statusOf(error) === 413) sendText(res, 413, `Request body too large (maximum ${maxBytes} bytes)`);
        else sendText(res, 400, 'Could not read the request body');
        return;
      }
      next();
    });
  };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

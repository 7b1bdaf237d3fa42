/**
 * How the HTTP API answers: plain-text error bodies like the hosted service, and a wrapper that
 * turns a thrown HttpError into its status and anything else into a logged 500, so no error
 * reaches the app's own error handler (which may print stacks in development).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PusherLogger } from '../logger';

/** A refusal with the status and plain-text body to answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Answers with a plain-text body, unless an earlier step (such as a fault seam) already answered. */
export function sendText(res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.status(status).type('text/plain').send(text);
}

/** Wraps a route handler: HttpError → its status and text, anything else → 500 (logged). */
export function answering(
  log: PusherLogger,
  handler: (req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof HttpError) {
        sendText(res, error.status, error.message);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      log.error({ error: message }, 'pusher-server: HTTP API handler failed');
      sendText(res, 500, 'Internal Server Error');
    }
  };
}

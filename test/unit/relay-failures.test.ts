/**
 * What the Pusher relay does when a publish fails (docs/realtime.md, "Pusher
 * relay"): network trouble, our own deadline, 5xx, 429, 408 and 401 are
 * retried with jittered exponential backoff; 403 and 404 pause the whole
 * relay, probing at doubling intervals; any other 4xx rejects the events,
 * 413 marked as too large. The reason recorded is "network: …" or
 * "HTTP <status>: <body, trimmed, at most 500 characters>".
 *
 * Failures are the real objects the `pusher` SDK rejects with: its
 * RequestError (pusher/lib/errors), wrapping node-fetch's FetchError or
 * AbortError for network failures, or carrying status and body for HTTP ones.
 */
import Pusher from 'pusher';
import { backoffDelay, classifyFailure, pauseDelay } from '../../src/realtime/pusher-relay/failures';
import { PublishDeadlineError } from '../../src/realtime/pusher-relay/publisher';

interface SdkRequestError extends Error {
  url: string;
  error?: Error;
  status?: number;
  body?: string;
}
type RequestErrorConstructor = new (
  message: string,
  url: string,
  error?: Error,
  status?: number,
  body?: string,
) => SdkRequestError;
type FetchErrorConstructor = new (message: string, type: string, systemError?: Error) => Error & { code?: string };
type AbortErrorConstructor = new (message: string) => Error;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RequestError } = require('pusher/lib/errors') as { RequestError: RequestErrorConstructor };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FetchError, AbortError } = require('node-fetch') as {
  FetchError: FetchErrorConstructor;
  AbortError: AbortErrorConstructor;
};

const URL = 'http://127.0.0.1:4567/apps/123/batch_events?auth_key=key';
/** Reasons leave out the signed query string. */
const BARE = 'http://127.0.0.1:4567/apps/123/batch_events';

/** What the SDK rejects with when the server answers with an error status (lib/requests.js). */
function httpError(status: number, body?: string): SdkRequestError {
  return new RequestError(`Unexpected status code ${status}`, URL, undefined, status, body);
}

/** What the SDK rejects with when fetch itself fails (lib/requests.js). */
function requestFailed(cause?: Error): SdkRequestError {
  return new RequestError('Request failed with an error', URL, cause);
}

/** node-fetch's wrapping of a socket error, as it rejects a request. */
function socketFailure(message: string, code: string, syscall: string): Error {
  const systemError = Object.assign(new Error(message), { code, syscall });
  return new FetchError(`request to ${URL} failed, reason: ${message}`, 'system', systemError);
}

describe('the SDK errors used here are the real ones', () => {
  it('RequestError is the class the SDK exports and rejects with', () => {
    expect(Pusher.RequestError).toBe(RequestError);
    const error = httpError(503, 'Service Unavailable');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'PusherRequestError',
      message: 'Unexpected status code 503',
      url: URL,
      status: 503,
      body: 'Service Unavailable',
    });
    expect(error.error).toBeUndefined();
  });

  it('a network RequestError has no status and carries the cause', () => {
    const cause = socketFailure('connect ECONNREFUSED 127.0.0.1:4567', 'ECONNREFUSED', 'connect');
    const error = requestFailed(cause);
    expect(error.status).toBeUndefined();
    expect(error.body).toBeUndefined();
    expect(error.error).toBe(cause);
    expect(cause).toMatchObject({ name: 'FetchError', code: 'ECONNREFUSED' });
    expect(new AbortError('The user aborted a request.').name).toBe('AbortError');
  });
});

describe('classifyFailure', () => {
  describe('network failures and timeouts: retry', () => {
    // prettier-ignore
    it.each([
      ['connection refused', requestFailed(socketFailure('connect ECONNREFUSED 127.0.0.1:4567', 'ECONNREFUSED', 'connect')), `network: request to ${BARE} failed, reason: connect ECONNREFUSED 127.0.0.1:4567`],
      ['connection reset', requestFailed(socketFailure('read ECONNRESET', 'ECONNRESET', 'read')), `network: request to ${BARE} failed, reason: read ECONNRESET`],
      ['socket hang up', requestFailed(socketFailure('socket hang up', 'ECONNRESET', 'read')), `network: request to ${BARE} failed, reason: socket hang up`],
      ['DNS failure', requestFailed(socketFailure('getaddrinfo ENOTFOUND api-mt1.pusher.com', 'ENOTFOUND', 'getaddrinfo')), `network: request to ${BARE} failed, reason: getaddrinfo ENOTFOUND api-mt1.pusher.com`],
      ['the SDK’s own timeout (an AbortError)', requestFailed(new AbortError('The user aborted a request.')), 'network: request timed out'],
      ['an AbortError from the platform’s fetch', requestFailed(new DOMException('This operation was aborted', 'AbortError')), 'network: request timed out'],
      ['our deadline', new PublishDeadlineError(5000), 'network: request timed out'],
      ['our deadline at shutdown (abortAll)', new PublishDeadlineError(0), 'network: request timed out'],
      ['a RequestError without a cause', requestFailed(), 'network: Request failed with an error'],
      ['a body that broke off (node-fetch rejects without a RequestError)', new FetchError(`Invalid response body while trying to fetch ${URL}: socket hang up`, 'system'), `network: Invalid response body while trying to fetch ${BARE}: socket hang up`],
      ['any other error', new Error('boom'), 'network: boom'],
      ['a thrown string', 'boom', 'network: boom'],
    ])('%s', (_label, error, reason) => {
      expect(classifyFailure(error)).toStrictEqual({ kind: 'retry', reason });
    });

    it('PublishDeadlineError says "request timed out" and keeps its deadline', () => {
      const error = new PublishDeadlineError(5000);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'PublishDeadlineError', message: 'request timed out', deadlineMs: 5000 });
    });
  });

  describe('HTTP answers', () => {
    it.each([
      [500, 'Internal Server Error', 'retry'],
      [501, 'Not Implemented', 'retry'],
      [502, 'Bad Gateway', 'retry'],
      [503, 'Service Unavailable', 'retry'],
      [504, 'Gateway Timeout', 'retry'],
      [429, 'Too Many Requests', 'retry'],
      [408, 'Request Timeout', 'retry'],
      [401, 'Timestamp expired: Given timestamp (1750000000) not within 600s of server time (1750000700)', 'retry'],
      [403, 'Over quota', 'pause'],
      [404, 'Unknown app', 'pause'],
    ])('%i → %s', (status, body, kind) => {
      expect(classifyFailure(httpError(status, body))).toStrictEqual({ kind, reason: `HTTP ${status}: ${body}` });
    });

    it.each([
      [400, 'Invalid channel name', false],
      [405, 'Method Not Allowed', false],
      [409, 'Conflict', false],
      [410, 'Gone', false],
      [422, 'Unprocessable Entity', false],
      [413, 'Request Entity Too Large', true],
    ])('%i → reject (tooLarge: %s)', (status, body, tooLarge) => {
      expect(classifyFailure(httpError(status, body))).toStrictEqual({
        kind: 'reject',
        reason: `HTTP ${status}: ${body}`,
        tooLarge,
      });
    });
  });

  describe('the reason text: HTTP <status>: <body trimmed to 500 characters>', () => {
    it('trims white space around the body', () => {
      expect(classifyFailure(httpError(403, '  Over quota\n')).reason).toBe('HTTP 403: Over quota');
      expect(classifyFailure(httpError(401, '{"error":"Invalid signature"}\r\n')).reason).toBe(
        'HTTP 401: {"error":"Invalid signature"}',
      );
    });

    it('keeps the first 500 characters of a long body', () => {
      const failure = classifyFailure(httpError(400, 'x'.repeat(600)));
      expect(failure.reason).toBe(`HTTP 400: ${'x'.repeat(500)}`);
      expect(failure.reason).toHaveLength(510);
    });

    it('keeps a body of exactly 500 characters whole', () => {
      expect(classifyFailure(httpError(400, 'y'.repeat(500))).reason).toBe(`HTTP 400: ${'y'.repeat(500)}`);
    });

    it('trims before cutting, so leading white space does not use up the 500', () => {
      const body = `${' '.repeat(10)}${'a'.repeat(495)}${'b'.repeat(10)}`;
      expect(classifyFailure(httpError(500, body)).reason).toBe(`HTTP 500: ${'a'.repeat(495)}bbbbb`);
    });

    it('falls back to the SDK message when there is no body', () => {
      expect(classifyFailure(httpError(502)).reason).toBe('HTTP 502: Unexpected status code 502');
    });

    it('keeps an empty body empty', () => {
      expect(classifyFailure(httpError(502, '')).reason).toBe('HTTP 502: ');
    });

    it('keeps tooLarge on a long 413', () => {
      expect(classifyFailure(httpError(413, `  ${'z'.repeat(700)}`))).toStrictEqual({
        kind: 'reject',
        reason: `HTTP 413: ${'z'.repeat(500)}`,
        tooLarge: true,
      });
    });
  });
});

describe('backoffDelay: between half and all of min(max, base × 2^(attempt−1))', () => {
  const low = () => 0;
  const high = () => 1;
  const middle = () => 0.5;

  it.each([
    // attempt, base, max, ceiling, with random() = 0, 1 and 0.5
    [1, 1000, 30000, 1000, 500, 1000, 750],
    [2, 1000, 30000, 2000, 1000, 2000, 1500],
    [3, 1000, 30000, 4000, 2000, 4000, 3000],
    [4, 1000, 30000, 8000, 4000, 8000, 6000],
    [5, 1000, 30000, 16000, 8000, 16000, 12000],
    [6, 1000, 30000, 30000, 15000, 30000, 22500], // 32000 capped
    [7, 1000, 30000, 30000, 15000, 30000, 22500],
    [50, 1000, 30000, 30000, 15000, 30000, 22500],
    [5000, 1000, 30000, 30000, 15000, 30000, 22500], // 2^4999 overflows to Infinity: still the cap
    [0, 1000, 30000, 1000, 500, 1000, 750], // attempt 0 counts as the first
    [1, 250, 60000, 250, 125, 250, 188], // 125 + 62.5 = 187.5 → 188
    [3, 250, 60000, 1000, 500, 1000, 750],
    [1, 1000, 1000, 1000, 500, 1000, 750], // base at the cap
    [1, 5000, 1000, 1000, 500, 1000, 750], // base above the cap
  ])('attempt %i, base %i, max %i: ceiling %i', (attempt, base, max, _ceiling, atLow, atHigh, atMiddle) => {
    expect(backoffDelay(attempt, base, max, low)).toBe(atLow);
    expect(backoffDelay(attempt, base, max, high)).toBe(atHigh);
    expect(backoffDelay(attempt, base, max, middle)).toBe(atMiddle);
  });

  it('rounds to whole milliseconds', () => {
    // ceiling 333: 166.5 + 0 → 167; 166.5 + 166.5 → 333; 166.5 + 0.25 × 166.5 = 208.125 → 208
    expect(backoffDelay(1, 333, 10000, low)).toBe(167);
    expect(backoffDelay(1, 333, 10000, high)).toBe(333);
    expect(backoffDelay(1, 333, 10000, () => 0.25)).toBe(208);
  });

  it('stays within [ceiling/2, ceiling] with the real random source', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(30000, 1000 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt, 1000, 30000);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});

describe('pauseDelay: base doubling per pause in a row, capped at max, no jitter', () => {
  it.each([
    [1, 5000],
    [2, 10000],
    [3, 20000],
    [4, 40000],
    [5, 80000],
    [6, 160000],
    [7, 300000], // 320000 capped
    [8, 300000],
    [100, 300000],
    [5000, 300000], // 2^4999 overflows to Infinity: still the cap
    [0, 5000], // no pause yet counts as the first
  ])('pause %i in a row → %i ms', (pauses, expected) => {
    expect(pauseDelay(pauses, 5000, 300000)).toBe(expected);
  });

  it('never exceeds a cap below the base', () => {
    expect(pauseDelay(1, 5000, 2000)).toBe(2000);
  });
});

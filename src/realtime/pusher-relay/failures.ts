/**
 * What a failed publish means for the events in it (docs/realtime.md,
 * "Pusher relay"):
 * - retry: network errors, our own deadline, 5xx, 429, 408 and 401 (clock
 *   skew, or credentials about to be fixed) may succeed later;
 * - pause: 403 (over quota or app disabled) and 404 (no such app: a
 *   configuration mistake) would fail the same way for every event, so
 *   the whole relay pauses and probes;
 * - reject: any other 4xx fails the same way every time for this event.
 */
import { PublishDeadlineError } from './publisher';

type FailureKind = 'retry' | 'pause' | 'reject';

export interface PublishFailure {
  kind: FailureKind;
  reason: string;
  /** 413: the payload (or the whole request) was over the server's limit. */
  tooLarge?: boolean;
}

export function classifyFailure(error: unknown): PublishFailure {
  if (error instanceof PublishDeadlineError) return { kind: 'retry', reason: `network: ${error.message}` };
  const { status, body, message } = (error ?? {}) as { status?: number; body?: string; message?: string };
  if (status === undefined) {
    // No answer: the network, or a body that broke off. Anything unknown is retried too; what never
    // succeeds is dead-lettered once it is older than maxEventAgeMs.
    const cause = (error as { error?: { message?: string; name?: string } }).error;
    const detail = cause?.name === 'AbortError' ? 'request timed out' : (cause?.message ?? message ?? String(error));
    return { kind: 'retry', reason: `network: ${withoutQueries(detail)}` };
  }
  const reason = `HTTP ${status}: ${String(body ?? message ?? '')
    .trim()
    .slice(0, 500)}`;
  if (status === 403 || status === 404) return { kind: 'pause', reason };
  if (status >= 500 || status === 429 || status === 408 || status === 401) return { kind: 'retry', reason };
  return { kind: 'reject', reason, tooLarge: status === 413 };
}

/** URLs without their query: the signed query (key, timestamp, signature) says nothing useful in a log. */
function withoutQueries(text: string): string {
  return text.replace(/(https?:\/\/[^\s?]+)\?[^\s:]*/g, '$1');
}

/** Exponential backoff with jitter: between half and all of base × 2^(attempt−1), capped at max. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How long the n-th pause in a row lasts: base doubling up to max (no jitter: one relay, one probe). */
export function pauseDelay(pausesInARow: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, pausesInARow - 1));
}

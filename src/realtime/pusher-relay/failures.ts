/**
 * What a failed publish means for the events in it (pusher-reference.md §7):
 * - retry: network errors, timeouts, 5xx, 429 and 401 (clock skew, or
 *   credentials about to be fixed) may succeed later;
 * - pause: 403 (over quota or app disabled) and 404 (no such app: a
 *   configuration mistake) stop all publishing for a while, since every
 *   event would fail the same way;
 * - reject: any other 4xx fails the same way every time for this event.
 */
export type FailureKind = 'retry' | 'pause' | 'reject';

export interface PublishFailure {
  kind: FailureKind;
  reason: string;
  /** 413: the payload (or the whole request) was over the server's limit. */
  tooLarge?: boolean;
}

export function classifyFailure(error: unknown): PublishFailure {
  const { status, body, message } = error as { status?: number; body?: string; message?: string };
  if (status === undefined) {
    const cause = (error as { error?: { message?: string; name?: string } }).error;
    return { kind: 'retry', reason: `network: ${cause?.name === 'AbortError' ? 'request timed out' : (cause?.message ?? message ?? String(error))}` };
  }
  const reason = `HTTP ${status}: ${String(body ?? message ?? '').trim().slice(0, 500)}`;
  if (status === 403 || status === 404) return { kind: 'pause', reason };
  if (status >= 500 || status === 429 || status === 408 || status === 401) return { kind: 'retry', reason };
  return { kind: 'reject', reason, tooLarge: status === 413 };
}

/** Exponential backoff with jitter: between half and all of base × 2^(attempt−1), capped at max. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

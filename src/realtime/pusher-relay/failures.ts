/**
 * What a failed publish means for the events in it (pusher-reference.md §7):
 * network errors, timeouts, 5xx, 429 and 401 (clock skew, or credentials
 * about to be fixed) may succeed later; 403 means the account is over quota
 * or disabled; any other 4xx will fail the same way every time.
 */
export type FailureKind = 'retry' | 'quota' | 'reject';

export interface PublishFailure {
  kind: FailureKind;
  reason: string;
}

export function classifyFailure(error: unknown): PublishFailure {
  const { status, body, message } = error as { status?: number; body?: string; message?: string };
  if (status === undefined) {
    const cause = (error as { error?: { message?: string; name?: string } }).error;
    return { kind: 'retry', reason: `network: ${cause?.name === 'AbortError' ? 'request timed out' : (cause?.message ?? message ?? String(error))}` };
  }
  const reason = `HTTP ${status}: ${String(body ?? message ?? '').trim().slice(0, 500)}`;
  if (status === 403) return { kind: 'quota', reason };
  if (status >= 500 || status === 429 || status === 408 || status === 401) return { kind: 'retry', reason };
  return { kind: 'reject', reason };
}

/** Exponential backoff with jitter: between half and all of base × 2^(attempt−1), capped at max. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Waiting for something to become true, never for a fixed time: a test
 * that waits 300 ms to prove nothing happened proves nothing on a slow
 * machine and wastes time on a fast one.
 */
import type { GraphQLResponse } from './test-app';

/** Polls (every 10 ms) until `predicate` holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The data of a response that must have succeeded. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

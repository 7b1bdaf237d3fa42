/**
 * Calls for the same key made while one is already running share its
 * result instead of starting another: when a thousand screens open the same
 * stocktake at once, one read answers them all. Nothing is kept once the
 * call settles, so a later call always reads afresh.
 */
export function singleFlight<K, V>(run: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const running = new Map<K, Promise<V>>();
  return (key) => {
    const known = running.get(key);
    if (known) return known;
    const started = run(key).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}

/**
 * Calls with the same key made before a read has begun share it. The read begins on the next turn of
 * the event loop (setImmediate), after every call that joined it, so what it returns is at least as
 * fresh as each caller needs: unlike `singleFlight`, a caller never receives a read that began before
 * it called (a subscriber that listened for live events and then reads the stored ones must not get
 * a read that began before it listened). When a thousand subscribers of one stocktake arrive in one
 * turn, one read answers them all.
 */
export function coalesced<A extends unknown[], V>(
  run: (...args: A) => Promise<V>,
  keyOf: (...args: A) => string,
): (...args: A) => Promise<V> {
  const waiting = new Map<string, Promise<V>>();
  return (...args) => {
    const key = keyOf(...args);
    const known = waiting.get(key);
    if (known) return known;
    const read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // From here on a call starts a read of its own.
      waiting.delete(key);
      return run(...args);
    });
    waiting.set(key, read);
    return read;
  };
}

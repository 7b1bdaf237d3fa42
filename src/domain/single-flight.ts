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

/**
 * Whether the demo can reach the API, and when it is back. Offline is the
 * "Simulate a network break" button or the browser saying it has no
 * network; "back" is the live connection connected again after it was
 * down (or the browser online again): the moment to send the counts queued
 * meanwhile (offline-queue.js) and to join the stocktake again (presence.js).
 */
export function createConnectivity() {
  let simulatedBreak = false;
  let everConnected = false;
  let down = false;
  const onBack = new Set();
  const onChange = new Set();
  const changed = () => {
    for (const listener of onChange) listener();
  };
  const back = () => {
    for (const listener of onBack) listener();
    changed();
  };
  window.addEventListener('online', back);

  return {
    get offline() {
      return simulatedBreak || navigator.onLine === false;
    },
    setSimulatedBreak(value) {
      simulatedBreak = value;
      changed();
    },
    /** The live transport's state (connected, connecting, unavailable, …). */
    liveState(state) {
      if (state !== 'connected') {
        if (everConnected) down = true;
        return;
      }
      const wasDown = down;
      everConnected = true;
      down = false;
      if (wasDown) back();
    },
    /** Calls `listener` each time the connection is back; returns the unsubscribe. */
    whenBack(listener) {
      onBack.add(listener);
      return () => onBack.delete(listener);
    },
    /** Calls `listener` when going offline or back; returns the unsubscribe. */
    whenChanged(listener) {
      onChange.add(listener);
      return () => onChange.delete(listener);
    },
  };
}

/**
 * The legacy way: pusher-js on the contract's channels and event names
 * (docs/realtime.md), configured from GET /pusher/config, exactly as an
 * existing frontend would. What it adds to a naive listener is what the
 * contract's `meta.sequence` is for:
 * - a sequence seen before is a repeat (delivery is at least once): dropped;
 * - a jump means events were missed (a reconnect, a dropped message): the
 *   missing ones are read with the `channelEvents` query first, in order;
 * - after (re)subscribing, whatever the channel got meanwhile is read the same way;
 * - a slim payload (`refetch: true`) is applied by refetching (the views do that).
 */
import { loadScript } from './load-script.js';
import { LIST_EVENTS, STOCKTAKE_EVENTS, fromPusher, listChannel, stocktakeChannel } from './channels.js';

export async function createPusherLive(api, onState) {
  const [, config] = await Promise.all([
    loadScript('vendor/pusher.min.js'),
    fetch(new URL('/pusher/config', location.href)).then((response) => response.json()),
  ]);
  const pusher = new window.Pusher(config.key, {
    cluster: config.cluster,
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    wssPort: config.wsPort,
    forceTLS: config.forceTLS,
    enabledTransports: config.enabledTransports,
    // Private channels (PUSHER_CHANNEL_PREFIX=private-) are authorized with the same token.
    channelAuthorization: {
      endpoint: new URL(config.channelAuthorization.endpoint, location.href).href,
      transport: 'ajax',
      headers: { Authorization: `Bearer ${api.token}` },
    },
  });
  const followers = new Set();
  let wasConnected = false;
  pusher.connection.bind('state_change', ({ current }) => {
    onState(current);
    // Back after a break: events sent meanwhile never reached this socket.
    if (current === 'connected' && wasConnected) for (const follower of followers) follower.catchUp();
    if (current === 'connected') wasConnected = true;
  });
  onState(pusher.connection.state);

  /**
   * Follows `channel` from `fromSequence` (the sequence the screen's data
   * was loaded at), calling `onEvent` with each event once, in order.
   */
  function follow(channel, eventNames, fromSequence, onEvent, prefix) {
    // The last event applied; bulk-lines-updated may come in parts that share one sequence.
    let last = fromSequence;
    let lastPart = 1;
    let lastParts = 1;
    let queue = Promise.resolve();
    const apply = (event) => {
      const laterPart = event.sequence === last && event.part > lastPart;
      if (event.sequence <= last && !laterPart) return;
      [last, lastPart, lastParts] = [event.sequence, event.part, event.parts];
      onEvent(event);
    };
    const catchUpNow = async () => {
      // An event whose parts did not all arrive is read again, whole (channelEvents holds the full payload).
      if (lastPart < lastParts) [last, lastPart, lastParts] = [last - 1, 1, 1];
      for (const stored of await api.eventsAfter(channel, last)) apply(fromPusher(stored.name, stored.payload));
    };
    const missedSome = (event) => event.sequence > last + 1 || (lastPart < lastParts && event.sequence > last);
    // One at a time, so events apply in sequence order even while a catch-up is being read.
    const serially = (work) => {
      queue = queue.then(work).catch((error) => console.error('live update failed', error));
      return queue;
    };
    const follower = { catchUp: () => serially(catchUpNow) };
    followers.add(follower);

    const name = `${prefix ?? ''}${channel}`;
    const subscription = pusher.subscribe(name);
    subscription.bind('pusher:subscription_succeeded', follower.catchUp);
    for (const eventName of eventNames) {
      subscription.bind(eventName, (payload) =>
        serially(async () => {
          const event = fromPusher(eventName, payload);
          if (missedSome(event)) await catchUpNow();
          apply(event);
        }),
      );
    }
    return () => {
      followers.delete(follower);
      subscription.unbind_all();
      pusher.unsubscribe(name);
    };
  }

  return {
    name: 'pusher',
    followList: (hotel, from, onEvent) => follow(listChannel(hotel), LIST_EVENTS, from, onEvent, config.channelPrefix),
    // With presence channels switched on (collaboration work), details have a prefix of their own.
    followStocktake: (hotel, id, from, onEvent) =>
      follow(
        stocktakeChannel(hotel, id),
        STOCKTAKE_EVENTS,
        from,
        onEvent,
        config.detailChannelPrefix ?? config.channelPrefix,
      ),
    /** Drops the connection as a network break would; back online, pusher-js resubscribes and this catches up. */
    setOffline: (offline) => (offline ? pusher.disconnect() : pusher.connect()),
    close: () => pusher.disconnect(),
  };
}

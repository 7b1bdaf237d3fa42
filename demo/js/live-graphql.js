/**
 * The GraphQL way: graphql-ws subscriptions `stocktakeListEvents` and
 * `stocktakeEvents` (docs/realtime.md, "GraphQL subscriptions").
 *
 * Catch-up on reconnect: each subscription starts with `afterSequence` =
 * the sequence the screen's data was loaded at, and every event applied
 * moves it on. The graphql-ws client resends a subscription's payload
 * object when it reconnects, so it resumes after the last event applied and
 * the server replays whatever was committed meanwhile, with no gap and no
 * repeat.
 */
import { LINE_FIELDS, PROGRESS_FIELDS } from './api.js';
import { loadScript } from './load-script.js';

const COMMON = `... on RealtimeEvent { name sequence actor { id name } }`;

const LIST_SUBSCRIPTION = `subscription ListEvents($hotel: String!, $after: Int) {
  stocktakeListEvents(hotel: $hotel, afterSequence: $after) {
    ${COMMON}
    ... on StocktakeCreatedEvent { stocktake { id } }
    ... on StocktakeDeletedEvent { stocktakeId }
    ... on StocktakeStatusChangedEvent { stocktakeId status uncountedLines }
  }
}`;

/** Members of the StocktakeEvent union that come with the collaboration work, selected only when the schema has them. */
const OPTIONAL_MEMBERS = {
  BulkLinesUpdatedEvent: `... on BulkLinesUpdatedEvent { stocktakeId linesUpdated lines { ${LINE_FIELDS} } ${PROGRESS_FIELDS} }`,
  UserJoinedEvent: `... on UserJoinedEvent { user { id name } }`,
  UserLeftEvent: `... on UserLeftEvent { user { id name } }`,
  UserEditingLineEvent: `... on UserEditingLineEvent { lineId user { id name } }`,
  UserStoppedEditingLineEvent: `... on UserStoppedEditingLineEvent { lineId user { id name } }`,
};
const MEMBERS = `query StocktakeEventMembers { __type(name: "StocktakeEvent") { possibleTypes { name } } }`;

const stocktakeSubscription = (members) => `subscription StocktakeEvents($id: ID!, $after: Int) {
  stocktakeEvents(stocktakeId: $id, afterSequence: $after) {
    ${COMMON}
    ${members.map((member) => OPTIONAL_MEMBERS[member] ?? '').join('\n    ')}
    ... on LineCountedUpdatedEvent { lineId itemSku line { ${LINE_FIELDS} } ${PROGRESS_FIELDS} }
    ... on LineMovementAddedEvent { lineId itemSku movement { movementType quantity } line { ${LINE_FIELDS} } ${PROGRESS_FIELDS} }
    ... on LineMovementUpdatedEvent { lineId itemSku line { ${LINE_FIELDS} } ${PROGRESS_FIELDS} }
    ... on LineMovementDeletedEvent { lineId itemSku line { ${LINE_FIELDS} } ${PROGRESS_FIELDS} }
    ... on StocktakePopulatedEvent { stocktakeId linesCreated }
    ... on StocktakeStatusChangedEvent { stocktakeId status uncountedLines }
  }
}`;

/** A subscription's event as the views apply it (the same shape as the Pusher variant's). */
function normalize(event) {
  return {
    name: event.name,
    sequence: event.sequence,
    actor: event.actor,
    refetch: false,
    stocktakeId: String(event.stocktakeId ?? event.stocktake?.id ?? event.line?.stocktakeId ?? ''),
    lineId: event.lineId ?? null,
    itemSku: event.itemSku ?? null,
    line: event.line ?? null,
    status: event.status ?? null,
    movement: event.movement ?? null,
    linesCreated: event.linesCreated ?? null,
    lines: event.lines ?? null,
    linesUpdated: event.linesUpdated ?? null,
    part: 1,
    parts: 1,
    user: event.user ?? null,
    progress: event.progress ?? null,
    uncountedLines: event.uncountedLines ?? null,
  };
}

export async function createGraphqlLive(api, onState) {
  // Introspection is on outside production, where the demo runs; without it, the base members only.
  const [, members] = await Promise.all([
    loadScript('vendor/graphql-ws.js'),
    api
      .request(MEMBERS)
      .then((data) => (data.__type?.possibleTypes ?? []).map((type) => type.name))
      .catch(() => []),
  ]);
  const STOCKTAKE_SUBSCRIPTION = stocktakeSubscription(members);
  const url = new URL('/graphql', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // "Simulate a network break" holds reconnecting until it is switched off again.
  let online = Promise.resolve();
  let goOnline = () => {};
  const client = window.graphqlWs.createClient({
    url: url.href,
    connectionParams: { authorization: `Bearer ${api.token}` },
    // A demo left open should come back by itself after a restart or a network break.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await online;
      // Exponential backoff from half a second up to ten, with jitter so that many tabs do not come back at once.
      const delay = Math.min(500 * 2 ** retries, 10_000) + Math.random() * 300;
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    on: {
      connecting: () => onState('connecting'),
      connected: () => onState('connected'),
      closed: () => onState('unavailable'),
    },
  });
  onState('connecting');

  /** `onLost` is called when the server ends the subscription with an error (e.g. HISTORY_EXPIRED): reload. */
  function follow(query, variables, fromSequence, onEvent, onLost) {
    const payload = { query, variables: { ...variables, after: fromSequence } };
    return client.subscribe(payload, {
      next: ({ data, errors }) => {
        if (errors?.length || !data) {
          console.error('subscription refused', errors);
          onLost?.();
          return;
        }
        const event = normalize(Object.values(data)[0]);
        if (event.sequence <= payload.variables.after) return;
        // What a reconnect resubscribes with (see above).
        payload.variables.after = event.sequence;
        onEvent(event);
      },
      error: (error) => {
        console.error('subscription ended', error);
        onLost?.();
      },
      complete: () => {},
    });
  }

  return {
    name: 'graphql',
    followList: (hotel, from, onEvent, onLost) => follow(LIST_SUBSCRIPTION, { hotel }, from, onEvent, onLost),
    followStocktake: (_hotel, id, from, onEvent, onLost) =>
      follow(STOCKTAKE_SUBSCRIPTION, { id }, from, onEvent, onLost),
    /** Runs a query or mutation over the socket (presence over graphql-ws lasts as long as the connection). */
    request(query, variables) {
      return new Promise((resolve, reject) => {
        let result;
        client.subscribe(
          { query, variables },
          {
            next: (value) => (result = value),
            error: reject,
            complete: () =>
              result?.errors?.length ? reject(new Error(result.errors[0].message)) : resolve(result?.data),
          },
        );
      });
    },
    /** Drops the socket as a network break would, and reconnects only when set back online. */
    setOffline(offline) {
      if (offline) {
        online = new Promise((resolve) => (goOnline = resolve));
        client.terminate();
      } else {
        goOnline();
      }
    },
    close: () => client.dispose(),
  };
}

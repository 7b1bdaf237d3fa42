/**
 * A small typed client of the public API (README, "First five minutes"):
 * lists a hotel's stocktakes over HTTP, then follows the hotel's list and one
 * stocktake over graphql-ws, printing one line per event. Its documents are
 * typed by codegen from examples/operations.graphql.
 *
 * Catch-up on reconnect: graphql-ws reconnects by itself and sends each
 * subscription again; the variables it sends are the object given here, in
 * which `afterSequence` and `epoch` always hold the position of the last event
 * seen, so the server replays exactly what was missed (docs/realtime.md,
 * "afterSequence"). When it cannot (the database was restored, or the history
 * was pruned) it answers HISTORY_EXPIRED with where the channel stands now;
 * a real screen would reload its data there, this one follows from it
 * (docs/realtime.md, "Positions and epochs").
 *
 *   npx ts-node -T examples/stocktake-client.ts --token <banner token> \
 *     [--url http://localhost:4000/graphql] [--hotel hotel-killarney] [--stocktake ID] \
 *     [--after 0] [--exit-after N]
 *
 * STOCKTAKE_TOKEN may hold the token instead. Without --stocktake it follows the newest stocktake.
 * --after N replays each channel from after sequence N (default: 0, all that is kept);
 * --exit-after N stops after N events in all.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import {
  ExampleStocktakeEventsDocument,
  ExampleStocktakeListEventsDocument,
  ExampleStocktakesDocument,
} from './__generated__/graphql';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000/graphql' },
    token: { type: 'string', default: process.env.STOCKTAKE_TOKEN },
    hotel: { type: 'string', default: 'hotel-killarney' },
    stocktake: { type: 'string' },
    after: { type: 'string', default: '0' },
    'exit-after': { type: 'string' },
  },
});

async function query<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) {
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (!body.data) throw new Error(body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

/** The position to follow from after a HISTORY_EXPIRED refusal, if `errors` hold one. */
function expiredPosition(errors: readonly GraphQLFormattedError[] | undefined) {
  const expired = errors?.find((error) => error.extensions?.code === 'HISTORY_EXPIRED');
  if (!expired) return undefined;
  return { epoch: String(expired.extensions!.epoch), sequence: Number(expired.extensions!.sequence) };
}

async function main(): Promise<void> {
  if (!options.token) throw new Error('give the token from the start-up banner: --token … or STOCKTAKE_TOKEN=…');
  const exitAfter = options['exit-after'] === undefined ? Infinity : Number(options['exit-after']);
  // `stocktakes` is a connection: the first page's nodes, and pageInfo to ask for the next one.
  const { stocktakes } = await query(ExampleStocktakesDocument, { hotel: options.hotel, first: 20 });
  console.log(`${stocktakes.nodes.length} stocktakes at ${options.hotel}`);
  for (const s of stocktakes.nodes)
    console.log(`  #${s.id} ${s.periodStart}..${s.periodEnd} ${s.status} ${s.lineCount} lines`);
  if (stocktakes.pageInfo.hasNextPage) console.log(`  … more after cursor ${stocktakes.pageInfo.endCursor}`);
  const stocktakeId = options.stocktake ?? stocktakes.nodes[0]?.id;

  const client = createClient({
    url: options.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${options.token}` },
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  let seen = 0;
  const stops: Array<() => void> = [];
  const finished = new Promise<void>((resolve, reject) => {
    const counted = () => {
      seen += 1;
      if (seen >= exitAfter) resolve();
    };
    /** Subscribes with variables whose position follows what arrived, so a resubscription catches up. */
    const follow = <TData, TVariables extends { afterSequence?: number | null; epoch?: string | null }>(
      label: string,
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
      eventOf: (data: TData) => { __typename?: string; name: string; epoch: string; sequence: number },
      detail: (data: TData) => string,
    ) => {
      /** Told HISTORY_EXPIRED (when subscribing, or while following): go on from where the channel stands. */
      const restart = (position: { epoch: string; sequence: number }) => {
        console.log(`${label}: history expired; following from #${position.sequence} of epoch ${position.epoch}`);
        variables.afterSequence = position.sequence;
        variables.epoch = position.epoch;
        subscribe();
      };
      const subscribe = () =>
        stops.push(
          client.subscribe<TData, TVariables>(
            { query: print(document), variables },
            {
              next: (result) => {
                const expired = expiredPosition(result.errors);
                if (expired) return restart(expired);
                if (result.errors || !result.data) return reject(new Error(JSON.stringify(result.errors)));
                const event = eventOf(result.data);
                if (event.epoch === variables.epoch && event.sequence <= (variables.afterSequence ?? 0)) return; // a repeat
                variables.afterSequence = event.sequence;
                variables.epoch = event.epoch;
                console.log(`${label} #${event.sequence} ${event.name}${detail(result.data)}`);
                counted();
              },
              error: (error) => {
                const expired = Array.isArray(error) ? expiredPosition(error as GraphQLFormattedError[]) : undefined;
                if (expired) return restart(expired);
                reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
              },
              complete: () => undefined,
            },
          ),
        );
      subscribe();
    };
    const after = Number(options.after);
    follow(
      `list ${options.hotel}`,
      ExampleStocktakeListEventsDocument,
      { hotel: options.hotel, afterSequence: after },
      (data) => data.stocktakeListEvents,
      (data) => {
        const event = data.stocktakeListEvents;
        if (event.__typename === 'StocktakeCreatedEvent')
          return ` (#${event.stocktake.id} from ${event.stocktake.periodStart})`;
        if (event.__typename === 'StocktakeStatusChangedEvent') return ` (${event.status})`;
        return '';
      },
    );
    if (stocktakeId) {
      follow(
        `stocktake ${stocktakeId}`,
        ExampleStocktakeEventsDocument,
        { stocktakeId, afterSequence: after },
        (data) => data.stocktakeEvents,
        (data) => {
          const event = data.stocktakeEvents;
          if (event.__typename === 'LineCountedUpdatedEvent') {
            const { itemSku, countedQty, expectedQty, varianceValue } = event.line;
            return ` (${itemSku}: counted ${countedQty}, expected ${expectedQty}, variance value ${varianceValue})`;
          }
          if (event.__typename === 'StocktakePopulatedEvent') return ` (${event.linesCreated} lines created)`;
          return '';
        },
      );
    }
  });
  const stop = async () => {
    for (const unsubscribe of stops) unsubscribe();
    await client.dispose();
  };
  process.once('SIGINT', () => void stop());
  try {
    await finished;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * The cost model against measurement: each document of a list (honest ones and the worst a staff token
 * found) is sent many times, unique each time (a comment defeats the parsed-document caches), and the
 * server's CPU per request is set beside the price the model gives it. The model's unit is meant to be
 * COST_UNIT_MICROSECONDS of server CPU; a document is "within 2×" when its price × the unit is at least
 * half of what it cost (the limit then bounds a single request's CPU), or when the server refuses it.
 */
import 'reflect-metadata';
import { parse } from 'graphql';
import { createSchema } from '../../src/graphql/schema';
import { COST_UNIT_MICROSECONDS, operationCost } from '../../src/graphql/operation-limits';
import { postBody, type RawOutcome } from '../lib/api';
import { cpuMs, round } from '../lib/proc-stats';

export interface CalibrationDocument {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface CalibrationRow {
  name: string;
  price: number;
  /** Server CPU per request, ms. */
  cpuMs: number;
  /** Price × the unit, ms: what the model says it costs. */
  pricedMs: number;
  /** cpuMs / pricedMs: above 2 means the model under-prices it by more than 2×. */
  ratio: number;
  refused: boolean;
  /** Bytes of one answer. */
  bytes: number;
  codes: string[];
}

export interface CalibrationTarget {
  url: string;
  pid: number;
  token: string;
}

function send(target: CalibrationTarget, document: CalibrationDocument, unique: number): Promise<RawOutcome> {
  const body = JSON.stringify({ query: `# ${unique}\n${document.query}`, variables: document.variables ?? {} });
  return postBody(target.url, target.token, body);
}

let counter = 0;

/** CPU per request of each document (after `warmup` unmeasured requests), and its price. */
export async function calibrate(
  target: CalibrationTarget,
  documents: CalibrationDocument[],
  requests: number,
  warmup = 3,
): Promise<CalibrationRow[]> {
  const schema = await createSchema();
  const rows: CalibrationRow[] = [];
  for (const document of documents) {
    const price = operationCost(schema, parse(document.query), undefined, document.variables);
    for (let i = 0; i < warmup; i++) await send(target, document, (counter += 1));
    const before = cpuMs(target.pid);
    let last: RawOutcome = { status: 0, bytes: 0, codes: [] };
    for (let i = 0; i < requests; i++) last = await send(target, document, (counter += 1));
    const perRequest = (cpuMs(target.pid) - before) / requests;
    const pricedMs = (price * COST_UNIT_MICROSECONDS) / 1000;
    rows.push({
      name: document.name,
      price,
      cpuMs: round(perRequest, 3),
      pricedMs: round(pricedMs, 3),
      ratio: round(perRequest / pricedMs, 2),
      refused: last.codes.includes('GRAPHQL_VALIDATION_FAILED'),
      bytes: last.bytes,
      codes: last.codes,
    });
  }
  return rows;
}

/** `count` aliases of `field`: `a0: field a1: field …`. */
export function aliases(count: number, field: string): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');
}

const LINE_FIELDS =
  'id itemSku itemName categoryCode openingQty purchases waste expectedQty countedFullUnits countedPartialUnits countedQty varianceQty varianceValue expectedValue countedValue version';

/** What a staff member's client sends, honest and hostile (the worst found: issue 17), on a seeded stocktake. */
export function staffDocuments(hotel: string, stocktake: { id: number; channel: string; lineIds: number[] }) {
  const line = stocktake.lineIds[0]!;
  const documents: CalibrationDocument[] = [
    { name: 'me', query: '{me{id}}' },
    {
      name: 'a count (mutation)',
      query: `mutation{updateStocktakeLine(id:"${line}",input:{countedFullUnits:"3",countedPartialUnits:"1"}){id version countedQty varianceQty}}`,
    },
    {
      name: `stocktake detail (${stocktake.lineIds.length} lines)`,
      query: `{stocktake(id:"${stocktake.id}"){id status lines{${LINE_FIELDS}}}}`,
    },
    { name: 'stocktakeLine{id}', query: `{stocktakeLine(id:"${line}"){id}}` },
    { name: '20× stocktakeLine{id}', query: `{${aliases(20, `stocktakeLine(id:"${line}"){id}`)}}` },
    {
      name: 'stockItems(includeInactive) all fields',
      query: `{stockItems(hotel:"${hotel}",includeInactive:true){id sku name categoryCode size uom unitCost menuPrice}}`,
    },
    {
      name: '20× stockItems(includeInactive)',
      query: `{${aliases(20, `stockItems(hotel:"${hotel}",includeInactive:true){id sku name categoryCode size uom unitCost menuPrice}`)}}`,
    },
    {
      name: 'channelEvents(500){payload}',
      query: `{channelEvents(channel:"${stocktake.channel}",limit:500){payload}}`,
    },
    {
      name: '20× channelEvents(500){payload}',
      query: `{${aliases(20, `channelEvents(channel:"${stocktake.channel}",limit:500){payload}`)}}`,
    },
    {
      name: '20× stocktakes(first:100){nodes{id}}',
      query: `{${aliases(20, `stocktakes(hotel:"${hotel}",first:100){nodes{id}}`)}}`,
    },
    { name: '20× lineMovements', query: `{${aliases(20, `lineMovements(lineId:"${line}"){id}`)}}` },
    { name: '20× presence', query: `{${aliases(20, `presence(stocktakeId:"${stocktake.id}"){user{id}}`)}}` },
    { name: '20× hotel', query: `{${aliases(20, `hotel(identifier:"${hotel}"){identifier name}`)}}` },
    { name: '20× me{hotels}', query: `{${aliases(20, 'me{id hotels{identifier role}}')}}` },
  ];
  return documents;
}

/** The heaviest documents one user may send: what a flood of them is made of. */
export function heaviest(documents: CalibrationDocument[]): CalibrationDocument[] {
  return documents.filter((document) => /^20× (stocktakeLine|lineMovements|me)/.test(document.name));
}

export interface ShareResult {
  /** Server CPU over the flood, as a share of one core. */
  coreShare: number;
  seconds: number;
  answered: number;
  refused: number;
  /** Refusal codes seen (RATE_LIMITED expected). */
  codes: Record<string, number>;
}

/**
 * One token floods the server from `clients` connections at once (each sending its next request as soon
 * as the last is answered, every document unique): what share of a core does the server spend on them?
 */
export async function floodShare(
  target: CalibrationTarget,
  documents: CalibrationDocument[],
  clients: number,
  durationMs: number,
): Promise<ShareResult> {
  const codes: Record<string, number> = {};
  let answered = 0;
  let refused = 0;
  const deadline = performance.now() + durationMs;
  const before = cpuMs(target.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; performance.now() < deadline; i += clients) {
        const outcome = await send(target, documents[i % documents.length]!, (counter += 1));
        if (outcome.codes.length === 0) answered += 1;
        else refused += 1;
        for (const code of outcome.codes) codes[code] = (codes[code] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    coreShare: round((cpuMs(target.pid) - before) / 1000 / seconds, 3),
    seconds: round(seconds, 1),
    answered,
    refused,
    codes,
  };
}

/**
 * "HOSTILE": the worst documents an attacker has found, each sent many times to a production-mode
 * server, unique every time (a comment defeats Apollo's parsed-document cache), with the server
 * process's CPU per request (docs/operations.md, "Operation limits"). A request without a valid token
 * must cost at most ANONYMOUS_CPU_MS whatever it sends.
 *
 * To add a document, append to HOSTILE_DOCUMENTS: a name, who sends it (`caller`), and the body for a
 * unique number. A `caller` other than 'anonymous' is sent with the token of that name in the target.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { signToken } from '../../src/infrastructure/auth/tokens';
import { CpuWindow, round } from '../lib/proc-stats';
import { graphql, postBody, randomCounts, UPDATE_LINE, type RawOutcome } from '../lib/api';
import { HOTEL, populatedStocktakes, seedHotel } from '../lib/seed';
import { startServer, type RunningServer } from '../lib/server';
import { calibrate, floodShare, heaviest, staffDocuments } from './cost-calibration';
import { target, type ScenarioResult, type Suite } from './types';

/** What a request without a valid token may cost at most, in ms of server CPU (issue 17). */
export const ANONYMOUS_CPU_MS = 20;

export type HostileCaller = 'anonymous' | 'bad token' | 'staff';

export interface HostileDocument {
  name: string;
  caller: HostileCaller;
  /** The JSON body (text) of request number `unique`: every request's document differs, so no cache helps. */
  body(unique: number): string;
}

/** `{...F0} fragment F0 on Query{me{id}...F1} … fragment F<n-1> on Query{me{id}}`. */
export function fragmentChain(count: number): string {
  const fragments = Array.from(
    { length: count },
    (_, i) => `fragment F${i} on Query{me{id}${i + 1 < count ? `...F${i + 1}` : ''}}`,
  );
  return `{...F0} ${fragments.join(' ')}`;
}

/** `count` fragments, all spread at the top: many definitions, no chain. */
export function fragmentFan(count: number): string {
  const spreads = Array.from({ length: count }, (_, i) => `...F${i}`).join(' ');
  const fragments = Array.from({ length: count }, (_, i) => `fragment F${i} on Query{me{id}}`);
  return `{${spreads}} ${fragments.join(' ')}`;
}

/** `[[[…]]]` or `{"a":{"a":…}}` `depth` levels deep, as JSON text (JSON.stringify itself overflows on such values). */
export function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

/** `{me{id} me{id} …}`: one response name selected `count` times in one selection set. */
export function sameNameFields(count: number, selection = 'me{id}'): string {
  return `{${Array.from({ length: count }, () => selection).join(' ')}}`;
}

/** `{me{hotels{identifier …}…}…}`: each level `copies` times, so graphql-js compares every pair at every level. */
export function sameNameTree(copies: number, levels = ['me', 'hotels', 'identifier']): string {
  let selection = '';
  for (const field of [...levels].reverse()) {
    selection = Array.from({ length: copies }, () => (selection ? `${field}{${selection}}` : field)).join(' ');
  }
  return `{${selection}}`;
}

/** A request body whose query starts with a comment naming request `n`; `variables` is JSON text. */
export function requestBody(n: number, query: string, variables = '{}'): string {
  return `{"query":${JSON.stringify(`# ${n}\n${query}`)},"variables":${variables}}`;
}

/** Every scalar of a catalogue item: 20 aliases of them cost 86,302, far past the limit of 25,000. */
const CATALOGUE_FIELDS =
  'id sku name categoryCode categoryName size sizeUnit sizeValue uom unitCost costPerServing menuPrice active';

/**
 * Issue 23, point 1: 20 aliases of the catalogue behind `@include(if: $x)`. Requests go in pairs with one
 * document: the first with `x: false` (cheap: it primes any verdict kept with the document), the second
 * with `x: true`, which must be refused by its cost (86,302) rather than run on the first's verdict.
 */
function primedInclude(n: number): string {
  const aliases = Array.from(
    { length: 20 },
    (_, i) => `a${i}: stockItems(hotel: "${HOTEL}", includeInactive: true) { ${CATALOGUE_FIELDS} }`,
  ).join(' ');
  const query = `query Q($x: Boolean!) { ...F @include(if: $x) me { id } } fragment F on Query { ${aliases} }`;
  return requestBody(Math.floor(n / 2), query, `{"x":${n % 2 === 1}}`);
}

/** Issue 23, point 2: 20 aliases sharing one 300 KB `search` variable (cost 14,300, inside the limit). */
const SEARCH_300_KB = JSON.stringify('x'.repeat(300 * 1024));
function longSearch(n: number): string {
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: stockItems(hotel: "${HOTEL}", search: $s) { id }`);
  return requestBody(n, `query S($s: String) { ${aliases.join(' ')} }`, `{"s":${SEARCH_300_KB}}`);
}

export const HOSTILE_DOCUMENTS: HostileDocument[] = [
  { name: 'fragment chain 415', caller: 'anonymous', body: (n) => requestBody(n, fragmentChain(415)) },
  { name: 'fragment chain 300', caller: 'anonymous', body: (n) => requestBody(n, fragmentChain(300)) },
  { name: 'fragment chain 415, bad token', caller: 'bad token', body: (n) => requestBody(n, fragmentChain(415)) },
  { name: 'fragment fan 400', caller: 'anonymous', body: (n) => requestBody(n, fragmentFan(400)) },
  { name: 'same-name fields 1,200', caller: 'anonymous', body: (n) => requestBody(n, sameNameFields(1_200)) },
  {
    name: 'unused variable, arrays 5,000 deep',
    caller: 'anonymous',
    body: (n) => requestBody(n, '{me{id}}', `{"x":${nested(5_000, 'array')}}`),
  },
  {
    name: 'unused variable, objects 5,000 deep',
    caller: 'anonymous',
    body: (n) => requestBody(n, '{me{id}}', `{"x":${nested(5_000, 'object')}}`),
  },
  {
    name: 'unused variable, arrays 100,000 deep',
    caller: 'anonymous',
    body: (n) => requestBody(n, '{me{id}}', `{"x":${nested(100_000, 'array')}}`),
  },
  {
    // Close to the 1 MB body limit: what parsing the JSON alone costs.
    name: 'unused variable, arrays 500,000 deep (1 MB)',
    caller: 'anonymous',
    body: (n) => requestBody(n, '{me{id}}', `{"x":${nested(500_000, 'array')}}`),
  },
  // Within the pre-check's limits (document-precheck.ts), with a token: what validation still costs at most.
  { name: 'same-name tree 10×10×10', caller: 'staff', body: (n) => requestBody(n, sameNameTree(10)) },
  { name: 'same-name tree 11×11×11', caller: 'staff', body: (n) => requestBody(n, sameNameTree(11)) },
  { name: 'fragment chain 10', caller: 'staff', body: (n) => requestBody(n, fragmentChain(10)) },
  { name: 'fragment chain 415', caller: 'staff', body: (n) => requestBody(n, fragmentChain(415)) },
  // Issue 23: a cost verdict primed with @include(if: false), and a 300 KB search.
  { name: 'primed @include, 20 catalogue aliases', caller: 'staff', body: primedInclude },
  { name: '300 KB search, 20 aliases', caller: 'staff', body: longSearch },
];

/** PUSHER_MAX_CHANNELS_PER_CONNECTION's shipped default (docs/configuration.md). */
const SHIPPED_CHANNEL_CAP = 100;

export interface ChannelFlood {
  /** Subscriptions sent on the one socket. */
  sent: number;
  /** Subscriptions the server confirmed (what the socket holds). */
  held: number;
  /** Refused with pusher:error code 4100. */
  refused: number;
  /** Server CPU per subscribe, ms. */
  cpuMs: number;
}

/**
 * Issue 23, point 3: one anonymous socket on the built-in Pusher endpoint (the app key is public,
 * GET /pusher/config) subscribing to `channels` public channels, one after the other, each answered
 * before the next: how many it holds (at most SHIPPED_CHANNEL_CAP) and the server CPU per subscribe.
 */
export async function floodChannels(server: RunningServer, channels: number): Promise<ChannelFlood> {
  const { key } = (await (await fetch(`${server.origin}/pusher/config`)).json()) as { key: string };
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${key}?protocol=7&client=js&version=8.4.0`);
  const frames: Array<{ event: string; data?: unknown }> = [];
  let wake: (() => void) | undefined;
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()) as { event: string });
    wake?.();
  });
  const next = async (): Promise<{ event: string; data?: unknown }> => {
    while (frames.length === 0) {
      if (ws.readyState !== WebSocket.OPEN && ws.readyState !== WebSocket.CONNECTING)
        throw new Error('the Pusher socket closed');
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return frames.shift()!;
  };
  try {
    if ((await next()).event !== 'pusher:connection_established') throw new Error('no connection_established');
    let held = 0;
    let refused = 0;
    const window = new CpuWindow(server.pid);
    for (let i = 0; i < channels; i++) {
      ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel: `hostile-flood-${i}` } }));
      const answer = await next();
      if (answer.event === 'pusher_internal:subscription_succeeded') held += 1;
      else if (answer.event === 'pusher:error') {
        refused += 1;
        await next(); // its pusher:subscription_error
      }
    }
    return { sent: channels, held, refused, cpuMs: round(window.end().cpuMs / channels, 3) };
  } finally {
    ws.terminate();
  }
}

export interface HostileTarget {
  url: string;
  pid: number;
  /** Tokens by caller; 'anonymous' sends none, 'bad token' a malformed one unless given. */
  tokens: Partial<Record<HostileCaller, string>>;
}

export interface HostileRow {
  name: string;
  caller: HostileCaller;
  /** Server CPU per request, ms (the process's utime + stime, in clock ticks, over all requests). */
  cpuMs: number;
  status: number;
  codes: string[];
}

async function send(to: HostileTarget, document: HostileDocument, n: number): Promise<RawOutcome> {
  const token = document.caller === 'anonymous' ? undefined : (to.tokens[document.caller] ?? 'not.a.token');
  return postBody(to.url, token, document.body(n));
}

let counter = 0;

/** CPU per request of each document, after `warmup` unmeasured requests, sent one at a time. */
export async function measureHostile(
  to: HostileTarget,
  documents: HostileDocument[],
  requests: number,
  warmup = 3,
): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  for (const document of documents) {
    for (let i = 0; i < warmup; i++) await send(to, document, (counter += 1));
    const window = new CpuWindow(to.pid);
    let last: RawOutcome = { status: 0, bytes: 0, codes: [] };
    for (let i = 0; i < requests; i++) last = await send(to, document, (counter += 1));
    rows.push({
      name: document.name,
      caller: document.caller,
      cpuMs: round(window.end().cpuMs / requests, 3),
      ...last,
    });
  }
  return rows;
}

/** One user's flood lasts this long (a sustained share, over several budget windows). */
const FLOOD_MS = { quick: 25_000, full: 40_000 };
/** Connections the flooding user sends from at once. */
const FLOOD_CLIENTS = 8;

/**
 * The scenario, on its own production-mode servers and a fresh database with one seeded stocktake:
 * 1. the anonymous and staff documents above: CPU per request, ≤ ANONYMOUS_CPU_MS without a valid token;
 * 2. the cost model against measurement (cost-calibration.ts), on a server without budgets: each staff
 *    document refused or priced within 2× of its CPU;
 * 3. one staff user flooding from FLOOD_CLIENTS connections with their heaviest documents, on a server
 *    with the default budgets: the share of a core the server spends on them, ≤ 25%.
 */
export async function hostile(suite: Suite): Promise<ScenarioResult> {
  const db = await suite.postgres.freshDatabase();
  // Budgets off (as far as a setting goes) so that what is measured is each document's own cost.
  const server = await startServer({
    name: 'hostile',
    databaseUrl: db.url,
    jwtSecret: suite.jwtSecret,
    env: { TOKEN_COST_PER_SECOND: '100000000' },
  });
  let flood: RunningServer | undefined;
  try {
    const badToken = await signToken(randomBytes(32).toString('hex'), { userId: 'x', name: 'X', hotels: {} }, '1h');
    const staff = (user: string) =>
      signToken(suite.jwtSecret, { userId: user, name: user, hotels: { [HOTEL]: 'staff' } }, '1h');
    const requests = suite.profile.quick ? 20 : 60;
    const rows = await measureHostile(
      { url: server.graphqlUrl, pid: server.pid, tokens: { 'bad token': badToken, staff: suite.token } },
      HOSTILE_DOCUMENTS,
      requests,
    );
    for (const row of rows)
      suite.log(`hostile: ${row.name} (${row.caller}): ${row.cpuMs} ms, ${row.status} ${row.codes.join(', ')}`);
    const unauthenticated = rows.filter((row) => row.caller !== 'staff');
    const worst = Math.max(...unauthenticated.map((row) => row.cpuMs));
    const flooded = await floodChannels(server, suite.profile.quick ? 2_000 : 20_000);
    suite.log(`hostile: anonymous Pusher socket: ${JSON.stringify(flooded)}`);

    // A bar's catalogue and a counted stocktake: what the staff documents read.
    await seedHotel(db.pool, HOTEL, 253);
    const [stocktake] = await populatedStocktakes(server.graphqlUrl, suite.token, db.pool, HOTEL, 1);
    for (let i = 0; i < 60; i++)
      await graphql(server.graphqlUrl, suite.token, UPDATE_LINE, {
        id: stocktake!.lineIds[i % stocktake!.lineIds.length],
        input: randomCounts(),
      });
    const documents = staffDocuments(HOTEL, stocktake!);
    const calibration = await calibrate(
      { url: server.graphqlUrl, pid: server.pid, token: await staff('calibrating') },
      documents,
      suite.profile.quick ? 10 : 30,
    );
    for (const row of calibration)
      suite.log(
        `cost: ${row.name}: price ${row.price}, ${row.cpuMs} ms CPU (priced ${row.pricedMs} ms)${row.refused ? ', refused' : ''}`,
      );
    const underpriced = calibration.filter((row) => !row.refused && row.ratio > 2);
    const worstRatio = Math.max(...calibration.filter((row) => !row.refused).map((row) => row.ratio));
    await server.stop();

    flood = await startServer({
      name: 'hostile-budgets',
      databaseUrl: db.url,
      jwtSecret: suite.jwtSecret,
      shippedBudgets: true,
    });
    const share = await floodShare(
      { url: flood.graphqlUrl, pid: flood.pid, token: await staff('flooding') },
      heaviest(documents),
      FLOOD_CLIENTS,
      suite.profile.quick ? FLOOD_MS.quick : FLOOD_MS.full,
    );
    suite.log(`flood: ${JSON.stringify(share)}`);
    return {
      id: 'HOSTILE',
      title: 'Hostile documents: server CPU per request, the cost model against it, one user’s share',
      rows: [
        ...rows.map((row) => ({ label: `${row.name} (${row.caller})`, cpuPerOp: { ms: row.cpuMs, op: 'request' } })),
        {
          label: `anonymous Pusher socket, ${flooded.sent} public channels`,
          cpuPerOp: { ms: flooded.cpuMs, op: 'subscribe' },
        },
        ...calibration.map((row) => ({
          label: `cost ${row.price} (${row.pricedMs} ms): ${row.name}${row.refused ? ', refused' : ''}`,
          cpuPerOp: { ms: row.cpuMs, op: 'request' },
        })),
      ],
      targets: [
        target('worst request without a valid token', worst, '<=', ANONYMOUS_CPU_MS, 'ms CPU', 'issue 17: 0.02 s'),
        target(
          'channels one anonymous Pusher socket holds',
          flooded.held,
          '<=',
          SHIPPED_CHANNEL_CAP,
          'channels',
          `issue 23: ${flooded.sent} sent, ${flooded.refused} refused with 4100`,
        ),
        target(
          'staff documents run and priced below half their CPU',
          underpriced.length,
          '==',
          0,
          'documents',
          `worst CPU / priced: ${worstRatio}${underpriced.length ? ` (${underpriced.map((row) => row.name).join(', ')})` : ''}`,
        ),
        target(
          `one user flooding from ${FLOOD_CLIENTS} connections`,
          share.coreShare,
          '<=',
          0.25,
          'of a core',
          `${share.answered} answered, ${share.refused} refused in ${share.seconds} s`,
        ),
      ],
      details: { requestsPerDocument: requests, documents: rows, pusherFlood: flooded, calibration, flood: share },
    };
  } finally {
    await flood?.stop();
    await server.stop();
    await db.drop().catch(() => undefined);
  }
}

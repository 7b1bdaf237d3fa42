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
import { signToken } from '../../src/infrastructure/auth/tokens';
import { CpuWindow, round } from '../lib/proc-stats';
import { startServer } from '../lib/server';
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
];

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

async function send(
  to: HostileTarget,
  document: HostileDocument,
  n: number,
): Promise<{ status: number; codes: string[] }> {
  const token = document.caller === 'anonymous' ? undefined : (to.tokens[document.caller] ?? 'not.a.token');
  const response = await fetch(to.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: document.body(n),
  });
  const text = await response.text();
  let codes: string[];
  try {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
    codes = [...new Set((body.errors ?? []).map((error) => error.extensions?.code ?? '?'))];
  } catch {
    codes = ['(not JSON)'];
  }
  return { status: response.status, codes };
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
    let last = { status: 0, codes: [] as string[] };
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

/** The scenario: its own production-mode server on a fresh database (nothing to seed for these documents). */
export async function hostile(suite: Suite): Promise<ScenarioResult> {
  const db = await suite.postgres.freshDatabase();
  const server = await startServer({ name: 'hostile', databaseUrl: db.url, jwtSecret: suite.jwtSecret });
  try {
    const badToken = await signToken(randomBytes(32).toString('hex'), { userId: 'x', name: 'X', hotels: {} }, '1h');
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
    return {
      id: 'HOSTILE',
      title: 'Hostile documents: server CPU per request',
      rows: rows.map((row) => ({ label: `${row.name} (${row.caller})`, cpuPerOp: { ms: row.cpuMs, op: 'request' } })),
      targets: [
        target('worst request without a valid token', worst, '<=', ANONYMOUS_CPU_MS, 'ms CPU', 'issue 17: 0.02 s'),
      ],
      details: { requestsPerDocument: requests, documents: rows },
    };
  } finally {
    await server.stop();
    await db.drop().catch(() => undefined);
  }
}

/**
 * The clients' side of .ci/stack: everything goes through nginx (STACK_URL), as in the compose
 * stack (docs/operations.md, "Deploying"). Checks, and fails (exit status 1) on any failure:
 * - what nginx must not expose (/metrics, the Pusher publishing API), a replica's /metrics only with
 *   METRICS_TOKEN, and what /pusher/config says;
 * - HTTP mutations and queries; graphql-ws subscribers and pusher-js clients on private channels
 *   (authorized at the authEndpoint /pusher/config returns) spread over both replicas, each one's
 *   replica read from the replicas' own /metrics, as an operator's scraper would;
 * - a count sent to one replica reaching subscribers held by the other, on both transports;
 * - SIGKILL of one replica under load: clients come back through nginx and catch up; every failed
 *   mutation is repaired by retrying with its Idempotency-Key;
 * - a rolling restart (one replica, then the other) under load;
 * - public channels, after a rolling restart with PUSHER_CHANNEL_PREFIX empty.
 * Per phase and client: events sent, received, lost, duplicated. Nothing is waited for by time
 * alone: each wait is for an acknowledged state (a final event every client must reach), bounded.
 */
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  channelEventsAfter,
  channelHistory,
  graphqlWsFollower,
  pusherFollower,
  type Follower,
  type PusherConfig,
} from './followers';
import { graphql, idempotentMutation, must, type Endpoint } from './http';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required (set by .ci/stack)`);
  return value;
}

const endpoint: Endpoint = { url: required('STACK_URL'), token: required('STACK_TOKEN') };
/** graphql-ws followers are a staff member's screens: the manager's token is busy with the load (and its budget). */
const followerEndpoint: Endpoint = { ...endpoint, token: required('STACK_FOLLOWER_TOKEN') };
const HOTEL = required('STACK_HOTEL');
/** Replica name -> its port (for its /metrics, and to read nginx's log of which one served what). */
const REPLICAS = new Map(
  required('STACK_REPLICAS')
    .split(',')
    .map((pair) => pair.split('=') as [string, string]),
);
const ACCESS_LOG = required('STACK_ACCESS_LOG');
/** The replicas' METRICS_TOKEN: a scrape sends it as a bearer token, as Prometheus is configured to. */
const METRICS_AUTH = { authorization: `Bearer ${required('STACK_METRICS_TOKEN')}` };

const failures: string[] = [];
function expect(condition: boolean, problem: string): void {
  if (!condition) failures.push(problem);
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function replica(action: 'start' | 'stop' | 'kill', name: string, ...env: string[]): Promise<void> {
  await run('bash', [path.join(ROOT, '.ci/stack'), 'replica', action, name, ...env], { cwd: ROOT });
}

/** A gauge of one replica's /metrics (scraped directly, as Prometheus does on the internal network). */
async function gauge(name: string, metric: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${REPLICAS.get(name)}/metrics`, { headers: METRICS_AUTH })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${metric} `));
  return Number(line?.split(' ')[1] ?? NaN);
}

/** Opens a client and tells which replica took its socket, by the replicas' connection gauges. */
async function placed<T>(metric: string, open: () => Promise<T>): Promise<{ client: T; replica: string }> {
  const before = new Map<string, number>();
  for (const name of REPLICAS.keys()) before.set(name, await gauge(name, metric));
  const client = await open();
  let replicaName = '';
  await waitFor(
    `a ${metric} on some replica`,
    async () => {
      for (const name of REPLICAS.keys()) {
        if ((await gauge(name, metric)) > before.get(name)!) replicaName = name;
      }
      return replicaName !== '';
    },
    5_000,
  );
  return { client, replica: replicaName };
}

// ---- What nginx exposes.
async function exposure(): Promise<void> {
  const replicaMetrics = `http://127.0.0.1:${[...REPLICAS.values()][0]}/metrics`;
  const direct = await fetch(replicaMetrics, { headers: METRICS_AUTH });
  expect(direct.status === 200, `a replica's own /metrics answered ${direct.status} to the metrics token`);
  const anonymous = await fetch(replicaMetrics);
  expect(anonymous.status === 401, `a replica's own /metrics answered ${anonymous.status} without the token, not 401`);
  const blocked: Array<[string, string]> = [
    ['GET', '/metrics'],
    ['GET', '/METRICS'],
    ['GET', '/metrics/'],
    ['GET', '/%6detrics'],
    ['GET', '/apps/stocktake-live/channels'],
    ['POST', '/apps/stocktake-live/events'],
    ['POST', '/Apps/stocktake-live/events'],
    ['GET', '/apps'],
  ];
  const answers: string[] = [];
  for (const [method, uri] of blocked) {
    const response = await fetch(`${endpoint.url}${uri}`, { method, body: method === 'POST' ? '{}' : undefined });
    answers.push(`${method} ${uri} ${response.status}`);
    expect(response.status === 404, `${method} ${uri} through nginx answered ${response.status}, not 404`);
  }
  console.log(`not exposed through nginx: ${answers.join(', ')}`);
}

const CREATE_STOCKTAKE =
  'mutation($hotel: String!, $input: CreateStocktakeInput!) { createStocktake(hotel: $hotel, input: $input) { id } }';
const COUNT =
  'mutation($id: ID!, $input: UpdateStocktakeLineInput!) { updateStocktakeLine(id: $id, input: $input) { id countedFullUnits version } }';
const DETAIL_SUBSCRIPTION =
  'subscription($id: ID!, $after: Int) { stocktakeEvents(stocktakeId: $id, afterSequence: $after) { ... on RealtimeEvent { sequence } } }';
const LIST_SUBSCRIPTION =
  'subscription($hotel: String!, $after: Int) { stocktakeListEvents(hotel: $hotel, afterSequence: $after) { ... on RealtimeEvent { sequence } } }';

interface Sent {
  phase: string;
  channel: string;
  /** What identifies its event in the channel's history: the counted value, or the stocktake id. */
  mark: string;
  requestId: string;
  failedAttempts: number;
}

/** Mutations as a busy hotel sends them: mostly counts (detail channel), some new stocktakes (list channel). */
class Load {
  readonly sent: Sent[] = [];
  private counter = 0;
  private periods = 0;

  constructor(
    private readonly stocktakeId: string,
    private readonly lineIds: string[],
    readonly detail: string,
    readonly list: string,
  ) {}

  async one(phase: string): Promise<void> {
    this.counter += 1;
    const n = this.counter;
    if (n % 6 === 0) {
      this.periods += 1;
      const year = 2100 + Math.floor(this.periods / 12);
      const month = String((this.periods % 12) + 1).padStart(2, '0');
      const outcome = await idempotentMutation<{ createStocktake: { id: string } }>(
        endpoint,
        CREATE_STOCKTAKE,
        { hotel: HOTEL, input: { periodStart: `${year}-${month}-01`, periodEnd: `${year}-${month}-28` } },
        `stack-${phase}-${n}`,
      );
      this.record(phase, this.list, outcome.data.createStocktake.id, outcome);
    } else {
      const outcome = await idempotentMutation<{ updateStocktakeLine: { countedFullUnits: string } }>(
        endpoint,
        COUNT,
        { id: this.lineIds[n % this.lineIds.length], input: { countedFullUnits: String(n) } },
        `stack-${phase}-${n}`,
      );
      this.record(phase, this.detail, String(n), outcome);
    }
  }

  private record(phase: string, channel: string, mark: string, outcome: { requestId: string; failedAttempts: number }) {
    this.sent.push({ phase, channel, mark, requestId: outcome.requestId, failedAttempts: outcome.failedAttempts });
  }

  /** `workers` mutations in flight at once until `until` resolves and at least `minimum` were sent. */
  async during(phase: string, workers: number, minimum: number, until: Promise<unknown>): Promise<void> {
    let done = false;
    let sent = 0;
    void until.then(
      () => (done = true),
      () => (done = true),
    );
    const worker = async () => {
      while (!done || sent < minimum) {
        sent += 1;
        await this.one(phase);
      }
    };
    await Promise.all([until, ...Array.from({ length: workers }, worker)]);
  }
}

/** Sequence of the last event on a channel (channelEvents from 0, through nginx). */
async function lastSequence(channel: string): Promise<number> {
  return (await channelEventsAfter(endpoint, channel, 0)).at(-1) ?? 0;
}

/** Which replica (by nginx's access log) served each request id. */
function servedBy(): Map<string, string> {
  const byPort = new Map([...REPLICAS].map(([name, port]) => [port, name]));
  const served = new Map<string, string>();
  for (const line of readFileSync(ACCESS_LOG, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { requestId: string; upstream: string; status: number };
    // With a failed first upstream nginx logs "a, b": the last one answered.
    const port = entry.upstream.split(',').at(-1)!.trim().split(':').at(-1)!;
    if (entry.status === 200) served.set(entry.requestId, byPort.get(port) ?? port);
  }
  return served;
}

interface Placed {
  follower: Follower;
  replica: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  await exposure();

  // ---- /pusher/config through nginx: the address the client used, port included.
  const config = (await (await fetch(`${endpoint.url}/pusher/config`)).json()) as PusherConfig;
  const nginx = new URL(endpoint.url);
  console.log(
    `/pusher/config: key ${config.key}, ws ${config.wsHost}:${config.wsPort}, authEndpoint ${config.authEndpoint}, prefix "${config.channelPrefix}"`,
  );
  expect(config.authEndpoint === `${endpoint.url}/pusher/auth`, `authEndpoint is ${config.authEndpoint}`);
  expect(
    config.channelAuthorization.endpoint === config.authEndpoint,
    'channelAuthorization differs from authEndpoint',
  );
  expect(config.wsHost === nginx.hostname && config.wsPort === Number(nginx.port), 'pusher-js is not sent to nginx');
  expect(config.channelPrefix === 'private-', `channel prefix "${config.channelPrefix}", expected private-`);

  // ---- Set-up through nginx: items, a stocktake with lines.
  for (const [sku, name] of [
    ['D0030', 'Guinness'],
    ['S0010', 'Jameson'],
    ['B0070', 'Heineken 330ml'],
  ]) {
    await must(
      endpoint,
      'mutation($hotel: String!, $input: CreateStockItemInput!) { createStockItem(hotel: $hotel, input: $input) { id } }',
      { hotel: HOTEL, input: { sku, name, size: '70cl', uom: '20', unitCost: '10' } },
    );
  }
  const stocktakeId = (
    await must<{ createStocktake: { id: string } }>(endpoint, CREATE_STOCKTAKE, {
      hotel: HOTEL,
      input: { periodStart: '2099-01-01', periodEnd: '2099-01-28' },
    })
  ).createStocktake.id;
  await must(endpoint, 'mutation($id: ID!) { populateStocktake(id: $id) { linesCreated } }', { id: stocktakeId });
  const lines = (
    await must<{ stocktake: { lines: Array<{ id: string }> } }>(
      endpoint,
      'query($id: ID!) { stocktake(id: $id) { lines { id } } }',
      {
        id: stocktakeId,
      },
    )
  ).stocktake.lines.map((line) => line.id);
  const detail = `${HOTEL}-stocktake-${stocktakeId}`;
  const list = `${HOTEL}-stocktakes`;
  const channels = [detail, list];
  const start = new Map<string, number>();
  for (const channel of channels) start.set(channel, await lastSequence(channel));
  console.log(
    `set-up over HTTP: 3 items, stocktake ${stocktakeId} with ${lines.length} lines; following ${detail} and ${list}`,
  );

  // ---- Clients, until each replica holds at least two of each transport.
  const followers: Placed[] = [];
  const held = (transport: Follower['transport'], name: string) =>
    followers.filter((f) => f.follower.transport === transport && f.replica === name).length;
  const balanced = (transport: Follower['transport']) =>
    [...REPLICAS.keys()].every((name) => held(transport, name) >= 2);
  for (let i = 1; !balanced('graphql-ws'); i += 1) {
    if (i > 16) throw new Error('nginx did not spread graphql-ws sockets over both replicas');
    const { client, replica: at } = await placed('graphql_ws_connections', async () => {
      let connected!: () => void;
      const socket = new Promise<void>((resolve) => (connected = resolve));
      const follower = graphqlWsFollower(
        `gws-${i}`,
        followerEndpoint,
        [
          { channel: detail, query: DETAIL_SUBSCRIPTION, variables: { id: stocktakeId }, after: start.get(detail)! },
          { channel: list, query: LIST_SUBSCRIPTION, variables: { hotel: HOTEL }, after: start.get(list)! },
        ],
        () => connected(),
      );
      await socket;
      return follower;
    });
    followers.push({ follower: client, replica: at });
  }
  for (let i = 1; !balanced('pusher-js'); i += 1) {
    if (i > 16) throw new Error('nginx did not spread pusher-js sockets over both replicas');
    const { client, replica: at } = await placed('pusher_connections', () =>
      pusherFollower(`pusher-${i}`, endpoint, config, [
        { channel: detail, pusherName: `${config.channelPrefix}${detail}`, after: start.get(detail)! },
        { channel: list, pusherName: `${config.channelPrefix}${list}`, after: start.get(list)! },
      ]),
    );
    followers.push({ follower: client, replica: at });
  }
  console.log(`clients: ${followers.map((f) => `${f.follower.name}@${f.replica}`).join(', ')}`);

  const load = new Load(stocktakeId, lines, detail, list);
  const boundaries: Array<{ phase: string; upTo: Map<string, number> }> = [];
  const endPhase = async (phase: string) => {
    const upTo = new Map<string, number>();
    for (const channel of channels) upTo.set(channel, await lastSequence(channel));
    boundaries.push({ phase, upTo });
  };
  /** Every client has applied everything committed so far (one more event per channel as the marker). */
  const everyoneReached = async (phase: string, timeoutMs: number) => {
    await load.one(phase);
    for (let i = 0; i < 6; i += 1) await load.one(phase); // the 6th of every six reaches the list channel
    const targets = new Map<string, number>();
    for (const channel of channels) targets.set(channel, await lastSequence(channel));
    const reached = () => followers.every((f) => channels.every((c) => f.follower.last(c) >= targets.get(c)!));
    await waitFor(`every client to reach ${JSON.stringify([...targets])} after ${phase}`, reached, timeoutMs).catch(
      (error: unknown) => {
        const state = followers.map((f) => {
          const pusher =
            'pusher' in f.follower
              ? ` ${(f.follower as unknown as { states: string[] }).states.slice(-12).join(' ')}`
              : '';
          return `${f.follower.name}: ${channels.map((c) => f.follower.last(c)).join('/')}${pusher} ${f.follower.errors.join(';')}`;
        });
        throw new Error(`${String(error)}; clients at ${state.join(', ')}`);
      },
    );
  };

  // ---- Phase 1: both replicas take mutations; every subscriber gets every event.
  const crossStart = Date.now();
  await load.during('cross-replica', 2, 60, Promise.resolve());
  await everyoneReached('cross-replica', 15_000);
  await endPhase('cross-replica');
  console.log(`cross-replica: ${Date.now() - crossStart} ms`);

  // ---- Phase 2: SIGKILL one replica under load, then start it again (compose's restart policy).
  // The victim is the replica that does not lead the relay: a SIGKILLed relay leader's claimed
  // events wait for their lease to expire (docs/operations.md, "The stack check"), a known limit
  // this check would only measure.
  const leaders: string[] = [];
  for (const [name, port] of REPLICAS) {
    const answer = await graphql<{ relayStatus: { leader: boolean } }>(
      { url: `http://127.0.0.1:${port}`, token: endpoint.token },
      '{ relayStatus { leader } }',
      {},
    ).catch(() => undefined);
    if (answer?.data?.relayStatus.leader) leaders.push(name);
  }
  // STACK_KILL=leader kills the relay leader instead (expect pusher-js delays up to the lease).
  const victim =
    (process.env.STACK_KILL === 'leader' ? leaders[0] : undefined) ??
    [...REPLICAS.keys()].find((name) => !leaders.includes(name)) ??
    [...REPLICAS.keys()][0]!;
  const onVictim = followers.filter((f) => f.replica === victim).map((f) => f.follower.name);
  const killStart = Date.now();
  let killedAt = 0;
  await load.during(
    'kill',
    3,
    90,
    (async () => {
      await waitFor('load before the kill', () => load.sent.filter((s) => s.phase === 'kill').length >= 30, 20_000);
      await replica('kill', victim);
      killedAt = Date.now();
      await waitFor('load after the kill', () => load.sent.filter((s) => s.phase === 'kill').length >= 60, 20_000);
      await replica('start', victim);
    })(),
  );
  await everyoneReached('kill', process.env.STACK_KILL === 'leader' ? 90_000 : 30_000);
  for (const { follower, replica: at } of followers) {
    if (at === victim) expect(follower.reconnects >= 1, `${follower.name} was on ${victim} but never reconnected`);
  }
  await endPhase('kill');
  console.log(
    `kill: SIGKILL of replica ${victim} (relay leader: ${leaders.join(',') || 'none'}) ${killedAt - killStart} ms into the load, holding ${onVictim.join(', ')}; restarted; ${Date.now() - killStart} ms`,
  );

  // ---- Phase 3: rolling restart (SIGTERM, start, ready), one replica then the other, under load.
  const rollStart = Date.now();
  await load.during(
    'rolling-restart',
    2,
    40,
    (async () => {
      for (const name of REPLICAS.keys()) {
        await replica('stop', name);
        await replica('start', name);
      }
    })(),
  );
  await everyoneReached('rolling-restart', 30_000);
  await endPhase('rolling-restart');
  console.log(`rolling restart: ${[...REPLICAS.keys()].join(' then ')}; ${Date.now() - rollStart} ms`);

  // ---- The tally: each channel's history against what was sent and what each client applied.
  const served = servedBy();
  const history = new Map<string, Array<{ sequence: number; name: string; payload: Record<string, unknown> }>>();
  for (const channel of channels) history.set(channel, await channelHistory(endpoint, channel, start.get(channel)!));
  const markOf = (channel: string, payload: Record<string, unknown>) =>
    channel === list
      ? String(payload.id)
      : String(Number((payload.line as { counted_full_units?: string } | undefined)?.counted_full_units));
  for (const channel of channels) {
    const marks = history.get(channel)!.map((event) => markOf(channel, event.payload));
    const sentHere = load.sent.filter((s) => s.channel === channel).map((s) => s.mark);
    const twice = marks.filter((mark, i) => marks.indexOf(mark) !== i);
    const missing = sentHere.filter((mark) => !marks.includes(mark));
    expect(twice.length === 0, `${channel}: mutations committed twice: ${twice.join(', ')}`);
    expect(missing.length === 0, `${channel}: acknowledged mutations with no event: ${missing.join(', ')}`);
    expect(marks.length === sentHere.length, `${channel}: ${marks.length} events for ${sentHere.length} mutations`);
  }
  const retried = load.sent.filter((s) => s.failedAttempts > 0);
  console.log(
    `mutations: ${load.sent.length} acknowledged (${load.sent.filter((s) => s.channel === detail).length} counts, ${load.sent.filter((s) => s.channel === list).length} new stocktakes); ${retried.length} failed at first and were repaired by retrying with their Idempotency-Key (${retried.reduce((n, s) => n + s.failedAttempts, 0)} failed attempts); 0 unrepaired`,
  );

  // A mutation's replica, for each event: cross-replica deliveries per transport.
  const replicaOfMark = new Map(load.sent.map((s) => [`${s.channel}|${s.mark}`, served.get(s.requestId) ?? '?']));
  const replicaOfEvent = (channel: string, sequence: number) => {
    const event = history.get(channel)!.find((e) => e.sequence === sequence);
    return event ? replicaOfMark.get(`${channel}|${markOf(channel, event.payload)}`) : undefined;
  };
  const crossUpTo = boundaries[0]!.upTo;
  for (const transport of ['graphql-ws', 'pusher-js'] as const) {
    const counts: string[] = [];
    for (const from of REPLICAS.keys()) {
      for (const to of REPLICAS.keys()) {
        if (from === to) continue;
        let delivered = 0;
        for (const f of followers.filter((x) => x.follower.transport === transport && x.replica === to)) {
          for (const channel of channels) {
            const tally = f.follower.tallies.get(channel)!;
            const live = tally.applied.filter((seq) => !tally.caughtUp.has(seq));
            delivered += live.filter(
              (seq) => seq <= crossUpTo.get(channel)! && replicaOfEvent(channel, seq) === from,
            ).length;
          }
        }
        counts.push(`${from}→${to} ${delivered}`);
        expect(delivered > 0, `${transport}: no event committed on replica ${from} reached a client held by ${to}`);
      }
    }
    console.log(`cross-replica deliveries (${transport}, before the kill): ${counts.join(', ')}`);
  }

  // Per phase and client: sent, received, lost, duplicated.
  let previous = new Map(start);
  console.log('');
  console.log(
    'phase            client      replica  sent  received  lost  duplicated  repeats-dropped* caught-up  reconnects*',
  );
  for (const { phase, upTo } of boundaries) {
    const sent = channels.reduce((n, c) => n + (upTo.get(c)! - previous.get(c)!), 0);
    for (const { follower, replica: at } of followers) {
      let received = 0;
      let lost = 0;
      let duplicated = 0;
      let caughtUp = 0;
      for (const channel of channels) {
        const tally = follower.tallies.get(channel)!;
        const inPhase = (seq: number) => seq > previous.get(channel)! && seq <= upTo.get(channel)!;
        const got = tally.applied.filter(inPhase);
        received += new Set(got).size;
        duplicated += got.length - new Set(got).size;
        const expected = history.get(channel)!.filter((e) => inPhase(e.sequence));
        lost += expected.filter((e) => !got.includes(e.sequence)).length;
        caughtUp += got.filter((seq) => tally.caughtUp.has(seq)).length;
        if (phase === boundaries.at(-1)!.phase) duplicated += tally.duplicates;
      }
      expect(lost === 0, `${phase}: ${follower.name} lost ${lost} events`);
      expect(duplicated === 0, `${phase}: ${follower.name} got ${duplicated} events twice`);
      const tallies = [...follower.tallies.values()];
      console.log(
        [
          phase.padEnd(16),
          follower.name.padEnd(11),
          at.padEnd(8),
          String(sent).padStart(4),
          String(received).padStart(9),
          String(lost).padStart(5),
          String(duplicated).padStart(11),
          (phase === boundaries.at(-1)!.phase
            ? String(tallies.reduce((n, t) => n + t.repeatsDropped, 0))
            : ''
          ).padStart(16),
          String(caughtUp).padStart(10),
          (phase === boundaries.at(-1)!.phase ? String(follower.reconnects) : '').padStart(11),
        ].join(' '),
      );
    }
    previous = upTo;
  }
  console.log(
    '(replica: where the client first connected; caught-up: events it fetched with channelEvents after a reconnect or a gap; *: over all phases; repeats-dropped: pusher-js events already applied, dropped by meta.sequence)',
  );
  for (const { follower } of followers)
    expect(follower.errors.length === 0, `${follower.name}: ${follower.errors.join('; ')}`);
  for (const { follower } of followers) await follower.close();

  // ---- Public channels: a rolling restart with PUSHER_CHANNEL_PREFIX empty, then pusher-js on public names.
  for (const name of REPLICAS.keys()) {
    await replica('stop', name);
    await replica('start', name, 'PUSHER_CHANNEL_PREFIX=');
  }
  const publicConfig = (await (await fetch(`${endpoint.url}/pusher/config`)).json()) as PusherConfig;
  expect(publicConfig.channelPrefix === '', `after the restart the prefix is "${publicConfig.channelPrefix}"`);
  const publicStart = await lastSequence(detail);
  const publicClients: Placed[] = [];
  for (let i = 1; [...REPLICAS.keys()].some((name) => !publicClients.some((c) => c.replica === name)); i += 1) {
    if (i > 16) throw new Error('nginx did not spread public pusher-js sockets over both replicas');
    const { client, replica: at } = await placed('pusher_connections', () =>
      pusherFollower(`public-${i}`, endpoint, publicConfig, [
        { channel: detail, pusherName: detail, after: publicStart },
      ]),
    );
    publicClients.push({ follower: client, replica: at });
  }
  for (let i = 0; i < 20; i += 1) await load.one('public');
  const publicTarget = await lastSequence(detail);
  await waitFor(
    'public channel clients to reach the last event',
    () => publicClients.every((c) => c.follower.last(detail) >= publicTarget),
    15_000,
  );
  const publicHistory = (await channelEventsAfter(endpoint, detail, publicStart)).length;
  for (const { follower, replica: at } of publicClients) {
    const got = follower.tallies.get(detail)!.applied;
    const live = got.length - follower.tallies.get(detail)!.caughtUp.size;
    console.log(
      `public channel ${detail}: ${follower.name}@${at} sent ${publicHistory}, received ${new Set(got).size} (${live} live), lost ${publicHistory - new Set(got).size}, duplicated ${got.length - new Set(got).size}`,
    );
    expect(
      new Set(got).size === publicHistory && got.length === publicHistory,
      `${follower.name} on the public channel`,
    );
    await follower.close();
  }

  console.log(`\nstack check: ${Date.now() - started} ms`);
  if (failures.length > 0) {
    console.error(`stack check FAILED:\n  - ${failures.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('stack check passed');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error('stack check FAILED:', error);
  if (failures.length > 0) console.error(`  - ${failures.join('\n  - ')}`);
  process.exit(1);
});

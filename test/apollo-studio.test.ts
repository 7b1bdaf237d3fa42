/**
 * Apollo Studio as the shipped server reports to it (docs/operations.md,
 * "Apollo Studio"): configured only through APOLLO_* in its environment, it
 * sends usage reports and its schema to an endpoint of this test's, which
 * answers as Apollo's would; the usage report is decoded with Apollo's
 * published protobuf package. No network beyond this machine.
 */
import {
  Report,
  Trace,
  type IContextualizedStats,
  type IPathErrorStats,
  type ITracesAndStats,
} from '@apollo/usage-reporting-protobuf';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createLogger } from '../src/infrastructure/logger';
import { HOTEL } from './support/fixtures';
import { startShippedServer, type ShippedServer } from './support/shipped-server';
import { startTestApp } from './support/test-app';
import { waitUntil } from './support/waiting';

const KEY = 'service:test-graph:fake-key';
const GRAPH_REF = 'test-graph@current';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface SchemaReportRequest {
  query: string;
  variables: { report: { graphRef: string; coreSchemaHash: string }; coreSchema: string | null };
}

/** Apollo's two ingress endpoints on one local port: usage reports (protobuf) and schema reports (GraphQL). */
async function studioEndpoint() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/api/ingress/traces') {
        response.writeHead(204).end();
        return;
      }
      // The first schema report comes without the schema; Apollo asks for it at once, then for nothing for an hour.
      const { variables } = JSON.parse(body.toString()) as SchemaReportRequest;
      const reportSchema =
        variables.coreSchema === null
          ? { __typename: 'ReportSchemaResponse', inSeconds: 0, withCoreSchema: true }
          : { __typename: 'ReportSchemaResponse', inSeconds: 3600, withCoreSchema: false };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { reportSchema } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Per-client statistics of an operation's entry (decoded, always an array). */
const statsOf = (entry: ITracesAndStats): IContextualizedStats[] =>
  Array.isArray(entry.statsWithContext) ? entry.statsWithContext : [];

/** How many requests an operation's entry counts: those sent as traces plus those aggregated into stats. */
function requestCount(entry: ITracesAndStats): number {
  const stats = statsOf(entry).reduce((sum, context) => sum + Number(context.queryLatencyStats?.requestCount ?? 0), 0);
  return (entry.trace ?? []).length + stats;
}

/** Each error of an operation's entry as `path: message` (traces carry the message, stats count by path). */
function errorsOf(entry: ITracesAndStats): string[] {
  const errors: string[] = [];
  const inTrace = (node: Trace.INode | null | undefined, at: string[]) => {
    if (!node) return;
    const here = node.responseName ? [...at, node.responseName] : at;
    for (const error of node.error ?? []) errors.push(`${here.join('.')}: ${error.message}`);
    for (const child of node.child ?? []) inTrace(child, here);
  };
  for (const trace of entry.trace ?? []) {
    inTrace((trace instanceof Uint8Array ? Trace.decode(trace) : trace).root, []);
  }
  const inStats = (stats: IPathErrorStats | null | undefined, at: string[]) => {
    for (const [name, child] of Object.entries(stats?.children ?? {})) {
      for (let i = 0; i < Number(child.errorsCount ?? 0); i++) errors.push(`${[...at, name].join('.')}: (counted)`);
      inStats(child, [...at, name]);
    }
  };
  for (const context of statsOf(entry)) inStats(context.queryLatencyStats?.rootErrorStats, []);
  return errors;
}

describe('Apollo Studio, from the environment of the shipped server', () => {
  let studio: Awaited<ReturnType<typeof studioEndpoint>>;
  let server: ShippedServer;

  beforeAll(async () => {
    studio = await studioEndpoint();
    server = await startShippedServer({
      APOLLO_KEY: KEY,
      APOLLO_GRAPH_REF: GRAPH_REF,
      APOLLO_USAGE_REPORTING_URL: studio.origin,
      APOLLO_SCHEMA_REPORTING: 'true',
      APOLLO_SCHEMA_REPORTING_URL: `${studio.origin}/api/graphql`,
    });
  });

  afterAll(async () => {
    await server?.close();
    await studio?.close();
  });

  it('reports operations, the fields they use and their errors, and the schema', async () => {
    const catalogue = {
      query: 'query Catalogue($hotel: String!) { stockItems(hotel: $hotel) { sku name } }',
      variables: { hotel: HOTEL },
    };
    for (let i = 0; i < 2; i++) expect((await server.post(catalogue)).json?.errors).toBeUndefined();
    const missing = await server.post({
      query: 'query MissingStocktake { stocktake(id: "2000000000") { id status } }',
    });
    expect(missing.json?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const opened = await server.post({
      query:
        'mutation OpenStocktake($hotel: String!, $input: CreateStocktakeInput!) { createStocktake(hotel: $hotel, input: $input) { id status } }',
      variables: { hotel: HOTEL, input: { periodStart: '2061-03-01', periodEnd: '2061-03-31' } },
    });
    expect(opened.json?.errors).toBeUndefined();

    // Schema reporting starts after a random delay of up to 10 s (Apollo's, so that a fleet does not report at once).
    const schemaReports = () => studio.received.filter((request) => request.path === '/api/graphql');
    await waitUntil(() => schemaReports().length >= 2, 'the schema report with the schema', 20_000);
    const [announcing, sending] = schemaReports();
    expect(announcing?.headers['x-api-key']).toBe(KEY);
    const announced = JSON.parse(announcing!.body.toString()) as SchemaReportRequest;
    const withSchema = JSON.parse(sending!.body.toString()) as SchemaReportRequest;
    expect(announced.variables.report.graphRef).toBe(GRAPH_REF);
    expect(announced.variables.coreSchema).toBeNull();
    const committed = readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8');
    const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
    expect(sorted(withSchema.variables.coreSchema!)).toBe(sorted(committed));

    // Reports are batched (every 10 s); stopping the server sends what it holds.
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const usage = studio.received.filter((request) => request.path === '/api/ingress/traces');
    expect(usage).toHaveLength(1);
    const [sent] = usage;
    expect(sent?.headers['x-api-key']).toBe(KEY);
    expect(sent?.headers['content-encoding']).toBe('gzip');
    const report = Report.decode(gunzipSync(sent!.body));
    expect(report.header?.graphRef).toBe(GRAPH_REF);
    expect(Number(report.operationCount)).toBe(4);

    const byName = (name: string): ITracesAndStats => {
      const keys = Object.keys(report.tracesPerQuery).filter((key) => key.startsWith(`# ${name}\n`));
      expect(keys).toHaveLength(1);
      return report.tracesPerQuery[keys[0]!]!;
    };
    const fields = (entry: ITracesAndStats) =>
      Object.fromEntries(
        Object.entries(entry.referencedFieldsByType ?? {}).map(([type, used]) => [type, [...(used.fieldNames ?? [])]]),
      );
    // The operation's signature: its document, normalized (sorted, literals hidden) as Apollo groups operations.
    expect(Object.keys(report.tracesPerQuery).sort()).toEqual([
      '# Catalogue\nquery Catalogue($hotel:String!){stockItems(hotel:$hotel){name sku}}',
      '# MissingStocktake\nquery MissingStocktake{stocktake(id:""){id status}}',
      '# OpenStocktake\nmutation OpenStocktake($hotel:String!,$input:CreateStocktakeInput!){createStocktake(hotel:$hotel,input:$input){id status}}',
    ]);
    expect(requestCount(byName('Catalogue'))).toBe(2);
    expect(fields(byName('Catalogue'))).toEqual({ Query: ['stockItems'], StockItem: ['sku', 'name'] });
    expect(errorsOf(byName('Catalogue'))).toEqual([]);

    expect(requestCount(byName('MissingStocktake'))).toBe(1);
    expect(fields(byName('MissingStocktake'))).toEqual({ Query: ['stocktake'], Stocktake: ['id', 'status'] });
    // The first of a kind is sent as a trace, with the error by its code only (apollo-studio.ts).
    expect(errorsOf(byName('MissingStocktake'))).toEqual(['stocktake: NOT_FOUND']);

    expect(requestCount(byName('OpenStocktake'))).toBe(1);
    expect(fields(byName('OpenStocktake'))).toEqual({ Mutation: ['createStocktake'], Stocktake: ['id', 'status'] });
    expect(errorsOf(byName('OpenStocktake'))).toEqual([]);

    // Apollo's own lines are the server's JSON log lines, and no report failed.
    const messages = server.logs().map((line) => `${String(line.level)}: ${String(line.message)}`);
    expect(messages).toContain(
      `info: Apollo usage reporting starting! See your graph at https://studio.apollographql.com/graph/${GRAPH_REF}/`,
    );
    expect(messages.filter((message) => /^(warn|error):.*(Apollo|report)/i.test(message))).toEqual([]);
  }, 60_000);
});

describe('Apollo Studio, not configured', () => {
  it('reports nothing when APOLLO_* are in the process environment but not in the configuration', async () => {
    // As from a developer's shell or a platform's injected variables: Apollo Server would read these by itself.
    const injected = { APOLLO_KEY: KEY, APOLLO_GRAPH_REF: GRAPH_REF, APOLLO_SCHEMA_REPORTING: 'true' };
    const saved = Object.fromEntries(Object.keys(injected).map((name) => [name, process.env[name]]));
    const lines: string[] = [];
    Object.assign(process.env, injected);
    let app: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      app = await startTestApp({ log: createLogger('debug', { write: (line: string) => void lines.push(line) }) });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    try {
      // Reporting plugins announce themselves while the server starts (see the test above), so by now they would have.
      expect(lines.filter((line) => /Apollo (usage|schema) reporting/.test(line))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

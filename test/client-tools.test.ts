/**
 * The client tools the product is for work against the running server (docs/operations.md,
 * "Introspection"): the built server (`node dist/src/cli.js serve`), configured only through its
 * environment, answers the standard introspection query with the committed schema.graphql,
 * graphql-codegen pointed at its URL generates what the committed file generates, production
 * refuses introspection unless GRAPHQL_INTROSPECTION=true, graphql-ws takes the token where
 * clients put it, and Apollo Client's relayStylePagination pages through a connection with fetchMore
 * (docs/api-conventions.md, "Paged lists").
 */
import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter, firstValueFrom } from 'rxjs';
import { generate } from '@graphql-codegen/cli';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { createClient } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { HOTEL } from './support/fixtures';
import { createDayStocktake, startShippedServer, type ShippedServer } from './support/shipped-server';
import type { RawResponse } from './support/test-app';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
/** Every option graphql-js offers: what GraphiQL, Postman, Insomnia and codegen ask for, and more. */
const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const SCHEMA_QUERY = '{ __schema { queryType { name } } }';

/** The schema a printed SDL describes, in one canonical order. */
const canonical = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

function introspected(response: RawResponse): string {
  expect(response.json?.errors).toBeUndefined();
  const schema = buildClientSchema(response.json!.data as IntrospectionQuery);
  return printSchema(lexicographicSortSchema(schema));
}

/** Runs `query` over graphql-ws with the given connection parameters; resolves with its result or error. */
async function overWebSocket(server: ShippedServer, connectionParams: Record<string, unknown>, query: string) {
  let closeCode: number | undefined;
  const client = createClient({
    url: `ws://127.0.0.1:${server.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (event) => (closeCode = (event as { code: number }).code) },
  });
  try {
    // graphql-ws reports a refusal as the errors array or the close event, not as an Error: settle with it.
    return await new Promise<{ result?: unknown; error?: unknown; closeCode?: number }>((resolve) => {
      client.subscribe(
        { query },
        {
          next: (result) => resolve({ result }),
          error: (error) => resolve({ error, closeCode }),
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/**
 * A development server with no settings, for the tests of the first and last blocks: one process for both, as the
 * first block writes nothing (the last counts the stocktakes it creates).
 */
let server: ShippedServer;
beforeAll(async () => {
  server = await startShippedServer({});
});
afterAll(() => server?.close());

describe('a development server with no settings', () => {
  it('answers the full introspection query with exactly the committed schema.graphql', async () => {
    const committed = canonical(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
    expect(introspected(await server.post({ query: FULL_INTROSPECTION }, { token: null }))).toBe(committed);
    // graphql-js' default query asks for everything but @specifiedBy.
    expect(introspected(await server.post({ query: getIntrospectionQuery() }, { token: null }))).toBe(
      committed.replace(/ @specifiedBy\(url: "[^"]*"\)/g, ''),
    );
  });

  it('graphql-codegen pointed at its URL generates what the committed schema.graphql generates', async () => {
    const token = await server.token();
    const config = (schema: string | Record<string, { headers: Record<string, string> }>) => ({
      cwd: ROOT,
      schema,
      ignoreNoDocuments: false,
      silent: true,
      generates: {
        'test/__generated__/': {
          documents: ['test/operations/**/*.graphql'],
          preset: 'client' as const,
          presetConfig: { fragmentMasking: false },
          config: {
            enumsAsTypes: true,
            useTypeImports: true,
            scalars: { Decimal: 'string', LocalDate: 'string', DateTime: 'string', ID: 'string' },
          },
        },
      },
    });
    const fromUrl = await generate(config({ [server.url]: { headers: { authorization: `Bearer ${token}` } } }), false);
    const fromFile = await generate(config(path.join(ROOT, 'schema.graphql')), false);
    const contents = (outputs: Array<{ filename: string; content: string }>) =>
      Object.fromEntries(outputs.map((output) => [path.basename(output.filename), output.content]));
    expect(Object.keys(contents(fromUrl)).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    expect(contents(fromUrl)).toEqual(contents(fromFile));
    // And the committed files are what the running server's schema generates.
    for (const [name, content] of Object.entries(contents(fromUrl)))
      expect(readFileSync(path.join(ROOT, 'test/__generated__', name), 'utf8')).toBe(content);
  });

  it('serves Apollo Sandbox at /graphql to a browser', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it.each([
    ['authorization', (token: string) => ({ authorization: `Bearer ${token}` })],
    ['Authorization', (token: string) => ({ Authorization: `Bearer ${token}` })],
    ['headers.authorization', (token: string) => ({ headers: { authorization: `Bearer ${token}` } })],
    ['headers.Authorization', (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })],
  ])('graphql-ws takes the token as connectionParams.%s; a wrong one there closes with 4403', async (_, params) => {
    const query = `subscription { stocktakeListEvents(hotel: "${HOTEL}", afterSequence: 0) { __typename } }`;
    // No event yet on a fresh database: a query over the socket proves the connection was accepted.
    const accepted = await overWebSocket(server, params(await server.token()), '{ me { id } }');
    expect(accepted).toEqual({ result: { data: { me: { id: 'manager-1' } } } });
    const refused = await overWebSocket(server, params('not-a-token'), query);
    expect(refused.closeCode).toBe(4403);
  });
});

describe('a production server', () => {
  let closed: ShippedServer;
  let open: ShippedServer;
  beforeAll(async () => {
    [closed, open] = await Promise.all([
      startShippedServer({ NODE_ENV: 'production' }),
      startShippedServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }),
    ]);
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
  });

  it('refuses introspection, over HTTP and graphql-ws, with a coded error', async () => {
    const http = await closed.post({ query: SCHEMA_QUERY });
    expect(http.status).toBe(400);
    // One error per introspection field the query selects.
    expect(new Set(http.json?.errors?.map((error) => error.extensions?.code))).toEqual(
      new Set(['GRAPHQL_VALIDATION_FAILED']),
    );
    expect(http.json?.errors?.[0]?.message).toMatch(/introspection/i);
    const ws = await overWebSocket(closed, { authorization: `Bearer ${await closed.token()}` }, SCHEMA_QUERY);
    expect(ws.error).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
      ]),
    );
  });

  it('answers it with GRAPHQL_INTROSPECTION=true, over HTTP and graphql-ws', async () => {
    const committed = canonical(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
    expect(introspected(await open.post({ query: FULL_INTROSPECTION }))).toBe(committed);
    const ws = await overWebSocket(open, { authorization: `Bearer ${await open.token()}` }, SCHEMA_QUERY);
    expect(ws).toEqual({ result: { data: { __schema: { queryType: { name: 'Query' } } } } });
  });
});

describe("Apollo Client's relayStylePagination", () => {
  interface StocktakePage {
    stocktakes: {
      edges: Array<{ cursor: string; node: { id: string; periodEnd: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }
  const PAGE: TypedDocumentNode<StocktakePage, { hotel: string; first: number; after?: string | null }> = gql`
    query StocktakePage($hotel: String!, $first: Int!, $after: String) {
      stocktakes(hotel: $hotel, first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            periodEnd
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `;
  const created: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 5; i += 1) created.push(await createDayStocktake(server));
  });

  it('pages through stocktakes with fetchMore, the cache merging the pages into one list', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: server.url, headers: { authorization: `Bearer ${await server.token()}` } }),
      // The pages of one hotel and status are one list in the cache, whatever `first` and `after` were.
      cache: new InMemoryCache({
        typePolicies: { Query: { fields: { stocktakes: relayStylePagination(['hotel', 'status']) } } },
      }),
    });
    try {
      // What a list screen does: watch the first page, then fetchMore with each page's endCursor.
      const query = client.watchQuery({ query: PAGE, variables: { hotel: HOTEL, first: 2 } });
      const first = await firstValueFrom(query.pipe(filter((result) => !result.loading)));
      if (first.dataState !== 'complete') throw new Error(`no first page: ${JSON.stringify(first)}`);
      const pages = [first.data.stocktakes];
      while (pages.at(-1)!.pageInfo.hasNextPage) {
        const more = await query.fetchMore({ variables: { after: pages.at(-1)!.pageInfo.endCursor } });
        pages.push(more.data.stocktakes);
      }
      expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
      // The watched query now shows the merged list: newest period first, so the reverse of creation
      // (createDayStocktake gives each a later day), and the last page's pageInfo.
      const current = query.getCurrentResult();
      if (current.dataState !== 'complete') throw new Error(`no merged list: ${JSON.stringify(current)}`);
      const merged = current.data.stocktakes;
      expect(merged.edges.map((edge) => edge.node.id)).toEqual([...created].reverse());
      expect(merged.pageInfo).toEqual(
        expect.objectContaining({ hasNextPage: false, endCursor: pages[2]!.edges[0]!.cursor }),
      );
    } finally {
      client.stop();
    }
  });
});

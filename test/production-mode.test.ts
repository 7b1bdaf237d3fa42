/**
 * What an operator gets with NODE_ENV=production: no schema introspection,
 * no Apollo Sandbox, and errors without stack traces.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MeDocument } from './__generated__/graphql';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { NODE_ENV: 'production' } });
});
afterAll(() => t.close());

async function post(body: unknown, token?: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

it('answers queries as usual', async () => {
  const me = await t.graphql(MeDocument, {});
  expect(me.data!.me).toMatchObject({ id: 'manager-1', name: 'Mary Manager' });
});

it('refuses introspection', async () => {
  const { status, body } = await post({ query: '{ __schema { types { name } } }' }, await t.token());
  expect(status).toBe(400);
  expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors![0]!.message).toMatch(/introspection is not allowed/i);
});

it('reports errors without stack traces', async () => {
  const invalid = await post({ query: '{ nope }' }, await t.token());
  const refused = await post({ query: '{ stocktake(id: "999") { id } }' }, await t.token());
  expect(invalid.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  expect(refused.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Stocktake', id: '999' });
});

it('serves no Apollo Sandbox page: a browser gets the plain GraphQL refusal that development would replace with the Sandbox', async () => {
  const browse = async (url: string) => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  const production = await browse(t.url);
  expect({ status: production.status, type: production.type }).toEqual({
    status: 400,
    type: 'application/json; charset=utf-8',
  });
  expect(JSON.parse(production.body).errors[0].extensions.code).toBe('BAD_REQUEST');

  const development = await startTestApp();
  try {
    const page = await browse(development.url);
    expect({ status: page.status, type: page.type }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('embeddable-sandbox');
  } finally {
    await development.close();
  }
});

it('applies the same rules over WebSocket: no introspection there either', async () => {
  const client = createClient({
    url: `ws://127.0.0.1:${t.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${await t.token()}` },
    retryAttempts: 0,
  });
  try {
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: '{ __schema { types { name } } }' },
        { next: (value) => resolve(value), error: resolve, complete: () => undefined },
      );
    });
    const refusals = errors as Array<{ message: string; extensions: unknown }>;
    expect(refusals[0]).toMatchObject({
      message: expect.stringMatching(/introspection has been disabled/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    for (const refusal of refusals) expect(refusal.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  } finally {
    await client.dispose();
  }
});

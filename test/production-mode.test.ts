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
  t = await startTestApp({ isProduction: true });
});
afterAll(() => t.close());

async function post(body: unknown, token?: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
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

it('serves no Apollo Sandbox page', async () => {
  const response = await fetch(t.url, { headers: { accept: 'text/html' } });
  const page = await response.text();
  expect(page).not.toMatch(/sandbox/i);
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
      client.subscribe({ query: '{ __schema { types { name } } }' }, { next: (value) => resolve(value), error: resolve, complete: () => undefined });
    });
    const refusals = errors as Array<{ message: string; extensions: unknown }>;
    expect(refusals[0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    for (const refusal of refusals) expect(refusal.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  } finally {
    await client.dispose();
  }
});

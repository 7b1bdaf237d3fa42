/** The orchestrator's own GraphQL calls (seeding, the timed operations of B7): plain fetch with a bearer token. */

export const UPDATE_LINE = `mutation Count($id: ID!, $input: UpdateStocktakeLineInput!) {
  updateStocktakeLine(id: $id, input: $input) { id version countedQty }
}`;

export interface TimedResult<T> {
  data: T;
  ms: number;
  bytes: number;
}

export async function timedGraphql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 60_000,
): Promise<TimedResult<T>> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 300)}`);
  }
  if (body.errors?.length || !body.data) {
    const error = body.errors?.[0];
    throw new Error(
      `GraphQL error (HTTP ${response.status}): ${error ? `${error.extensions?.code ?? ''} ${error.message}` : text.slice(0, 300)}`,
    );
  }
  return { data: body.data, ms, bytes: Buffer.byteLength(text) };
}

export async function graphql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 60_000,
): Promise<T> {
  return (await timedGraphql<T>(url, token, query, variables, timeoutMs)).data;
}

/** A random count in the input's format (at most 2 places). */
export function randomCounts(): { countedFullUnits: string; countedPartialUnits: string } {
  return {
    countedFullUnits: String(Math.floor(Math.random() * 20)),
    countedPartialUnits: (Math.floor(Math.random() * 1000) / 100).toFixed(2),
  };
}

export interface RawOutcome {
  status: number;
  /** Bytes of the answer. */
  bytes: number;
  /** The distinct `extensions.code`s of its errors (`(not JSON)` when the answer was not JSON). */
  codes: string[];
}

/** One POST of a JSON body as it is, with or without a token: for scenarios that expect refusals. */
export async function postBody(url: string, token: string | undefined, body: string): Promise<RawOutcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  let codes: string[];
  try {
    const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
    codes = [...new Set((parsed.errors ?? []).map((error) => error.extensions?.code ?? '?'))];
  } catch {
    codes = ['(not JSON)'];
  }
  return { status: response.status, bytes: Buffer.byteLength(text), codes };
}

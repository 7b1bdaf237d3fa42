/**
 * GraphQL over HTTP through nginx, as a client of the stack sees it (.ci/stack). Mutations carry
 * an Idempotency-Key and are retried with it until they succeed, so a request cut off by a dying
 * replica is repaired without being applied twice (docs/collaboration.md, "Idempotency keys").
 */
import { randomUUID } from 'node:crypto';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfterMs?: number } }>;
}

export interface Endpoint {
  /** nginx's address, e.g. http://127.0.0.1:40123. */
  url: string;
  token: string;
}

/**
 * One POST /graphql; throws only when no HTTP answer came (connection refused or reset). Refused
 * RATE_LIMITED, it waits the time it is told and asks again, as a client should: the check's one
 * manager token carries the whole load, past one user's budget (docs/operations.md, "Per-token budgets").
 */
export async function graphql<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await post<T>(endpoint, query, variables, headers);
    const limited = answer.errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
    if (!limited || attempt >= 30) return answer;
    await new Promise((resolve) => setTimeout(resolve, Math.max(limited.extensions?.retryAfterMs ?? 0, 100)));
  }
}

async function post<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${endpoint.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.token}`, ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: Omit<GraphQLAnswer<T>, 'status'>;
  try {
    body = JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status'>;
  } catch {
    body = { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, ...body };
}

/** The data of a query or mutation that must succeed the first time (set-up steps). */
export async function must<T>(endpoint: Endpoint, query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await graphql<T>(endpoint, query, variables);
  if (answer.errors || !answer.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(answer)}`);
  return answer.data;
}

export interface MutationOutcome<T> {
  data: T;
  /** Attempts that failed before the one that succeeded (0: first time). */
  failedAttempts: number;
  /** The X-Request-Id of the attempt that succeeded (nginx logs it with the replica that served it). */
  requestId: string;
}

const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/**
 * A mutation with an Idempotency-Key, retried with the same key (at most `attempts` times, 100 ms
 * apart) while nginx cannot reach a replica (502/504), the connection fails, or the database is
 * unavailable (RATE_LIMITED waits inside `graphql`); a refusal of the request itself (a bad input)
 * is not retried but thrown.
 */
export async function idempotentMutation<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown>,
  label: string,
  attempts = 100,
): Promise<MutationOutcome<T>> {
  const key = randomUUID();
  let lastProblem = '';
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const requestId = `${label}-${attempt}`;
    try {
      const answer = await graphql<T>(endpoint, query, variables, {
        'idempotency-key': key,
        'x-request-id': requestId,
      });
      if (answer.data && !answer.errors) return { data: answer.data, failedAttempts: attempt, requestId };
      lastProblem = `HTTP ${answer.status} ${JSON.stringify(answer.errors)}`;
      const codes = (answer.errors ?? []).map((error) => error.extensions?.code ?? '');
      if (answer.status < 500 && !codes.some((code) => RETRYABLE.has(code))) break;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${label} failed after retries with its Idempotency-Key: ${lastProblem}`);
}

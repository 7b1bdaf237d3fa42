/**
 * The Express step in front of Apollo Server at /graphql (docs/operations.md,
 * "Operation limits"), so that nothing expensive runs before we know who is
 * asking:
 *
 * 1. variables nested deeper than MAX_INPUT_DEPTH are refused (400,
 *    BAD_USER_INPUT naming the variable) before anything walks them;
 * 2. the bearer token is verified, once: the result is left in
 *    `res.locals` for the context function (`authOf`); a user whose
 *    budget is spent is refused here (429 RATE_LIMITED, token-budgets.ts);
 * 3. the document is parsed within the token limit and pre-checked
 *    (document-precheck.ts: fragments, fragment chains, repeated fields),
 *    refused with 400 GRAPHQL_VALIDATION_FAILED before graphql-js' validation;
 * 4. a request without a valid token is answered here, with the error its
 *    resolvers would give (UNAUTHENTICATED), unless it selects only
 *    introspection fields while introspection is on: it is never validated
 *    nor executed.
 *
 * A document that does not parse goes on to Apollo, which refuses it with
 * GRAPHQL_PARSE_FAILED as ever (parsing is bounded by the token limit).
 *
 * The JSON body itself is read by `graphqlJsonBody`, which measures how
 * deep it nests before JSON.parse: parsing a 1 MB body nested 500,000 deep
 * costs V8 over 0.1 s, scanning its bytes a millisecond.
 */
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  isNonNullType,
  parse,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DomainError } from '../../domain/errors';
import type { GraphQLContext } from '../../graphql/context';
import { precheckDocument } from '../../graphql/document-precheck';
import { checkInputNesting, MAX_INPUT_DEPTH, nestsDeeperThan } from '../../graphql/input-guard';
import { parseOptions, type OperationLimits } from '../../graphql/operation-limits';
import { bearerToken, type TokenVerifier } from '../auth/tokens';

type Authentication = Pick<GraphQLContext, 'viewer' | 'authError'>;

interface GraphqlGateOptions {
  schema: GraphQLSchema;
  limits: OperationLimits;
  /** GRAPHQL_INTROSPECTION: introspection-only documents go on to Apollo without a token. */
  introspection: boolean;
  verifyToken: TokenVerifier;
  /** Refuses (RATE_LIMITED) a user whose budget is spent, before their document is parsed (token-budgets.ts). */
  admit: (userId: string) => Promise<void>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const AUTH = 'stocktakeAuthentication';

/** What the gate found out about the caller; the gate must have run. */
export function authOf(response: Response): Authentication {
  const auth = response.locals[AUTH] as Authentication | undefined;
  if (!auth) throw new Error('graphqlGate must run before the GraphQL context is made');
  return auth;
}

/** A body nesting deeper than the variables may: where, by the keys of its first two levels. */
class BodyTooDeep extends Error {
  constructor(readonly path: string[]) {
    super('The request body nests too deep');
  }
}

/** The refusal of a value nested too deep at `path` (`['variables', name]`, `['extensions']`, …). */
export function tooDeepRefusal(path: string[]): GraphQLError {
  const field = path[0] === 'variables' && path[1] !== undefined ? path[1] : (path[0] ?? 'body');
  const message =
    field === path[1]
      ? `Variable "$${field}" nests deeper than ${MAX_INPUT_DEPTH} levels`
      : `The request's ${field} nests deeper than ${MAX_INPUT_DEPTH} levels`;
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field, limit: 'inputDepth', max: MAX_INPUT_DEPTH },
  });
}

/** Where a JSON text first nests too deep: the keys of its first levels, and its top-level `id` if seen. */
interface TooDeepJson {
  path: string[];
  /** The string value of the top-level key `id` when it came before (a graphql-ws message's operation id). */
  id?: string;
}

/**
 * Where the first array or object that nests more than `maxDepth` levels deep in JSON `text` is (the
 * outermost value is level 1), or null. One pass over the bytes, outside strings: `{`, `[`, `}`, `]`,
 * `"` and `:` are ASCII, never part of a multi-byte UTF-8 character.
 */
export function jsonTooDeep(text: Uint8Array, maxDepth: number, keyLevels = 2): TooDeepJson | null {
  const keys: string[] = [];
  let id: string | undefined;
  let depth = 0;
  let stringStart = -1;
  let lastString: [number, number] | null = null;
  let idNext = false;
  const decode = (from: number, to: number): string => {
    try {
      const value = JSON.parse(Buffer.from(text.subarray(from, to)).toString()) as unknown;
      return typeof value === 'string' ? value : '?';
    } catch {
      return '?';
    }
  };
  for (let i = 0; i < text.length; i++) {
    const byte = text[i]!;
    if (stringStart >= 0) {
      if (byte === 0x5c) i += 1;
      else if (byte === 0x22) {
        lastString = [stringStart, i + 1];
        stringStart = -1;
        if (idNext && depth === 1) {
          // The string right after `"id":` is its value.
          id = decode(lastString[0], lastString[1]);
          idNext = false;
        }
      }
      continue;
    }
    if (byte === 0x22) stringStart = i;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return { path: keys.slice(0, keyLevels), ...(id === undefined ? {} : { id }) };
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
    else if (byte === 0x3a && lastString && depth >= 1 && depth <= keyLevels) {
      // A key of one of the first levels: what a refusal names.
      keys.length = depth - 1;
      keys[depth - 1] = decode(lastString[0], lastString[1]);
      idNext = depth === 1 && keys[0] === 'id';
      lastString = null;
      continue;
    } else if (byte === 0x2c) idNext = false;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0x22) lastString = null;
  }
  return null;
}

/**
 * `express.json` for /graphql (at most 1 MB), refusing a body that nests deeper than the variables may
 * (MAX_INPUT_DEPTH, plus the body's and `variables`' own levels) before JSON.parse sees it: 400 and
 * BAD_USER_INPUT naming the variable, as `graphqlGate` refuses a parsed one.
 */
export function graphqlJsonBody(formatError: GraphqlGateOptions['formatError']): [RequestHandler, ErrorRequestHandler] {
  const parse = express.json({
    limit: '1mb',
    verify: (_request, _response, buffer, encoding) => {
      const bytes = /^utf-?8$/i.test(encoding)
        ? buffer
        : new TextEncoder().encode(new TextDecoder(encoding).decode(buffer));
      const found = jsonTooDeep(bytes, MAX_INPUT_DEPTH + 2);
      if (found) throw new BodyTooDeep(found.path);
    },
  });
  const refuse: ErrorRequestHandler = (error: unknown, _request, response, next) => {
    if (!(error instanceof BodyTooDeep)) return next(error);
    const refusal = tooDeepRefusal(error.path);
    response.status(400).json({ errors: [formatError(refusal.toJSON(), refusal)] });
  };
  return [parse, refuse];
}

/** Pre-check verdicts of recent query texts, so a client repeating its documents parses each once here. */
const CACHE_SIZE = 1_000;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

export function graphqlGate(options: GraphqlGateOptions): RequestHandler {
  const verdicts = new Map<string, GraphQLError | null>();
  const send = (response: Response, status: number, errors: GraphQLError[], data?: unknown) => {
    const formatted = errors.map((error) => options.formatError(error.toJSON(), error));
    response.status(status).json(data === undefined ? { errors: formatted } : { errors: formatted, data });
  };

  return async (request, response, next) => {
    try {
      const body = requestOf(request.method, request.body, request.query);
      if (!body) {
        response.locals[AUTH] = await authenticate(options.verifyToken, request.headers.authorization);
        next();
        return;
      }
      // Bodies are measured before parsing (graphqlJsonBody); a GET request's query string is measured here.
      const tooDeep =
        checkInputNesting(body.variables) ??
        (nestsDeeperThan(body.extensions, MAX_INPUT_DEPTH) ? tooDeepRefusal(['extensions']) : null);
      if (tooDeep) return send(response, 400, [tooDeep]);
      const auth = await authenticate(options.verifyToken, request.headers.authorization);
      response.locals[AUTH] = auth;
      if (auth.viewer) {
        const spent = await refusalOf(() => options.admit(auth.viewer!.id));
        if (spent) {
          response.setHeader('retry-after', String(Math.ceil(Number(spent.extensions.retryAfterMs) / 1000)));
          return send(response, 429, [spent]);
        }
      }
      if (typeof body.query !== 'string') return next();
      const known = auth.viewer ? verdicts.get(body.query) : undefined;
      if (known !== undefined) return known ? send(response, 400, [known]) : next();
      let document: DocumentNode;
      try {
        document = parse(body.query, parseOptions(options.limits));
      } catch {
        return next();
      }
      const refused = precheckDocument(document, options.limits);
      if (auth.viewer) {
        verdicts.delete(body.query);
        verdicts.set(body.query, refused);
        if (verdicts.size > CACHE_SIZE) verdicts.delete(verdicts.keys().next().value!);
      }
      if (refused) return send(response, 400, [refused]);
      if (auth.viewer) return next();
      const operation = findOperation(document, body.operationName);
      if (
        options.introspection &&
        operation?.operation === OperationTypeNode.QUERY &&
        introspectionOnly(document, operation)
      )
        return next();
      const unauthenticated = auth.authError ?? new DomainError('UNAUTHENTICATED', 'A valid bearer token is required');
      const answer = unauthenticatedAnswer(options.schema, document, operation, unauthenticated);
      return send(response, 200, answer.errors, answer.data);
    } catch (error) {
      next(error);
    }
  };
}

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The GraphQL request of a POST (its JSON body) or a GET (its query string, variables as JSON); else null. */
function requestOf(method: string, body: unknown, query: unknown): GraphQLRequestBody | null {
  if (method === 'POST') return body && typeof body === 'object' && !Array.isArray(body) ? body : null;
  if (method !== 'GET' || !query || typeof query !== 'object') return null;
  const fromUrl = query as Record<string, unknown>;
  // Apollo parses these itself and refuses what is not JSON: the gate only needs to see how deep they go.
  const json = (value: unknown) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    query: fromUrl.query,
    operationName: fromUrl.operationName,
    variables: json(fromUrl.variables),
    extensions: json(fromUrl.extensions),
  };
}

/** Who the Authorization header names: a viewer, an error to report on first use, or no one. */
/** The budget's RATE_LIMITED refusal as a GraphQL error, or null when it lets the request through. */
async function refusalOf(check: () => Promise<void>): Promise<GraphQLError | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return new GraphQLError(error.message, { extensions: error.extensions });
  }
}

async function authenticate(verifyToken: TokenVerifier, authorization: string | undefined): Promise<Authentication> {
  try {
    const token = bearerToken(authorization);
    return { viewer: token === null ? null : await verifyToken(token), authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { viewer: null, authError: error };
    throw error;
  }
}

function findOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (typeof operationName === 'string') return operations.find((op) => op.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/**
 * The fields at the operation's top level, through inline fragments and spread fragments (each once; at most
 * MAX_FRAGMENTS of them once the pre-check has passed).
 */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const fields: FieldNode[] = [];
  const spread = new Set<string>();
  // Depth first, in document order, without recursion: each frame is a selection set and where we are in it.
  const stack: Array<{ set: SelectionSetNode; next: number }> = [{ set: operation.selectionSet, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const selection = frame.set.selections[frame.next];
    frame.next += 1;
    if (!selection) stack.pop();
    else if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push({ set: selection.selectionSet, next: 0 });
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) stack.push({ set: fragment.selectionSet, next: 0 });
    }
  }
  return fields;
}

function introspectionOnly(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fields = rootFields(document, operation);
  return fields.length > 0 && fields.every((field) => INTROSPECTION_FIELDS.has(field.name.value));
}

/**
 * What executing the operation would answer without a token: each root field's resolver refuses with
 * UNAUTHENTICATED (one error per response name, at that field), and `data` is null when a refused field is
 * non-null, else each field null (`__typename` answered).
 */
function unauthenticatedAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null,
  refusal: DomainError,
): { errors: GraphQLError[]; data: Record<string, unknown> | null } {
  const error = (field?: FieldNode) =>
    new GraphQLError(refusal.message, {
      nodes: field,
      path: field ? [(field.alias ?? field.name).value] : undefined,
      originalError: refusal,
      extensions: { ...refusal.extensions },
    });
  if (!operation) return { errors: [error()], data: null };
  const rootType = schema.getRootType(operation.operation);
  const rootFieldTypes = rootType?.getFields() ?? {};
  const errors: GraphQLError[] = [];
  const data: Record<string, unknown> = {};
  let nullData = false;
  for (const field of rootFields(document, operation)) {
    const name = (field.alias ?? field.name).value;
    if (name in data) continue;
    if (field.name.value === '__typename') {
      data[name] = rootType?.name ?? null;
      continue;
    }
    data[name] = null;
    errors.push(error(field));
    const type = rootFieldTypes[field.name.value]?.type;
    if (!type || isNonNullType(type)) nullData = true;
  }
  if (errors.length === 0) return { errors: [error()], data: null };
  return { errors, data: nullData ? null : data };
}

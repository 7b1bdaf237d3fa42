/**
 * What Apollo Server does for an HTTP request before executing it, for
 * transports that have no such pipeline (graphql-ws): parse within the token
 * limit, refuse variables nested too deep and documents past the pre-check
 * (document-precheck.ts), validate with the same rules, refuse control characters and text past
 * its length limit (text-limits.ts), coerce the variables and check the cost, each failure with
 * the code it gets over HTTP. Parsing and validation are cached by query text, so a
 * thousand clients subscribing with the same document cost one parse.
 */
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { precheckDocument } from './document-precheck';
import { checkControlCharacters, checkInputNesting } from './input-guard';
import { allValidationRules, checkCost, parseOptions, type OperationLimits } from './operation-limits';
import { textLimitGuard } from './text-limits';

interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

interface PreparedOperation {
  document: DocumentNode;
  variableValues: Record<string, unknown>;
  /** The query text as first seen: equal to the request's, and shared by every request that sent it. */
  query: string;
  /** What the cost model prices it at (the caller's budget pays it). */
  price: number;
}

type Checked =
  | { document: DocumentNode; query: string; errors?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[] };

const CACHE_SIZE = 1_000;

/** The error with `code`, as Apollo reports the same failure over HTTP (other extensions kept). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

export function operationPreparer(schema: GraphQLSchema, limits: OperationLimits, introspection: boolean) {
  const rules: ValidationRule[] = allValidationRules(limits, introspection);
  const checkTextLengths = textLimitGuard(schema);
  // Map keeps insertion order: the first key is the least recently used.
  const cache = new Map<string, Checked>();

  const check = (query: string): Checked => {
    const cached = cache.get(query);
    if (cached) {
      cache.delete(query);
      cache.set(query, cached);
      return cached;
    }
    let checked: Checked;
    try {
      const document = parse(query, parseOptions(limits));
      // Bounds what graphql-js' validation can cost (document-precheck.ts).
      const tooLarge = precheckDocument(document, limits);
      const errors = tooLarge ? [tooLarge] : validate(schema, document, rules);
      checked =
        errors.length > 0
          ? { errors: errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) }
          : { document, query };
    } catch (error) {
      checked = { errors: [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    cache.set(query, checked);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return checked;
  };

  return (request: OperationRequest): PreparedOperation | readonly GraphQLError[] => {
    if (typeof request.query !== 'string' || request.query === '') {
      return [new GraphQLError('The operation has no query', { extensions: { code: 'BAD_REQUEST' } })];
    }
    // Before anything walks the variables (the guards, coercion, the idempotency hash, shared executions).
    const tooDeep = checkInputNesting(request.variables);
    if (tooDeep) return [tooDeep];
    const checked = check(request.query);
    if (checked.errors) return checked.errors;
    const { document, query } = checked;
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (!operation) {
      return [
        new GraphQLError('Unable to identify the operation to run: name it with operationName', {
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        }),
      ];
    }
    const badText =
      checkControlCharacters(document, request.variables) ??
      checkTextLengths(document, request.operationName, request.variables);
    if (badText) return [badText];
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
      maxErrors: 20,
    });
    if (coerced.errors) return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
    const cost = checkCost(schema, document, request.operationName, request.variables, limits);
    if (cost.refusal) return [cost.refusal];
    return { document, variableValues: request.variables ?? {}, query, price: cost.price };
  };
}

/**
 * Limits every operation must pass, over HTTP and graphql-ws alike, so that
 * no single request can occupy the server (docs/operations.md, "Operation
 * limits"):
 *
 * - tokens: graphql-js stops parsing past `maxTokens`;
 * - depth, aliases and directives: graphql-armor's validation rules, which
 *   visit each fragment once (the cost of checking stays linear in the
 *   document, however often a fragment is spread);
 * - cost: graphql-query-complexity with the variables of the request. The
 *   price is in units of COST_UNIT_MICROSECONDS of server CPU, with weights
 *   set from measurement (`npm run bench`, "cost calibration"): a base for
 *   any operation, what each field that reads the database costs once, and a
 *   list field's children times the number of items it may return
 *   (`first`/`limit` when given, else the size declared on the field); a
 *   connection (graphql/types/connection.ts) likewise, by its `first`. The
 *   same price is what the caller's budget pays (infrastructure/token-budgets.ts).
 *   The walk stops after `MAX_COST_NODES` nodes, so even a document that expands
 *   exponentially is refused after a bounded amount of work. Introspection
 *   fields cost 1 whatever they select: their answer is bounded by the schema,
 *   not by the document, and graphql-js' own MaxIntrospectionDepthRule (in
 *   `specifiedRules`) already refuses introspection nested deep enough to
 *   grow, so client tools can load the schema (docs/operations.md,
 *   "Introspection").
 */
import { argumentRangeError } from './argument-ranges';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  visit,
  getNullableType,
  isIntrospectionType,
  isListType,
  isObjectType,
  specifiedRules,
  type DocumentNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 10,
  maxTokens: 5_000,
  maxCost: 25_000,
};

/**
 * Server CPU one unit of cost stands for, in microseconds: the weights below are set so that an
 * operation's price times this is close to what it measurably costs (`npm run bench`, "cost calibration").
 */
export const COST_UNIT_MICROSECONDS = 10;

/** How many items a list field is assumed to return when nothing says otherwise. */
const DEFAULT_LIST_SIZE = 100;

/** The cost walk gives up after this many selections: far more than any honest operation has. */
const MAX_COST_NODES = 10_000;

/**
 * What any operation costs before its fields: receiving, parsing, validating and answering it
 * (measured: about 3 ms of CPU for a small document seen for the first time).
 */
export const BASE_OPERATION_COST = 300;

/** What a mutation field costs unless it declares otherwise: a transaction, its events, the outbox (bench: about 4 ms). */
const MUTATION_COST = 400;

/** Extension a field sets (`@Extensions({ cost })`) for what resolving it once costs, when it reads the database. */
export const COST_EXTENSION = 'cost';

/** Extension a list field sets (`@Extensions({ listSize })`) to say how many items it usually returns. */
export const LIST_SIZE_EXTENSION = 'listSize';

/** Lines of a stocktake, as the cost model counts them: a large bar has about 250 items. */
export const EXPECTED_LINES = 300;
/** Items of a hotel's catalogue, likewise. */
export const EXPECTED_ITEMS = 300;

export function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions } });
}

/** Reports an armor rejection as our own error: a clear message and the limit that was hit. */
function reportAs(limit: string, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    context?.reportError(
      limitError(`The operation exceeds the ${limit} limit of ${max}${found ? ` (it has ${found})` : ''}`, {
        limit,
        max,
        ...(found ? { found: Number(found) } : {}),
      }),
    );
  };
}

/**
 * Rules run after graphql-js' own; Apollo adds `specifiedRules` itself, graphql-ws gets `allValidationRules`.
 * Without `introspection` (GRAPHQL_INTROSPECTION), `__schema` and `__type` are refused.
 */
export function limitRules(limits: OperationLimits, introspection: boolean): ValidationRule[] {
  const armor = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({
      ...armor,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: [reportAs('depth', limits.maxDepth)],
    }),
    maxAliasesRule({ ...armor, n: limits.maxAliases, onReject: [reportAs('aliases', limits.maxAliases)] }),
    maxDirectivesRule({ ...armor, n: limits.maxDirectives, onReject: [reportAs('directives', limits.maxDirectives)] }),
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

export function allValidationRules(limits: OperationLimits, introspection: boolean): ValidationRule[] {
  return [...specifiedRules, ...limitRules(limits, introspection)];
}

export function parseOptions(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** `__schema`, `__type` and everything under them cost 1 each, with nothing for what they select (see above). */
const introspectionEstimator: ComplexityEstimator = ({ field, type }) =>
  isIntrospectionType(type) || field.name.startsWith('__') ? 1 : undefined;

/** The field's declared cost of being resolved once (`@Extensions({ cost })`), or `fallback`. */
function ownCost(field: { extensions?: Record<string, unknown> | null }, fallback: number): number {
  const declared = field.extensions?.[COST_EXTENSION];
  return typeof declared === 'number' ? declared : fallback;
}

/**
 * A Relay-style connection (graphql/types/connection.ts): an object with `edges` and `pageInfo`. Its
 * `edges` and `nodes` declare one item each, so its selection is what one item costs.
 */
function isConnection(type: GraphQLOutputType): boolean {
  const named = getNullableType(type);
  if (!isObjectType(named)) return false;
  const fields = named.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/**
 * The only arguments the cost reads: how many items a list or connection returns. Declared once, so that an
 * argument the estimator reads is always one whose variable makes the verdict per request
 * (costDependsOnVariables); every other argument, a list given as a variable included, leaves the price as it is.
 */
const PAGE_SIZE_ARGUMENTS: readonly string[] = ['first', 'limit'];

/** How many items a paged field may return: `first` or `limit` when given, else its declared `listSize`, else DEFAULT_LIST_SIZE. */
function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const declared = field.extensions?.[LIST_SIZE_EXTENSION];
  const requested = PAGE_SIZE_ARGUMENTS.map((name) => args[name]).find(
    (value): value is number => typeof value === 'number' && value > 0,
  );
  return requested ?? (typeof declared === 'number' ? declared : DEFAULT_LIST_SIZE);
}

/**
 * A field costs its own cost (declared with COST_EXTENSION where resolving it reads the database,
 * else MUTATION_COST for a mutation and 1 for anything else) plus its selection; a list field its own cost (else 0) plus (1 + its selection) per item it
 * may return (pageSize). A connection costs its own cost plus its selection (one item's worth, see
 * isConnection) per item: `stocktakes(first: 50) { nodes { id } }` is priced as a list of 50 would be.
 */
const fieldEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const mutation = type.name === 'Mutation';
  if (isConnection(field.type)) return ownCost(field, 0) + pageSize(field, args) * childComplexity;
  if (!isListType(getNullableType(field.type))) return ownCost(field, mutation ? MUTATION_COST : 1) + childComplexity;
  return ownCost(field, mutation ? MUTATION_COST : 0) + pageSize(field, args) * (1 + childComplexity);
};

/**
 * Whether a document's cost depends on its variables: a `first` or `limit` given as a variable, or a
 * variable in any directive (`@include(if: $x)` / `@skip(if: $x)` decide which selections count).
 * Nothing else the estimators read can change with the variables.
 */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  const hasVariable = (node: { arguments?: readonly { value: { kind: Kind } }[] }) =>
    node.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE) ?? false;
  visit(document, {
    Argument(node) {
      if (PAGE_SIZE_ARGUMENTS.includes(node.name.value) && node.value.kind === Kind.VARIABLE) depends = true;
    },
    Directive(node) {
      if (hasVariable(node)) depends = true;
    },
  });
  return depends;
}

/** The operation's price in cost units, or the error that refuses it. */
type CostVerdict = { price: number; refusal?: undefined } | { price?: undefined; refusal: GraphQLError };

/**
 * Documents are parsed once and reused (Apollo's document cache, ours for graphql-ws): so is their
 * verdict, unless it depends on the variables, when it is computed for each request.
 */
const verdicts = new WeakMap<DocumentNode, { dependsOnVariables: boolean; byOperation: Map<string, CostVerdict> }>();

/** The price of the operation that will run, or the error that refuses it. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): CostVerdict {
  let known = verdicts.get(document);
  if (!known) {
    known = { dependsOnVariables: costDependsOnVariables(document), byOperation: new Map() };
    verdicts.set(document, known);
  }
  if (known.dependsOnVariables) return computeVerdict(schema, document, operationName, variables, limits);
  const key = operationName ?? '';
  let verdict = known.byOperation.get(key);
  if (!verdict) {
    verdict = computeVerdict(schema, document, operationName, variables, limits);
    known.byOperation.set(key, verdict);
  }
  return verdict;
}

/**
 * What the operation would cost in the model's units (see the module comment): BASE_OPERATION_COST
 * plus its fields. The figure the cost limit and the per-token budgets use. Throws
 * graphql-query-complexity's error when the walk passes MAX_COST_NODES.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  return (
    BASE_OPERATION_COST +
    getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [introspectionEstimator, fieldEstimator, simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: MAX_COST_NODES,
    })
  );
}

function computeVerdict(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): CostVerdict {
  // An out-of-range `limit` is the caller's mistake to name, not a price (argument-ranges.ts).
  const outOfRange = argumentRangeError(schema, document, operationName, variables);
  if (outOfRange) return { refusal: outOfRange };
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables);
  } catch (error) {
    // Bad variables are reported by execution with the usual BAD_USER_INPUT; only the size matters here.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return {
        refusal: limitError(
          `The operation is too large to run (more than ${MAX_COST_NODES} selections once fragments are expanded)`,
          { limit: 'cost', max: limits.maxCost },
        ),
      };
    }
    return { price: BASE_OPERATION_COST };
  }
  if (cost <= limits.maxCost) return { price: cost };
  return {
    refusal: limitError(
      `The operation would cost ${cost}; the limit is ${limits.maxCost} (list fields count once per item they may return)`,
      { limit: 'cost', max: limits.maxCost, found: cost },
    ),
  };
}

/**
 * Limits every operation must pass, over HTTP and graphql-ws alike, so that
 * no single request can occupy the server (docs/operations.md, "Operation
 * limits"):
 *
 * - tokens: graphql-js stops parsing past `maxTokens`;
 * - depth, aliases and directives: graphql-armor's validation rules, which
 *   visit each fragment once (the cost of checking stays linear in the
 *   document, however often a fragment is spread);
 * - cost: graphql-query-complexity with the variables of the request, where
 *   a list field costs its children times the number of items it may return
 *   (`first`/`limit` when given, else the size declared on the field); the
 *   walk stops after `MAX_COST_NODES` nodes, so even a document that expands
 *   exponentially is refused after a bounded amount of work. Introspection
 *   fields cost 1 whatever they select: their answer is bounded by the schema,
 *   not by the document, and graphql-js' own MaxIntrospectionDepthRule (in
 *   `specifiedRules`) already refuses introspection nested deep enough to
 *   grow, so client tools can load the schema (docs/operations.md,
 *   "Introspection").
 */
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
  specifiedRules,
  type DocumentNode,
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

/** How many items a list field is assumed to return when nothing says otherwise. */
export const DEFAULT_LIST_SIZE = 100;

/** The cost walk gives up after this many selections: far more than any honest operation has. */
const MAX_COST_NODES = 10_000;

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

/**
 * A list field costs (1 + its selection) × its size: the `first` or `limit`
 * argument when present, else the field's declared `listSize`, else
 * DEFAULT_LIST_SIZE. Other fields cost 1 + their selection.
 */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  const declared = field.extensions?.[LIST_SIZE_EXTENSION];
  const requested = [args.first, args.limit].find((value): value is number => typeof value === 'number' && value > 0);
  const size = requested ?? (typeof declared === 'number' ? declared : DEFAULT_LIST_SIZE);
  return size * (1 + childComplexity);
};

/** Whether a document's cost depends on its variables: only a `first` or `limit` given as a variable does. */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'limit') && node.value.kind === Kind.VARIABLE)
        depends = true;
    },
  });
  return depends;
}

/** Documents are parsed once and reused (Apollo's document cache, ours for graphql-ws): so is their cost. */
const costs = new WeakMap<
  DocumentNode,
  { dependsOnVariables: boolean; byOperation: Map<string, GraphQLError | null> }
>();

/** The cost of the operation that will run, or the error that refuses it. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): GraphQLError | null {
  let known = costs.get(document);
  if (!known) {
    known = { dependsOnVariables: costDependsOnVariables(document), byOperation: new Map() };
    costs.set(document, known);
  }
  if (known.dependsOnVariables) return computeCost(schema, document, operationName, variables, limits);
  const key = operationName ?? '';
  if (!known.byOperation.has(key))
    known.byOperation.set(key, computeCost(schema, document, operationName, variables, limits));
  return known.byOperation.get(key)!;
}

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): GraphQLError | null {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [introspectionEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (error) {
    // Bad variables are reported by execution with the usual BAD_USER_INPUT; only the size matters here.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return limitError(
        `The operation is too large to run (more than ${MAX_COST_NODES} selections once fragments are expanded)`,
        {
          limit: 'cost',
          max: limits.maxCost,
        },
      );
    }
    return null;
  }
  if (cost <= limits.maxCost) return null;
  return limitError(
    `The operation would cost ${cost}; the limit is ${limits.maxCost} (list fields count once per item they may return)`,
    {
      limit: 'cost',
      max: limits.maxCost,
      found: cost,
    },
  );
}

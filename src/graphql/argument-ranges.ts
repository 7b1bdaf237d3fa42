/**
 * The page-size arguments (`first`, `limit`) of a field with an allowed range, checked against the
 * request's variables before the operation is priced: `channelEvents(limit: 100000)` is
 * BAD_USER_INPUT naming `limit` and the range, not a cost error that hides which argument was
 * wrong. The resolvers check the same ranges again, and other arguments (`afterSequence`) only
 * there (docs/operations.md, "Operation limits").
 *
 * Only `first` and `limit` are checked here because only they make the cost verdict depend on the
 * variables (operation-limits.ts): a verdict cached per document must not depend on anything else.
 *
 * A field declares its ranges with `@Extensions({ [ARGUMENT_RANGES_EXTENSION]: { limit: { min: 1, max: 500 } } })`.
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getOperationAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

/** Extension naming a field's integer arguments and the range each must stay within. */
export const ARGUMENT_RANGES_EXTENSION = 'argumentRanges';

/** The arguments checked here: the ones the cost model reads (operation-limits.ts). */
const PAGE_ARGUMENTS = new Set(['first', 'limit']);

/** Inclusive bounds; an absent bound is not checked. */
interface ArgumentRange {
  min?: number;
  max?: number;
}

type ArgumentRanges = Record<string, ArgumentRange>;

/**
 * The BAD_USER_INPUT error for the first argument of the operation (and the fragments) outside
 * its declared range, or null. Linear in the document: each fragment definition is visited once.
 * Arguments left to their default, or given as variables the request does not set, are not checked.
 */
export function argumentRangeError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const typeInfo = new TypeInfo(schema);
  let error: GraphQLError | null = null;
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (error || !node.arguments?.length) return;
      const ranges = typeInfo.getFieldDef()?.extensions?.[ARGUMENT_RANGES_EXTENSION] as ArgumentRanges | undefined;
      if (!ranges) return;
      for (const argument of node.arguments) {
        const range = PAGE_ARGUMENTS.has(argument.name.value) ? ranges[argument.name.value] : undefined;
        const value = range ? integerValue(argument.value, variables) : undefined;
        if (range && value !== undefined && outside(value, range)) {
          error = rangeError(argument.name.value, value, range);
          return;
        }
      }
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (error) break;
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return error;
}

function integerValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables?.[node.name.value];
    // A value that is no GraphQL Int (a fraction, past 32 bits) is left to graphql-js, whose coercion names it.
    return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? value : undefined;
  }
  return undefined;
}

function outside(value: number, range: ArgumentRange): boolean {
  return (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
}

function rangeError(argument: string, value: number, range: ArgumentRange): GraphQLError {
  const allowed = range.max === undefined ? `${range.min} or more` : `between ${range.min ?? 'any'} and ${range.max}`;
  return new GraphQLError(`${argument} must be ${allowed} (it is ${value})`, {
    extensions: { code: 'BAD_USER_INPUT', field: argument, ...range },
  });
}

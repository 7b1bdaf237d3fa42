/**
 * What a stored idempotent result must hold besides the mutation's value
 * (docs/collaboration.md, "Idempotency keys"). Every field of a mutation's
 * answer is in the value its service returns except `Stocktake.lines` and
 * `Stocktake.linesConnection`, which are resolved on their own after the
 * mutation's transaction. Under an idempotency key, the lines of a stocktake
 * whose lines the operation selects (either way) are read inside that
 * transaction instead and stored with the result, and both resolvers answer
 * from them: the first answer and every replay are the same, never an older
 * stocktake next to a colleague's newer counts.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Sql } from '../domain/sql';
import { type LineView } from '../domain/line-view';

/** The type and fields resolved apart from the mutation's value (see StocktakeResolver.lines and linesConnection). */
const STOCKTAKE = 'Stocktake';
const LINE_FIELDS = new Set(['lines', 'linesConnection']);

interface CapturedLines {
  capturedLines?: LineView[];
}

/** A stocktake in a result's stored JSON form (its id a number, as StocktakeView has it). */
interface StoredStocktake extends CapturedLines {
  id: number;
}

/** The lines stored with a replayable result, if this stocktake came from one. */
export function capturedLinesOf(stocktake: object): LineView[] | undefined {
  return (stocktake as CapturedLines).capturedLines;
}

/**
 * Fails the start when a field resolved apart from the value (a
 * `@FieldResolver`) is reachable from a mutation's answer and is not the one
 * captured here: a replay would mix its live data into a stored answer.
 */
export function assertMutationAnswersCapturable(schema: GraphQLSchema): void {
  const reachable = new Set<string>();
  const visit = (type: GraphQLOutputType): void => {
    if (isNonNullType(type) || isListType(type)) return visit(type.ofType);
    if (!isObjectType(type) || reachable.has(type.name)) return;
    reachable.add(type.name);
    for (const field of Object.values(type.getFields())) visit(field.type);
  };
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) visit(field.type);
  const storage = getMetadataStorage();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === target)?.name;
    if (typeName === undefined || !reachable.has(typeName)) continue;
    if (typeName === STOCKTAKE && LINE_FIELDS.has(resolver.schemaName)) continue;
    throw new Error(
      `${typeName}.${resolver.schemaName} is resolved on its own and can be part of a mutation's answer: ` +
        'capture it for idempotent replays in src/graphql/replay-capture.ts (docs/collaboration.md, "Idempotency keys")',
    );
  }
}

type LoadLines = (target: Sql, stocktakeIds: readonly number[]) => Promise<Map<number, LineView[]>>;

/**
 * For the mutation field of `info`: adds to a result (its stored JSON form)
 * the lines of every stocktake in it whose `lines` the operation selects,
 * read with `target`, the mutation's transaction.
 */
export function captureSelectedLines(info: GraphQLResolveInfo, load: LoadLines) {
  return async (result: unknown, target: Sql): Promise<void> => {
    const stocktakes: StoredStocktake[] = [];
    collectStocktakesWithLines(info, result, info.returnType, info.fieldNodes, stocktakes);
    if (stocktakes.length === 0) return;
    const lines = await load(
      target,
      stocktakes.map((stocktake) => stocktake.id),
    );
    for (const stocktake of stocktakes) stocktake.capturedLines = lines.get(stocktake.id) ?? [];
  };
}

function collectStocktakesWithLines(
  info: GraphQLResolveInfo,
  value: unknown,
  type: GraphQLOutputType,
  nodes: readonly FieldNode[],
  found: StoredStocktake[],
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return collectStocktakesWithLines(info, value, type.ofType, nodes, found);
  if (isListType(type)) {
    if (Array.isArray(value))
      for (const item of value) collectStocktakesWithLines(info, item, type.ofType, nodes, found);
    return;
  }
  if (!isObjectType(type) || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const fieldNodes of subfields(info, type, nodes).values()) {
    const name = fieldNodes[0]!.name.value;
    if (type.name === STOCKTAKE && LINE_FIELDS.has(name)) {
      if (!found.includes(value as StoredStocktake)) found.push(value as StoredStocktake);
      continue;
    }
    const field = type.getFields()[name];
    // Object-typed fields of mutation payloads are properties of the same name (scalars aside, none is renamed).
    if (field) collectStocktakesWithLines(info, record[name], field.type, fieldNodes, found);
  }
}

/** The fields selected on `type` under `nodes`, by response key, as graphql-js collects them (@skip/@include, fragments). */
function subfields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const applies = (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = info.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
  };
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet.selections);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet?.selections ?? []);
  return fields;
}

function included(info: GraphQLResolveInfo, selection: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues);
  if (skip?.['if'] === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues);
  return include?.['if'] !== false;
}

/**
 * Every text an operation can send (String and ID arguments and input fields, and the string
 * scalars), bounded in length before anything reads the database: a longer value, written inline
 * or sent as a variable, is refused with BAD_USER_INPUT naming the argument or input field, over
 * HTTP and graphql-ws alike (docs/operations.md, "Text lengths"). A 300 KB `search` otherwise
 * reaches PostgreSQL's ILIKE, whose work grows faster than the term.
 *
 * The limits are the domain's (TEXT_LIMITS), named here by argument or input field; the services
 * check the same limits again on the trimmed text. `textLimitGuard` refuses to start on a schema
 * with a String or ID argument or input field this table does not bound, so a new one cannot be
 * added without a limit.
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { HOTEL_IDENTIFIER_MAX_LENGTH, TEXT_LIMITS } from '../domain/validation';
import { LIMITS as PUSHER_LIMITS } from '../realtime/pusher-limits';

/** Ids are positive integers of at most 10 digits (ids.ts); a little room so parseId names what is wrong. */
const ID_MAX_LENGTH = 32;

/** History epochs are 12 hex digits (docs/realtime.md, "Positions and epochs"). */
const EPOCH_MAX_LENGTH = 64;

/** String arguments and input fields, by name: what each may hold at most. */
export const STRING_LIMITS: Readonly<Record<string, number>> = {
  hotel: HOTEL_IDENTIFIER_MAX_LENGTH,
  identifier: HOTEL_IDENTIFIER_MAX_LENGTH,
  search: TEXT_LIMITS.search,
  category: TEXT_LIMITS.category,
  channel: PUSHER_LIMITS.maxChannelNameLength,
  epoch: EPOCH_MAX_LENGTH,
  /** Page cursors (types/connection.ts) are at most 200 characters. */
  after: 200,
  sku: TEXT_LIMITS.sku,
  name: TEXT_LIMITS.itemName,
  size: TEXT_LIMITS.size,
  sizeUnit: TEXT_LIMITS.sizeUnit,
  reference: TEXT_LIMITS.reference,
  notes: TEXT_LIMITS.notes,
};

/** ID arguments and input fields that are not our integer ids, by name. */
const ID_LIMITS: Readonly<Record<string, number>> = { userId: TEXT_LIMITS.userId };

/** The string scalars' longest valid value, with room: past it the scalar would only echo a huge value back. */
const SCALAR_LIMITS: Readonly<Record<string, number>> = { Decimal: 40, LocalDate: 10, DateTime: 40 };

/** Scalars that carry no text. */
const NON_TEXT_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** The most characters a value of `type` at argument or input field `name` may hold; undefined when not text. */
function limitOf(name: string, type: GraphQLInputType): number | undefined {
  const named = getNamedType(type);
  if (!isScalarType(named) || NON_TEXT_SCALARS.has(named.name)) return undefined;
  if (named.name === 'String') return STRING_LIMITS[name];
  if (named.name === 'ID') return ID_LIMITS[name] ?? ID_MAX_LENGTH;
  return SCALAR_LIMITS[named.name];
}

/** Every text argument and input field of the schema that has no limit, as `Type.field(argument:)` / `Input.field`. */
export function unboundedTextInputs(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, name: string, type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (isScalarType(named) && !NON_TEXT_SCALARS.has(named.name) && limitOf(name, type) === undefined)
      missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.name, field.type);
    } else if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args)
          check(`${type.name}.${field.name}(${argument.name}:)`, argument.name, argument.type);
      }
    }
  }
  return missing;
}

/** The refusal the domain gives for the same rule (validation.ts, checkText), so a client sees one message for it. */
function tooLong(field: string, max: number): GraphQLError {
  return new GraphQLError(`${field} allows at most ${max} characters`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** Where a variable is used: the argument or input field it stands for, and its type there. */
interface VariableUsage {
  variable: string;
  field: string;
  type: GraphQLInputType;
}

/**
 * What one operation of a document needs checked: the error of a literal too long, or the variables' uses
 * and the default values of its variables (used when the request does not set them).
 */
type OperationTexts =
  { refusal: GraphQLError } | { refusal?: undefined; usages: VariableUsage[]; defaults: Map<string, unknown> };

/** The fragments `operation` spreads, directly or through other fragments. */
function reachableFragments(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const reached = new Map<string, FragmentDefinitionNode>();
  const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !reached.has(node.name.value)) {
          reached.set(node.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...reached.values()];
}

/** The operation's literals checked, and where it uses its variables (once per document and operation). */
function operationTexts(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationTexts {
  const typeInfo = new TypeInfo(schema);
  // The argument or input field being visited, innermost last.
  const names: string[] = [];
  const usages: VariableUsage[] = [];
  let refusal: GraphQLError | undefined;
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      const type = typeInfo.getInputType();
      const field = names.at(-1);
      const max = type && field !== undefined ? limitOf(field, type) : undefined;
      if (!refusal && max !== undefined && node.value.length > max) refusal = tooLong(field!, max);
    },
    Variable(node) {
      const type = typeInfo.getInputType();
      const field = names.at(-1);
      if (type && field !== undefined) usages.push({ variable: node.name.value, field, type });
    },
  });
  for (const definition of [operation, ...reachableFragments(document, operation)]) visit(definition, visitor);
  const defaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue));
  }
  return refusal ? { refusal } : { usages, defaults };
}

/** The first text in `value` (of `type`, at `field`) longer than its limit, without recursion. */
function valueRefusal(value: unknown, field: string, type: GraphQLInputType): GraphQLError | null {
  const stack: Array<{ value: unknown; field: string; type: GraphQLInputType }> = [{ value, field, type }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    const nullable = getNullableType(next.type);
    if (next.value === null || next.value === undefined) continue;
    if (isListType(nullable)) {
      const items = Array.isArray(next.value) ? next.value : [next.value];
      for (const item of items) stack.push({ value: item, field: next.field, type: nullable.ofType });
    } else if (isInputObjectType(nullable)) {
      if (typeof next.value !== 'object') continue;
      const fields = nullable.getFields();
      for (const [key, item] of Object.entries(next.value)) {
        const inputField = fields[key];
        if (inputField) stack.push({ value: item, field: key, type: inputField.type });
      }
    } else if (typeof next.value === 'string') {
      const max = limitOf(next.field, nullable);
      if (max !== undefined && next.value.length > max) return tooLong(next.field, max);
    }
  }
  return null;
}

/**
 * The check for one schema: `(document, operationName, variables)` gives the BAD_USER_INPUT error of the
 * first text longer than its limit, or null. Throws when the schema has a text input without a limit.
 * Variables must have passed checkInputNesting; a value that does not fit its type is left to coercion.
 */
export function textLimitGuard(schema: GraphQLSchema) {
  const unbounded = unboundedTextInputs(schema);
  if (unbounded.length > 0)
    throw new Error(`No text length limit for ${unbounded.join(', ')} (declare one in src/graphql/text-limits.ts)`);
  const known = new WeakMap<DocumentNode, Map<string, OperationTexts>>();

  return (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | null => {
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
    );
    if (!operation) return null;
    let byOperation = known.get(document);
    if (!byOperation) {
      byOperation = new Map();
      known.set(document, byOperation);
    }
    const key = operation.name?.value ?? '';
    let texts = byOperation.get(key);
    if (!texts) {
      texts = operationTexts(schema, document, operation);
      byOperation.set(key, texts);
    }
    if (texts.refusal) return texts.refusal;
    for (const usage of texts.usages) {
      const value = variables?.[usage.variable] ?? texts.defaults.get(usage.variable);
      const refusal = valueRefusal(value, usage.field, usage.type);
      if (refusal) return refusal;
    }
    return null;
  };
}

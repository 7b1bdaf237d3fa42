/**
 * No control character (NUL above all, which PostgreSQL cannot store) gets
 * past the GraphQL boundary in any argument, written inline or sent as a
 * variable: the request is refused with BAD_USER_INPUT naming the field,
 * before any resolver runs. Tab, line feed and carriage return are text.
 * And no variable nests deeper than MAX_INPUT_DEPTH, checked first and
 * without recursion, so that no walk over the variables can exhaust the
 * stack (docs/operations.md, "Operation limits").
 */
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { hasControlCharacter } from '../domain/validation';

function refusal(field: string): GraphQLError {
  return new GraphQLError(`${field} contains a control character, which is not allowed`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/**
 * How deeply variables (and any request body) may nest: no honest input of this schema nests more than a
 * few levels, and every walk over them (this guard, the idempotency hash, graphql-js' coercion, JSON
 * serialisation) is then bounded, whatever the runtime's stack (docs/operations.md, "Operation limits").
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * The variables are refused when any of them nests deeper than MAX_INPUT_DEPTH, with BAD_USER_INPUT naming
 * it. Iterative, so a value nested 100,000 deep is refused rather than overflowing the stack; run it before
 * anything else walks the variables.
 */
export function checkInputNesting(variables: unknown, maxDepth = MAX_INPUT_DEPTH): GraphQLError | null {
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return null;
  for (const [name, value] of Object.entries(variables)) {
    if (nestsDeeperThan(value, maxDepth)) {
      return new GraphQLError(`Variable "$${name}" nests deeper than ${maxDepth} levels`, {
        extensions: { code: 'BAD_USER_INPUT', field: name, limit: 'inputDepth', max: maxDepth },
      });
    }
  }
  return null;
}

/** Whether `value`'s arrays and objects nest more than `maxDepth` levels deep (without recursion). */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (!next || typeof next !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const item of Array.isArray(next) ? next : Object.values(next)) {
      if (item && typeof item === 'object') stack.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}

/** The first field (argument, input field or variable key) whose text holds a control character. */
function inValue(value: unknown, field: string): string | null {
  // Iterative (a stack of what is left to look at), so no input can overflow the runtime's stack.
  const stack: Array<{ value: unknown; field: string }> = [{ value, field }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      if (hasControlCharacter(next.value)) return next.field;
    } else if (Array.isArray(next.value)) {
      for (let i = next.value.length - 1; i >= 0; i--) stack.push({ value: next.value[i], field: next.field });
    } else if (next.value && typeof next.value === 'object') {
      const entries = Object.entries(next.value);
      for (const [key] of entries) if (hasControlCharacter(key)) return next.field;
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], field: entries[i]![0] });
    }
  }
  return null;
}

/** What the document's own text holds, found once per document (documents are cached and reused). */
const inDocuments = new WeakMap<DocumentNode, string | null>();

/**
 * The first control character in the variables or the document, refused with BAD_USER_INPUT naming where
 * it is. Variables must have passed checkInputNesting.
 */
export function checkControlCharacters(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const fromVariables = variables ? inValue(variables, 'variables') : null;
  if (fromVariables) return refusal(fromVariables);
  let found = inDocuments.get(document);
  if (found === undefined) {
    found = inDocument(document);
    inDocuments.set(document, found);
  }
  return found === null ? null : refusal(found);
}

function inDocument(document: DocumentNode): string | null {
  const names: string[] = [];
  let found: string | null = null;
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      if (found === null && hasControlCharacter(node.value)) found = names.at(-1) ?? 'query';
    },
  });
  return found;
}

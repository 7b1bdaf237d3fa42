/**
 * No control character (NUL above all, which PostgreSQL cannot store) gets
 * past the GraphQL boundary in any argument, written inline or sent as a
 * variable: the request is refused with BAD_USER_INPUT naming the field,
 * before any resolver runs. Tab, line feed and carriage return are text.
 */
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { hasControlCharacter } from '../domain/validation';

function refusal(field: string): GraphQLError {
  return new GraphQLError(`${field} contains a control character, which is not allowed`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** The first field (argument, input field or variable key) whose text holds a control character. */
function inValue(value: unknown, field: string): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? field : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = inValue(item, field);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacter(key)) return field;
      const found = inValue(item, key);
      if (found) return found;
    }
  }
  return null;
}

/** What the document's own text holds, found once per document (documents are cached and reused). */
const inDocuments = new WeakMap<DocumentNode, string | null>();

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

/**
 * A cheap look at a parsed document before graphql-js validates it
 * (docs/operations.md, "Operation limits"). graphql-js' rule that fields
 * can merge (OverlappingFieldsCanBeMerged) compares fields pairwise, across
 * fragments and into their selections: a chain of a few hundred fragments
 * each spreading the next, or one field selected a thousand times, costs it
 * a tenth of a second or more, and the depth, alias and token limits do not
 * bound either. So, on every transport and before validation:
 *
 * - at most MAX_FRAGMENTS fragment definitions;
 * - a chain of fragment spreads (a fragment spreading one that spreads
 *   another …) at most `maxDepth` long;
 * - at most MAX_SAME_NAME_FIELDS fields with one response name in one
 *   selection set, counting those its inline fragments and spread fragments
 *   bring to it.
 *
 * Each is linear in the document (a fragment is looked at once), and each is
 * far above what an honest document of this schema needs (the standard
 * introspection query has 3 fragments in a chain of 3).
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
} from 'graphql';
import { limitError, type OperationLimits } from './operation-limits';

/** Fragment definitions one document may hold. */
const MAX_FRAGMENTS = 50;

/** Fields with one response name (`me`, or an alias) in one selection set, fragments included. */
const MAX_SAME_NAME_FIELDS = 10;

function refusal(limit: string, what: string, max: number, found: number): GraphQLError {
  return limitError(`The operation exceeds the ${what} limit of ${max} (it has ${found})`, { limit, max, found });
}

/** The refusal of a document past one of the limits above, or null. */
export function precheckDocument(
  document: DocumentNode,
  limits: Pick<OperationLimits, 'maxDepth'>,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let count = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    fragments.set(definition.name.value, definition);
    count += 1;
  }
  if (count > MAX_FRAGMENTS) return refusal('fragments', 'fragments', MAX_FRAGMENTS, count);
  // From here on there are at most MAX_FRAGMENTS fragments: recursion over fragments is at most that deep.
  const chain = longestSpreadChain(document, fragments);
  if (chain > limits.maxDepth) return refusal('fragmentChain', 'fragment chain', limits.maxDepth, chain);
  const repeats = mostRepeatedResponseName(document, fragments);
  if (repeats > MAX_SAME_NAME_FIELDS)
    return refusal('sameNameFields', 'fields with one name in one selection', MAX_SAME_NAME_FIELDS, repeats);
  return null;
}

/**
 * Every selection set under `root` (itself included), without recursion. With `ownLevelsOnly`, an inline
 * fragment's set is not listed on its own: it belongs to the level of the set it is in.
 */
function selectionSets(root: SelectionSetNode, ownLevelsOnly = false): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const stack: Array<{ set: SelectionSetNode; own: boolean }> = [{ set: root, own: true }];
  while (stack.length > 0) {
    const { set, own } = stack.pop()!;
    if (own || !ownLevelsOnly) found.push(set);
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet)
        stack.push({ set: selection.selectionSet, own: selection.kind === Kind.FIELD });
    }
  }
  return found;
}

/** Names of the fragments spread anywhere under `root`. */
function spreadsUnder(root: SelectionSetNode): Set<string> {
  const names = new Set<string>();
  for (const set of selectionSets(root)) {
    for (const selection of set.selections)
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.add(selection.name.value);
  }
  return names;
}

/** The longest chain of spreads from an operation: `{...A}` with A spreading B is 2. Cycles are validation's. */
function longestSpreadChain(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): number {
  const longest = new Map<string, number>();
  const inProgress = new Set<string>();
  const chainFrom = (name: string): number => {
    const known = longest.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    let deepest = 0;
    for (const next of spreadsUnder(fragment.selectionSet)) deepest = Math.max(deepest, chainFrom(next));
    inProgress.delete(name);
    longest.set(name, deepest + 1);
    return deepest + 1;
  };
  let chain = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const name of spreadsUnder(definition.selectionSet)) chain = Math.max(chain, chainFrom(name));
  }
  return chain;
}

/**
 * The most fields sharing one response name in any selection set, with what inline fragments and spread
 * fragments (each once per selection set, as graphql-js merges them) bring to that set.
 */
function mostRepeatedResponseName(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): number {
  // What each fragment brings to the selection set it is spread in, by response name.
  const brought = new Map<string, Map<string, number>>();
  const inProgress = new Set<string>();
  const fragmentCounts = (name: string): Map<string, number> => {
    const known = brought.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return new Map();
    inProgress.add(name);
    const counts = levelCounts(fragment.selectionSet);
    inProgress.delete(name);
    brought.set(name, counts);
    return counts;
  };
  // The fields one selection set holds at its own level: its fields, its inline fragments' and its spreads'.
  const levelCounts = (root: SelectionSetNode): Map<string, number> => {
    const counts = new Map<string, number>();
    const spread = new Set<string>();
    const stack = [root];
    while (stack.length > 0) {
      for (const selection of stack.pop()!.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = (selection.alias ?? selection.name).value;
          counts.set(name, (counts.get(name) ?? 0) + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push(selection.selectionSet);
        else spread.add(selection.name.value);
      }
    }
    for (const name of spread) {
      for (const [field, count] of fragmentCounts(name)) counts.set(field, (counts.get(field) ?? 0) + count);
    }
    return counts;
  };
  let most = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    for (const set of selectionSets(definition.selectionSet, true)) {
      for (const count of levelCounts(set).values()) most = Math.max(most, count);
      if (most > MAX_SAME_NAME_FIELDS) return most;
    }
  }
  return most;
}

/**
 * What the price could not foresee: a list field is priced at its declared size (operation-limits.ts),
 * but a large hotel's stocktake may have 10,000 lines. When a list comes back longer, the caller's
 * budget pays for the items beyond the declared size (docs/operations.md, "Per-token budgets"), so
 * repeating such a query cannot take more than the user's share. The operation itself still runs:
 * the payment may leave the budget spent, refusing the next ones.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { GraphQLContext } from './context';
import { LIST_SIZE_EXTENSION } from './operation-limits';

/** Fields selected directly under the field being resolved, fragments included (its items' own cost). */
function selectedFields(info: GraphQLResolveInfo): number {
  let count = 0;
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return count;
}

/** Charges the caller for the items of a list field beyond its declared size (nothing when within it). */
export function payForItemsBeyondDeclared(context: GraphQLContext, info: GraphQLResolveInfo, items: number): void {
  const declared = info.parentType.getFields()[info.fieldName]?.extensions?.[LIST_SIZE_EXTENSION];
  if (typeof declared !== 'number' || items <= declared) return;
  context.payFor((items - declared) * (1 + selectedFields(info)));
}

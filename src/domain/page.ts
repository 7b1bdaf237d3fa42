import { BadInputError } from './errors';

/** How many items a page holds: `first` when it is not given, and at most. The same for every paged list. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** Refuses a page size outside 1 to PAGE_SIZE.max, naming `first`. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw new BadInputError('first', `first must be between 1 and ${PAGE_SIZE.max}`);
  }
}

/**
 * One page of a list read forwards (newest first, a page at a time), with what a client needs to
 * know whether to ask for more. The GraphQL layer turns it into a Relay-style connection
 * (src/graphql/types/connection.ts; docs/domain.md, "Paged lists").
 */
export interface Page<T> {
  items: T[];
  /** More items follow the last one. */
  hasNextPage: boolean;
  /** Items precede the first one (the page was read after a cursor that is still in the list). */
  hasPreviousPage: boolean;
}

/**
 * A page of a list held in memory, after the item `isAfter` picks (none: from the start); null when no item is
 * the one named.
 */
export function pageOfList<T>(
  items: readonly T[],
  first: number,
  isAfter: ((item: T) => boolean) | null,
): Page<T> | null {
  checkPageSize(first);
  const start = isAfter === null ? 0 : items.findIndex(isAfter) + 1;
  if (start === 0 && isAfter !== null) return null;
  return pageFromRows(items.slice(start, start + first + 1), first, isAfter !== null);
}

/**
 * The page from rows read with a limit of `first + 1`: the extra row, when there is one, only says
 * that a next page exists and is not returned.
 */
export function pageFromRows<T>(rows: T[], first: number, hasPreviousPage: boolean): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first, hasPreviousPage };
}

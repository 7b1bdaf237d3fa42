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
 * The page from rows read with a limit of `first + 1`: the extra row, when there is one, only says
 * that a next page exists and is not returned.
 */
export function pageFromRows<T>(rows: T[], first: number, hasPreviousPage: boolean): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first, hasPreviousPage };
}

/**
 * Work over thousands of items (the lines of a large stocktake) in slices,
 * giving the event loop back between slices so that other requests are
 * served meanwhile: no single request holds the server for long.
 */

/** Items handled before the event loop gets a turn. */
const SLICE = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function eachSlice<T>(items: readonly T[], work: (item: T) => void, size = SLICE): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await nextTurn();
    for (let index = start; index < Math.min(start + size, items.length); index += 1) work(items[index]!);
  }
}

export async function mapSlices<T, R>(items: readonly T[], work: (item: T) => R, size = SLICE): Promise<R[]> {
  const results: R[] = [];
  await eachSlice(items, (item) => void results.push(work(item)), size);
  return results;
}

/**
 * The items as a list whose later slices arrive one event-loop turn after
 * another: graphql-js completes a list item by item, and given promises it
 * completes each slice when it resolves, so a response of ten thousand
 * lines is built in turns instead of in one go.
 */
export function resolvedInSlices<T>(items: readonly T[], size = SLICE): Array<T | Promise<T>> {
  if (items.length <= size) return [...items];
  const result: Array<T | Promise<T>> = items.slice(0, size);
  let turn: Promise<void> = Promise.resolve();
  for (let start = size; start < items.length; start += size) {
    turn = turn.then(nextTurn);
    const gate = turn;
    for (let index = start; index < Math.min(start + size, items.length); index += 1) {
      const item = items[index]!;
      result.push(gate.then(() => item));
    }
  }
  return result;
}

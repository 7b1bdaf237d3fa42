/**
 * Large lists are worked through a slice at a time, and other work gets the
 * event loop between slices: what keeps a 10,000-line stocktake from
 * holding up everyone else.
 */
import { eachSlice, mapSlices, resolvedInSlices } from '../../src/domain/slices';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

it('mapSlices keeps order, and lets other work run between slices', async () => {
  const seen: string[] = [];
  const mapping = mapSlices([1, 2, 3, 4, 5], (n) => (seen.push(`item ${n}`), n * 10), 2);
  void nextTurn().then(() => seen.push('other work'));
  expect(await mapping).toEqual([10, 20, 30, 40, 50]);
  expect(seen.indexOf('other work')).toBeGreaterThan(seen.indexOf('item 2'));
  expect(seen.indexOf('other work')).toBeLessThan(seen.indexOf('item 5'));
});

it('eachSlice does nothing for no items', async () => {
  const seen: number[] = [];
  await eachSlice([], (n: number) => seen.push(n));
  expect(seen).toEqual([]);
});

it('resolvedInSlices gives the first slice as values and each later slice one turn after the previous', async () => {
  const list = resolvedInSlices(['a', 'b', 'c', 'd', 'e'], 2);
  expect(list.slice(0, 2)).toEqual(['a', 'b']);
  expect(list.slice(2).every((item) => item instanceof Promise)).toBe(true);
  const settled: string[] = [];
  for (const item of list.slice(2)) void Promise.resolve(item).then((value) => settled.push(value));
  await Promise.resolve();
  expect(settled).toEqual([]);
  await nextTurn();
  expect(settled).toEqual(['c', 'd']);
  await nextTurn();
  expect(settled).toEqual(['c', 'd', 'e']);
  expect(await Promise.all(list.map((item) => Promise.resolve(item)))).toEqual(['a', 'b', 'c', 'd', 'e']);
});

it('a short list is returned as it is', () => {
  expect(resolvedInSlices([1, 2], 2)).toEqual([1, 2]);
});

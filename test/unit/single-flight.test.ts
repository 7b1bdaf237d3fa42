/** Concurrent lookups of one key share a read; a lookup after it settled reads afresh. */
import { singleFlight } from '../../src/domain/single-flight';

it('shares a running call among callers of the same key, and only while it runs', async () => {
  const calls: string[] = [];
  const release: Array<() => void> = [];
  const lookup = singleFlight(async (key: string) => {
    calls.push(key);
    await new Promise<void>((resolve) => release.push(resolve));
    return `${key}#${calls.length}`;
  });

  const first = lookup('a');
  const second = lookup('a');
  const other = lookup('b');
  expect(calls).toEqual(['a', 'b']);
  release.forEach((resolve) => resolve());
  expect(await Promise.all([first, second, other])).toEqual(['a#2', 'a#2', 'b#2']);

  const later = lookup('a');
  expect(calls).toEqual(['a', 'b', 'a']);
  release[2]!();
  expect(await later).toBe('a#3');
});

it('shares a failure too, and the next call tries again', async () => {
  let attempt = 0;
  const lookup = singleFlight(async (key: string) => {
    attempt += 1;
    if (attempt === 1) throw new Error(`no ${key}`);
    return key;
  });
  const results = await Promise.allSettled([lookup('a'), lookup('a')]);
  expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  expect(await lookup('a')).toBe('a');
  expect(attempt).toBe(2);
});

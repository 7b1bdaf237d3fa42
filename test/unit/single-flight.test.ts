/**
 * singleFlight: concurrent lookups of one key share a read; a lookup after it settled reads afresh.
 * coalesced: calls of one turn share a read that begins after all of them; a call once it began reads afresh.
 */
import { coalesced, singleFlight } from '../../src/domain/single-flight';

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

describe('coalesced', () => {
  it('calls with the same key in one turn share one read, which begins after the last of them', async () => {
    const log: string[] = [];
    const read = coalesced(
      async (channel: string, after: number) => {
        log.push(`read ${channel}>${after}`);
        return `${channel}>${after}#${log.length}`;
      },
      (channel, after) => `${channel}:${after}`,
    );
    const first = read('a', 1);
    log.push('called');
    const second = read('a', 1);
    const other = read('a', 2);
    // Nothing was read while the calls were being made: every sharer called before the read began.
    expect(log).toEqual(['called']);
    expect(await Promise.all([first, second, other])).toEqual(['a>1#2', 'a>1#2', 'a>2#3']);
    expect(log).toEqual(['called', 'read a>1', 'read a>2']);
  });

  it('a call made once the read has begun gets a read of its own, begun after it', async () => {
    let release!: () => void;
    const reads: number[] = [];
    const read = coalesced(
      async (key: string) => {
        const n = reads.length + 1;
        reads.push(n);
        if (n === 1) await new Promise<void>((resolve) => (release = resolve));
        return `${key}#${n}`;
      },
      (key) => key,
    );
    const early = read('a');
    // The first read has begun (and is held) once it is recorded.
    while (reads.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const late = read('a');
    expect(await late).toBe('a#2');
    release();
    expect(await early).toBe('a#1');
    expect(reads).toEqual([1, 2]);
  });

  it('a failed read fails its sharers only; the next call reads again', async () => {
    let attempt = 0;
    const read = coalesced(
      async (key: string) => {
        attempt += 1;
        if (attempt === 1) throw new Error(`no ${key}`);
        return key;
      },
      (key) => key,
    );
    const results = await Promise.allSettled([read('a'), read('a')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await read('a')).toBe('a');
  });
});

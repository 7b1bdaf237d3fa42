/**
 * The position check before a catch-up (src/realtime/history-position.ts; docs/realtime.md,
 * "Positions and epochs"): what is refused, with which message and extensions.
 */
import { DomainError } from '../../src/domain/errors';
import { checkHeldPosition } from '../../src/realtime/history-position';

const CHANNEL = 'hotel-killarney-stocktake-5';
/** The channel at sequence 40 of epoch aaaaaaaaaaaa, its first 9 events pruned. */
const HISTORY = { epoch: 'aaaaaaaaaaaa', latest: 40, prunedThrough: 9 };
const CURRENT = { code: 'HISTORY_EXPIRED', channel: CHANNEL, epoch: 'aaaaaaaaaaaa', sequence: 40, oldestSequence: 10 };

function refusal(held: Parameters<typeof checkHeldPosition>[1]) {
  try {
    checkHeldPosition(CHANNEL, held, HISTORY);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { message: error.message, extensions: error.extensions };
  }
  return 'accepted';
}

it.each([
  ['nothing held (from now on)', {}],
  ['the current epoch alone', { epoch: 'aaaaaaaaaaaa' }],
  ['the last sequence of the current epoch', { afterSequence: 40, epoch: 'aaaaaaaaaaaa' }],
  ['the last pruned sequence (the next is kept)', { afterSequence: 9, epoch: 'aaaaaaaaaaaa' }],
  ['a sequence without an epoch (clients from before epochs)', { afterSequence: 12 }],
])('accepts %s', (_what, held) => {
  expect(refusal(held)).toBe('accepted');
});

it('refuses another epoch whatever the sequence, before looking at it', () => {
  const message =
    `The history of ${CHANNEL} restarted: epoch bbbbbbbbbbbb is over, the current one is aaaaaaaaaaaa ` +
    '(the database was restored or reset); reload the data, then follow from sequence 40 of epoch aaaaaaaaaaaa';
  for (const afterSequence of [undefined, 3, 20, 41]) {
    expect(refusal({ afterSequence, epoch: 'bbbbbbbbbbbb' })).toEqual({ message, extensions: CURRENT });
  }
});

it('refuses a sequence beyond the channel (its history went back), with or without the epoch', () => {
  const message =
    `afterSequence 41 is ahead of ${CHANNEL}, which is at 40 in epoch aaaaaaaaaaaa; ` +
    'reload the data, then follow from sequence 40 of epoch aaaaaaaaaaaa';
  expect(refusal({ afterSequence: 41 })).toEqual({ message, extensions: CURRENT });
  expect(refusal({ afterSequence: 41, epoch: 'aaaaaaaaaaaa' })).toEqual({ message, extensions: CURRENT });
});

it('refuses a sequence from before what is kept', () => {
  expect(refusal({ afterSequence: 8, epoch: 'aaaaaaaaaaaa' })).toEqual({
    message: `Events of ${CHANNEL} after 8 are no longer kept (the oldest is 10); reload the data, then follow from the latest sequence`,
    extensions: CURRENT,
  });
});

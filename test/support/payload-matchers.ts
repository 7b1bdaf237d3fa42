/** What every Pusher payload's `meta` looks like, for exact payload assertions. */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A history epoch: 12 hex digits (docs/realtime.md, "Positions and epochs"). */
export const EPOCH = /^[0-9a-f]{12}$/;

/** The fixture manager, who makes most changes in tests (TestApp's default token). */
export const MANAGER = { id: 'manager-1', name: 'Mary Manager' };

/** The `meta` of the event at `sequence` on its channel, made by `actor`. */
export function metaOf(sequence: number, actor: { id: string; name: string } = MANAGER) {
  return {
    event_id: expect.stringMatching(UUID),
    sequence,
    epoch: expect.stringMatching(EPOCH),
    occurred_at: expect.stringMatching(ISO_Z),
    actor,
  };
}

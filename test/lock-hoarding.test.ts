/**
 * Editing locks cannot be hoarded (docs/collaboration.md, "Editing locks"),
 * with real clients on both transports: a user holds one lock per stocktake
 * (LINE_LOCKS_PER_USER, 1 by default), so taking a second line releases the
 * first; a manager ends all of one user's locks at once with one event;
 * approval ends every lock with one event, and no expiry event follows.
 */
import {
  ApproveStocktakeDocument,
  BreakUserLocksDocument,
  ReopenStocktakeDocument,
  StartEditingLineDocument,
  UpdateStocktakeLineDocument,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { EPOCH, ISO_Z, MANAGER, metaOf } from './support/payload-matchers';
import { expectNothingMore, type Received } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';
import { watchedStocktake } from './support/watched-stocktake';

jest.setTimeout(60_000);

const AOIFE = { id: 'staff-aoife', name: 'Aoife Byrne' };
const BRIAN = { id: 'staff-brian', name: 'Brian Walsh' };
const SYSTEM = { id: 'system', name: 'Stocktake Live' };

const closers = closeAfterEach();

const graphqlEvents = (received: Received<{ data?: { stocktakeEvents: unknown } | null }>, from: number) =>
  received.items.slice(from).map((item) => item.data!.stocktakeEvents);

async function staffTokens(t: TestApp) {
  return {
    aoife: await t.token({ user: AOIFE.id, name: AOIFE.name, hotels: { [HOTEL]: 'staff' } }),
    brian: await t.token({ user: BRIAN.id, name: BRIAN.name, hotels: { [HOTEL]: 'staff' } }),
  };
}

const lockedBy = (user: { id: string; name: string }) => ({ code: 'CONFLICT', reason: 'LINE_LOCKED', lockedBy: user });

describe('the default: one lock per user and stocktake', () => {
  let t: TestApp;
  let aoife: string;
  let brian: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ aoife, brian } = await staffTokens(t));
  });
  afterAll(() => t.close());

  it('taking a second line releases the first (user-stopped-editing-line, released, before the new take), and a colleague can count the first', async () => {
    const { id, lines, guinness, channel, events, pusher } = await watchedStocktake(t, closers);
    const other = lines.find((line) => line.id !== guinness.id)!;
    const first = ok(await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: aoife }));
    const refused = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '3' } },
      { token: brian },
    );
    expect(refused.errors![0]!.extensions).toMatchObject(lockedBy(AOIFE));

    const second = ok(
      await t.graphql(StartEditingLineDocument, { lineId: other.id }, { token: aoife }),
    ).startEditingLine;
    expect(second).toEqual({ lineId: other.id, stocktakeId: id, user: AOIFE, expiresAt: expect.stringMatching(ISO_Z) });
    await events.waitFor(3);
    expect(graphqlEvents(events, 1)).toEqual([
      {
        __typename: 'UserStoppedEditingLineEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'user-stopped-editing-line',
        channel,
        sequence: 3,
        occurredAt: expect.stringMatching(ISO_Z),
        actor: AOIFE,
        stocktakeId: id,
        lineId: guinness.id,
        user: AOIFE,
        reason: 'released',
      },
      {
        __typename: 'UserEditingLineEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'user-editing-line',
        channel,
        sequence: 4,
        occurredAt: expect.stringMatching(ISO_Z),
        actor: AOIFE,
        stocktakeId: id,
        lineId: other.id,
        user: AOIFE,
        expiresAt: second.expiresAt,
      },
    ]);
    await pusher.waitFor(3);
    expect(pusher.items.slice(1)).toEqual([
      {
        channel,
        event: 'user-stopped-editing-line',
        data: {
          stocktake_id: Number(id),
          line_id: Number(guinness.id),
          user: AOIFE,
          reason: 'released',
          meta: metaOf(3, AOIFE),
        },
      },
      {
        channel,
        event: 'user-editing-line',
        data: {
          stocktake_id: Number(id),
          line_id: Number(other.id),
          user: AOIFE,
          expires_at: second.expiresAt,
          meta: metaOf(4, AOIFE),
        },
      },
    ]);
    expect(first.startEditingLine.lineId).toBe(guinness.id);

    // Brian counts the line Aoife left; the one she edits now is still hers.
    const counted = ok(
      await t.graphql(
        UpdateStocktakeLineDocument,
        { id: guinness.id, input: { countedFullUnits: '3' } },
        { token: brian },
      ),
    ).updateStocktakeLine;
    expect(counted.countedFullUnits).toBe('3.00');
    const stillHers = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: other.id, input: { countedFullUnits: '3' } },
      { token: brian },
    );
    expect(stillHers.errors![0]!.extensions).toMatchObject(lockedBy(AOIFE));
  });
});

describe('LINE_LOCKS_PER_USER=3', () => {
  let t: TestApp;
  let aoife: string;
  let brian: string;
  beforeAll(async () => {
    // Locks outlive a test's steps; the approval test waits for one expiry as its barrier.
    t = await startTestApp({ env: { LINE_LOCKS_PER_USER: '3', LINE_LOCK_TTL: '4s' } });
    ({ aoife, brian } = await staffTokens(t));
  });
  afterAll(() => t.close());

  /** Aoife edits the first three lines, Brian the fourth: events 2–5 on the channel (items 0–3, after populate). */
  async function held(watched: Awaited<ReturnType<typeof watchedStocktake>>) {
    const [a, b, c, d] = watched.lines;
    for (const line of [a!, b!, c!])
      ok(await t.graphql(StartEditingLineDocument, { lineId: line.id }, { token: aoife }));
    ok(await t.graphql(StartEditingLineDocument, { lineId: d!.id }, { token: brian }));
    await watched.events.waitFor(4);
    await watched.pusher.waitFor(4);
    return { aoifes: [a!, b!, c!], briansLine: d! };
  }

  it("a manager ends all of one user's locks at once, with one editing-locks-ended event; staff are refused and change nothing", async () => {
    const watched = await watchedStocktake(t, closers);
    const { id, channel, events, pusher } = watched;
    const { aoifes, briansLine } = await held(watched);

    // Refusals: staff, an unknown stocktake, a malformed id, an empty user id. None changes or emits anything.
    const forbidden = await t.graphql(BreakUserLocksDocument, { stocktakeId: id, userId: AOIFE.id }, { token: brian });
    expect(forbidden.errors!.map((error) => error.extensions)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(forbidden.data).toBeNull();
    const unknown = await t.graphql(BreakUserLocksDocument, { stocktakeId: '999999', userId: AOIFE.id });
    expect(unknown.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Stocktake', id: '999999' });
    const malformed = await t.graphql(BreakUserLocksDocument, { stocktakeId: 'x', userId: AOIFE.id });
    expect(malformed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'stocktakeId' });
    const noUser = await t.graphql(BreakUserLocksDocument, { stocktakeId: id, userId: '' });
    expect(noUser.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    const stillLocked = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: aoifes[0]!.id, input: { countedFullUnits: '2' } },
      { token: brian },
    );
    expect(stillLocked.errors![0]!.extensions).toMatchObject(lockedBy(AOIFE));

    // The manager's release is the next event after the takes: the refusals emitted nothing.
    let released = 0;
    await expectNothingMore(
      async () => {
        released = ok(await t.graphql(BreakUserLocksDocument, { stocktakeId: id, userId: AOIFE.id })).breakUserLocks;
      },
      [events, 4],
      [pusher, 4],
    );
    expect(released).toBe(3);
    const ids = aoifes.map((line) => line.id).sort((x, y) => Number(x) - Number(y));
    expect(graphqlEvents(events, 4)).toEqual([
      {
        __typename: 'EditingLocksEndedEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'editing-locks-ended',
        channel,
        sequence: 6,
        occurredAt: expect.stringMatching(ISO_Z),
        actor: MANAGER,
        stocktakeId: id,
        reason: 'broken',
        lineIds: ids,
        locks: ids.map((lineId) => ({ lineId, user: AOIFE })),
      },
    ]);
    expect(pusher.items[4]).toEqual({
      channel,
      event: 'editing-locks-ended',
      data: {
        stocktake_id: Number(id),
        reason: 'broken',
        line_ids: ids.map(Number),
        locks: ids.map((lineId) => ({ line_id: Number(lineId), user: AOIFE })),
        meta: metaOf(6),
      },
    });

    // Brian counts Aoife's former lines; his own lock still holds, and nothing came between.
    await expectNothingMore(
      () =>
        t.graphql(
          UpdateStocktakeLineDocument,
          { id: aoifes[0]!.id, input: { countedFullUnits: '2' } },
          { token: brian },
        ),
      [events, 5],
      [pusher, 5],
    );
    expect(graphqlEvents(events, 5)).toMatchObject([{ name: 'line-counted-updated', actor: BRIAN }]);
    const his = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: briansLine.id, input: { countedFullUnits: '2' } },
      { token: aoife },
    );
    expect(his.errors![0]!.extensions).toMatchObject(lockedBy(BRIAN));
    // Nobody's locks left: 0, and no event.
    expect(ok(await t.graphql(BreakUserLocksDocument, { stocktakeId: id, userId: AOIFE.id })).breakUserLocks).toBe(0);
  });

  it('a fourth take releases the least recently taken or renewed of the three', async () => {
    const watched = await watchedStocktake(t, closers);
    const { aoifes } = await held(watched);
    const fourth = watched.lines[4]!;
    // Renewing the first makes the second the oldest.
    ok(await t.graphql(StartEditingLineDocument, { lineId: aoifes[0]!.id }, { token: aoife }));
    ok(await t.graphql(StartEditingLineDocument, { lineId: fourth.id }, { token: aoife }));
    await watched.events.waitFor(6);
    expect(graphqlEvents(watched.events, 4)).toMatchObject([
      { name: 'user-stopped-editing-line', lineId: aoifes[1]!.id, user: AOIFE, reason: 'released' },
      { name: 'user-editing-line', lineId: fourth.id, user: AOIFE },
    ]);
  });

  it('approval ends every lock in its transaction with one editing-locks-ended event per channel, and no expiry event follows', async () => {
    const watched = await watchedStocktake(t, closers);
    const { id, channel, events, pusher } = watched;
    const { aoifes, briansLine } = await held(watched);
    const approved = ok(await t.graphql(ApproveStocktakeDocument, { id })).approveStocktake;
    expect(approved.stocktake.status).toBe('APPROVED');

    await events.waitFor(6);
    await pusher.waitFor(6);
    const ended = [...aoifes.map((line) => ({ lineId: line.id, user: AOIFE })), { lineId: briansLine.id, user: BRIAN }];
    ended.sort((x, y) => Number(x.lineId) - Number(y.lineId));
    expect(graphqlEvents(events, 4)).toEqual([
      {
        __typename: 'EditingLocksEndedEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'editing-locks-ended',
        channel,
        sequence: 6,
        occurredAt: expect.stringMatching(ISO_Z),
        actor: MANAGER,
        stocktakeId: id,
        reason: 'approved',
        lineIds: ended.map((lock) => lock.lineId),
        locks: ended,
      },
      {
        __typename: 'StocktakeStatusChangedEvent',
        eventId: expect.any(String),
        epoch: expect.stringMatching(EPOCH),
        name: 'stocktake-status-changed',
        channel,
        sequence: 7,
        occurredAt: expect.stringMatching(ISO_Z),
        actor: MANAGER,
        stocktakeId: id,
        status: 'APPROVED',
        adjustmentsCreated: approved.adjustmentsCreated,
      },
    ]);
    expect(pusher.items[4]).toEqual({
      channel,
      event: 'editing-locks-ended',
      data: {
        stocktake_id: Number(id),
        reason: 'approved',
        line_ids: ended.map((lock) => Number(lock.lineId)),
        locks: ended.map((lock) => ({ line_id: Number(lock.lineId), user: lock.user })),
        meta: metaOf(6),
      },
    });
    expect(pusher.items[5]).toMatchObject({ channel, event: 'stocktake-status-changed', data: { meta: metaOf(7) } });

    // A lock taken elsewhere after the approval expires: the sweep has passed every lock taken before it.
    const elsewhere = await watchedStocktake(t, closers);
    ok(await t.graphql(StartEditingLineDocument, { lineId: elsewhere.guinness.id }, { token: aoife }));
    await elsewhere.events.waitFor(2, 20_000);
    expect(graphqlEvents(elsewhere.events, 1)).toMatchObject([
      { name: 'user-stopped-editing-line', actor: SYSTEM, reason: 'expired' },
    ]);
    // The next event on the approved stocktake is the reopen: no expiry came for its locks.
    await expectNothingMore(() => t.graphql(ReopenStocktakeDocument, { id }), [events, 6], [pusher, 6]);
    expect(graphqlEvents(events, 6)).toMatchObject([{ name: 'stocktake-status-changed', status: 'DRAFT' }]);
    expect(pusher.items[6]).toMatchObject({ event: 'stocktake-status-changed', data: { status: 'DRAFT' } });
  });
});

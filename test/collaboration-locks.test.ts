/**
 * Editing locks and optimistic versions (docs/collaboration.md) with real
 * clients on both transports: a lock refuses other users' counts and
 * movements with the holder and expiry, expires on its own (the test waits
 * for the expiry event, with a short configured TTL), can be broken by a
 * manager only; a stale expectedVersion on counts and movements is a
 * CONFLICT carrying the current line, and changes and emits nothing.
 */
import {
  AddLineMovementDocument,
  BreakLineLockDocument,
  DeleteLineMovementAtVersionDocument,
  StartEditingLineDocument,
  StopEditingLineDocument,
  UpdateLineMovementDocument,
  UpdateStocktakeLineDocument,
  UpdateStocktakeLinesDocument,
  type LineFieldsFragment,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { EPOCH, ISO_Z, MANAGER, metaOf } from './support/payload-matchers';
import { pusherLineOf } from './support/pusher-line';
import { expectNothingMore, type Received } from './support/realtime-clients';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';
import { watchedStocktake as watchStocktake } from './support/watched-stocktake';

jest.setTimeout(30_000);

const AOIFE = { id: 'staff-aoife', name: 'Aoife Byrne' };
const BRIAN = { id: 'staff-brian', name: 'Brian Walsh' };
const SYSTEM = { id: 'system', name: 'Stocktake Live' };

const closers = closeAfterEach();
let t: TestApp;
let aoife: string;
let brian: string;

beforeAll(async () => {
  // Long enough that a lock outlives the steps of a test even on a loaded machine (four test files at once on two
  // cores; 3 s was once too short there), short enough that the expiry test waits little.
  t = await startTestApp({ env: { LINE_LOCK_TTL: '6s' } });
  aoife = await t.token({ user: AOIFE.id, name: AOIFE.name, hotels: { [HOTEL]: 'staff' } });
  brian = await t.token({ user: BRIAN.id, name: BRIAN.name, hotels: { [HOTEL]: 'staff' } });
});
afterAll(() => t.close());

/** A populated stocktake followed by a graphql-ws screen and a pusher-js screen. */
const watchedStocktake = () => watchStocktake(t, closers);

const last = <T>(received: Received<T>) => received.items.at(-1)!;
const eventOf = (received: Received<{ data?: { stocktakeEvents: unknown } | null }>) =>
  last(received).data!.stocktakeEvents;

it('a lock refuses other users’ counts, bulk counts and movements, naming the holder, then expires on its own (user-stopped-editing-line, expired)', async () => {
  const { id, guinness, channel, events, pusher } = await watchedStocktake();
  const lock = ok(
    await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: aoife }),
  ).startEditingLine;
  expect(lock).toEqual({ lineId: guinness.id, stocktakeId: id, user: AOIFE, expiresAt: expect.stringMatching(ISO_Z) });

  await events.waitFor(1);
  expect(eventOf(events)).toEqual({
    __typename: 'UserEditingLineEvent',
    eventId: expect.any(String),
    epoch: expect.stringMatching(EPOCH),
    name: 'user-editing-line',
    channel,
    sequence: 2,
    occurredAt: expect.stringMatching(ISO_Z),
    actor: AOIFE,
    stocktakeId: id,
    lineId: guinness.id,
    user: AOIFE,
    expiresAt: lock.expiresAt,
  });
  await pusher.waitFor(1);
  expect(last(pusher)).toEqual({
    channel,
    event: 'user-editing-line',
    data: {
      stocktake_id: Number(id),
      line_id: Number(guinness.id),
      user: AOIFE,
      expires_at: lock.expiresAt,
      meta: metaOf(2, AOIFE),
    },
  });

  const locked = {
    code: 'CONFLICT',
    reason: 'LINE_LOCKED',
    lineId: guinness.id,
    lockedBy: AOIFE,
    lockExpiresAt: lock.expiresAt,
  };
  const count = await t.graphql(
    UpdateStocktakeLineDocument,
    { id: guinness.id, input: { countedFullUnits: '3' } },
    { token: brian },
  );
  expect(count.errors![0]!.extensions).toEqual(locked);
  expect(count.errors![0]!.message).toBe(`Line ${guinness.id} is being edited by Aoife Byrne until ${lock.expiresAt}`);
  const purchase = await t.graphql(
    AddLineMovementDocument,
    { lineId: guinness.id, input: { movementType: 'PURCHASE', quantity: '88' } },
    { token: brian },
  );
  expect(purchase.errors![0]!.extensions).toEqual(locked);
  const bulk = await t.graphql(
    UpdateStocktakeLinesDocument,
    { stocktakeId: id, lines: [{ lineId: guinness.id, countedFullUnits: '3' }] },
    { token: brian },
  );
  expect(bulk.errors![0]!.extensions).toEqual({
    code: 'CONFLICT',
    lineErrors: [{ ...locked, message: expect.stringContaining('is being edited by Aoife Byrne') }],
  });
  // The holder herself may count; renewing says nothing new.
  ok(
    await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '1' } },
      { token: aoife },
    ),
  );
  const renewed = ok(
    await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: aoife }),
  ).startEditingLine;
  expect(Date.parse(renewed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(lock.expiresAt));
  await events.waitFor(2);
  expect(events.items[1]!.data!.stocktakeEvents).toMatchObject({
    name: 'line-counted-updated',
    sequence: 3,
    actor: AOIFE,
  });

  // Nobody renews it again: it expires, and everyone is told.
  await events.waitFor(3, 10_000);
  expect(eventOf(events)).toEqual({
    __typename: 'UserStoppedEditingLineEvent',
    eventId: expect.any(String),
    epoch: expect.stringMatching(EPOCH),
    name: 'user-stopped-editing-line',
    channel,
    sequence: 4,
    occurredAt: expect.stringMatching(ISO_Z),
    actor: SYSTEM,
    stocktakeId: id,
    lineId: guinness.id,
    user: AOIFE,
    reason: 'expired',
  });
  await pusher.waitFor(3);
  expect(last(pusher)).toEqual({
    channel,
    event: 'user-stopped-editing-line',
    data: {
      stocktake_id: Number(id),
      line_id: Number(guinness.id),
      user: AOIFE,
      reason: 'expired',
      meta: metaOf(4, SYSTEM),
    },
  });
  const after = ok(
    await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '3' } },
      { token: brian },
    ),
  ).updateStocktakeLine;
  expect(after.countedFullUnits).toBe('3.00');
});

it('only a manager breaks a lock: user-stopped-editing-line (broken) by the manager, then the line is free', async () => {
  const { id, guinness, channel, events, pusher } = await watchedStocktake();
  ok(await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: aoife }));
  const taken = await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: brian });
  expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINE_LOCKED', lockedBy: AOIFE });
  const refused = await t.graphql(BreakLineLockDocument, { lineId: guinness.id }, { token: brian });
  expect(refused.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
  // Brian stopping a lock he does not hold changes nothing.
  expect(ok(await t.graphql(StopEditingLineDocument, { lineId: guinness.id }, { token: brian })).stopEditingLine).toBe(
    false,
  );

  await events.waitFor(1);
  expect(ok(await t.graphql(BreakLineLockDocument, { lineId: guinness.id })).breakLineLock).toBe(true);
  await events.waitFor(2);
  expect(eventOf(events)).toEqual({
    __typename: 'UserStoppedEditingLineEvent',
    eventId: expect.any(String),
    epoch: expect.stringMatching(EPOCH),
    name: 'user-stopped-editing-line',
    channel,
    sequence: 3,
    occurredAt: expect.stringMatching(ISO_Z),
    actor: MANAGER,
    stocktakeId: id,
    lineId: guinness.id,
    user: AOIFE,
    reason: 'broken',
  });
  await pusher.waitFor(2);
  expect(last(pusher)).toEqual({
    channel,
    event: 'user-stopped-editing-line',
    data: { stocktake_id: Number(id), line_id: Number(guinness.id), user: AOIFE, reason: 'broken', meta: metaOf(3) },
  });
  ok(
    await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '2' } },
      { token: brian },
    ),
  );
  // Brian now takes it and releases it himself.
  ok(await t.graphql(StartEditingLineDocument, { lineId: guinness.id }, { token: brian }));
  expect(ok(await t.graphql(StopEditingLineDocument, { lineId: guinness.id }, { token: brian })).stopEditingLine).toBe(
    true,
  );
  await events.waitFor(5);
  expect(events.items.slice(2).map((item) => item.data!.stocktakeEvents)).toMatchObject([
    { name: 'line-counted-updated', actor: BRIAN },
    { name: 'user-editing-line', actor: BRIAN, user: BRIAN },
    { name: 'user-stopped-editing-line', actor: BRIAN, user: BRIAN, reason: 'released' },
  ]);
});

it('a stale expectedVersion on counts and on every movement change is a CONFLICT carrying the current line, and changes and emits nothing', async () => {
  const { guinness, events, pusher } = await watchedStocktake();
  const added = ok(
    await t.graphql(AddLineMovementDocument, {
      lineId: guinness.id,
      input: { movementType: 'PURCHASE', quantity: '10', expectedVersion: guinness.version },
    }),
  ).addLineMovement;
  const seenByBrian = added.line; // Brian's screen shows this version
  // Aoife counts meanwhile.
  const current = ok(
    await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '4', expectedVersion: seenByBrian.version } },
      { token: aoife },
    ),
  ).updateStocktakeLine;
  await events.waitFor(2);
  await pusher.waitFor(2);

  const stale = {
    code: 'CONFLICT',
    reason: 'STALE_VERSION',
    lineId: guinness.id,
    currentVersion: current.version,
    line: expect.objectContaining({ id: Number(guinness.id), version: current.version, countedFullUnits: '4.00' }),
  };
  const attempts = [
    await t.graphql(
      UpdateStocktakeLineDocument,
      { id: guinness.id, input: { countedFullUnits: '9', expectedVersion: seenByBrian.version } },
      { token: brian },
    ),
    await t.graphql(
      AddLineMovementDocument,
      { lineId: guinness.id, input: { movementType: 'WASTE', quantity: '1', expectedVersion: seenByBrian.version } },
      { token: brian },
    ),
    await t.graphql(
      UpdateLineMovementDocument,
      {
        lineId: guinness.id,
        movementId: added.movement.id,
        input: { quantity: '11', expectedVersion: seenByBrian.version },
      },
      { token: brian },
    ),
    await t.graphql(
      DeleteLineMovementAtVersionDocument,
      { lineId: guinness.id, movementId: added.movement.id, expectedVersion: seenByBrian.version },
      { token: brian },
    ),
  ];
  for (const attempt of attempts) {
    expect(attempt.errors![0]!.extensions).toEqual(stale);
    expect(attempt.errors![0]!.message).toBe(
      `Line ${guinness.id} has changed since version ${seenByBrian.version}; reload it and try again`,
    );
  }
  // Nothing was emitted for them: the next change is the next event on both transports.
  let deleted!: LineFieldsFragment;
  await expectNothingMore(
    async () =>
      (deleted = ok(
        await t.graphql(
          DeleteLineMovementAtVersionDocument,
          { lineId: guinness.id, movementId: added.movement.id, expectedVersion: current.version },
          { token: brian },
        ),
      ).deleteLineMovement.line),
    [events, 2],
    [pusher, 2],
  );
  expect(deleted).toMatchObject({ countedFullUnits: '4.00', version: current.version + 1 });
  expect(last(pusher)).toMatchObject({ event: 'line-movement-deleted', data: { line: pusherLineOf(deleted) } });
});

/**
 * Who may do what (docs/domain.md, "Who may do what"). What a user would check: without a
 * valid bearer token nothing works; staff count and record movements but cannot
 * run the stocktake or change the catalogue; a member of another hotel is
 * FORBIDDEN to name this hotel and gets NOT_FOUND for its ids (they leak nothing);
 * `me` and `hotels` show only the caller's own hotels; refusals change nothing and
 * their errors carry only a code and details, never a stack trace.
 */
import { SignJWT } from 'jose';
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  CategoryTotalsDocument,
  CreateStockItemDocument,
  CreateStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  HotelDocument,
  HotelsDocument,
  LineMovementsDocument,
  MeDocument,
  PopulateStocktakeDocument,
  ReopenStocktakeDocument,
  StockItemsDocument,
  StocktakeDocument,
  StocktakeLineDocument,
  StocktakesDocument,
  UpdateLineMovementDocument,
  UpdateStockItemDocument,
  UpdateStocktakeDocument,
  UpdateStocktakeLineDocument,
} from './__generated__/graphql';
import { signToken } from '../src/infrastructure/auth/tokens';
import { refusedWithoutChange, type GraphQLReply } from './support/database-snapshot';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { JWT_SECRET, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let staff: string;
let galwayManager: string;
const k = {} as { draftId: string; approvedId: string; lineId: string; movementId: string; itemId: string };
const g = {} as { stocktakeId: string; lineId: string };

async function populated(hotel: string, periodStart: string, periodEnd: string, token?: string) {
  const created = await t.graphql(CreateStocktakeDocument, { hotel, input: { periodStart, periodEnd } }, { token });
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  const id = created.data.createStocktake.id;
  await t.graphql(PopulateStocktakeDocument, { id }, { token });
  const lines = (await t.graphql(StocktakeDocument, { id }, { token })).data!.stocktake.lines;
  return { id, guinness: lines.find((line) => line.itemSku === 'D0030')! };
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.token({ user: 'staff-1', name: 'Sam Staff', hotels: { [HOTEL]: 'staff' } });
  galwayManager = await t.token({ user: 'galway-1', name: 'Gail Galway', hotels: { [OTHER_HOTEL]: 'manager' } });

  const september = await populated(HOTEL, '2025-09-01', '2025-09-30');
  await t.graphql(ApproveStocktakeDocument, { id: september.id });
  const october = await populated(HOTEL, '2025-10-01', '2025-10-31');
  const purchase = await t.graphql(AddLineMovementDocument, {
    lineId: october.guinness.id,
    input: { movementType: 'PURCHASE', quantity: '88' },
  });
  const items = (await t.graphql(StockItemsDocument, { hotel: HOTEL })).data!.stockItems;
  Object.assign(k, {
    draftId: october.id,
    approvedId: september.id,
    lineId: october.guinness.id,
    movementId: purchase.data!.addLineMovement.movement.id,
    itemId: items.find((item) => item.sku === 'D0030')!.id,
  });
  const galway = await populated(OTHER_HOTEL, '2025-10-01', '2025-10-31', galwayManager);
  Object.assign(g, { stocktakeId: galway.id, lineId: galway.guinness.id });
});
afterAll(() => t.close());

const refused = (send: Parameters<typeof refusedWithoutChange>[1]) => refusedWithoutChange(t.orm, send);

const createOctober2026 = (options: { token?: string | null; headers?: Record<string, string> }) =>
  t.graphql(
    CreateStocktakeDocument,
    { hotel: HOTEL, input: { periodStart: '2026-10-01', periodEnd: '2026-10-31' } },
    options,
  );

const signed = (
  claims: Record<string, unknown>,
  build: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  secret = JWT_SECRET,
) =>
  build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime('1h')).sign(
    new TextEncoder().encode(secret),
  );
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const MEMBER = { name: 'Mary Manager', hotels: { [HOTEL]: 'manager' } };
const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

describe('authentication', () => {
  it('a valid token is accepted (the refusals below are about the token, not the request)', async () => {
    const created = await createOctober2026({ token: await signed(MEMBER, (jwt) => jwt.setSubject('manager-1')) });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStocktake).toMatchObject({ hotel: HOTEL, periodStart: '2026-10-01', status: 'DRAFT' });
    expect((await t.graphql(DeleteStocktakeDocument, { id: created.data!.createStocktake.id })).errors).toBeUndefined();
  });

  it('no token: UNAUTHENTICATED on a query and on a mutation, which changes nothing', async () => {
    const me = await t.graphql(MeDocument, {}, { token: null });
    expect(me.errors?.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(me.errors![0]!.message).toBe('A valid bearer token is required');
    const list = await t.graphql(StocktakesDocument, { hotel: HOTEL }, { token: null });
    expect(list.errors?.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
    const error = await refused(() => createOctober2026({ token: null }));
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it.each(['Token abc', 'Bearer', 'Bearer a b', 'Basic dXNlcjpwYXNz'])(
    'Authorization "%s" is UNAUTHENTICATED',
    async (authorization) => {
      const error = await refused(() => createOctober2026({ token: null, headers: { authorization } }));
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(error.message).toBe('The Authorization header must be "Bearer <token>"');
    },
  );

  const badTokens: [string, () => Promise<string>, string | RegExp][] = [
    ['not a JWT at all', async () => 'abc.def.ghi', /^Invalid token: /],
    [
      'signed with another secret',
      () =>
        signToken('another-secret-that-is-also-32-characters-long', {
          userId: 'manager-1',
          name: 'M',
          hotels: { [HOTEL]: 'manager' },
        }),
      'Invalid token: signature verification failed',
    ],
    [
      'expired an hour ago',
      () =>
        signed(MEMBER, (jwt) =>
          jwt
            .setSubject('manager-1')
            .setIssuedAt(HOUR_AGO - 3600)
            .setExpirationTime(HOUR_AGO),
        ),
      'Invalid token: "exp" claim timestamp check failed',
    ],
    [
      'without the hotels claim',
      () => signed({ name: 'Mary' }, (jwt) => jwt.setSubject('manager-1')),
      'Invalid token: the hotels claim must map hotel identifiers to roles',
    ],
    [
      'with hotels as a list',
      () => signed({ hotels: [HOTEL] }, (jwt) => jwt.setSubject('manager-1')),
      'Invalid token: the hotels claim must map hotel identifiers to roles',
    ],
    [
      'with an unknown role',
      () => signed({ hotels: { [HOTEL]: 'owner' } }, (jwt) => jwt.setSubject('manager-1')),
      `Invalid token: unknown role for ${HOTEL}`,
    ],
    ['without a subject', () => signed(MEMBER), 'Invalid token: no subject'],
    [
      'unsigned (alg "none")',
      async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'manager-1', ...MEMBER })}.`,
      /^Invalid token: /,
    ],
  ];
  it.each(badTokens)('a token %s is UNAUTHENTICATED and changes nothing', async (_, makeToken, message) => {
    const token = await makeToken();
    const error = await refused(() => createOctober2026({ token }));
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(error.message).toMatch(message);
  });
});

describe('staff of hotel-killarney', () => {
  it('read the hotel, its catalogue, stocktakes, lines, movements and totals', async () => {
    const list = await t.graphql(StocktakesDocument, { hotel: HOTEL }, { token: staff });
    expect(list.data!.stocktakes.nodes.map((s) => s.id)).toEqual([k.draftId, k.approvedId]);
    expect((await t.graphql(HotelDocument, { identifier: HOTEL }, { token: staff })).data!.hotel).toMatchObject({
      identifier: HOTEL,
      role: 'staff',
    });
    expect(
      (
        await t.graphql(StockItemsDocument, { hotel: HOTEL, search: 'guinness' }, { token: staff })
      ).data!.stockItems.map((i) => i.id),
    ).toEqual([k.itemId]);
    // September's approval counted the discontinued gin empty, so October has 5 lines, not 6.
    expect((await t.graphql(StocktakeDocument, { id: k.draftId }, { token: staff })).data!.stocktake.lineCount).toBe(5);
    expect(
      (await t.graphql(StocktakeLineDocument, { id: k.lineId }, { token: staff })).data!.stocktakeLine.purchases,
    ).toBe('88.0000');
    expect(
      (await t.graphql(LineMovementsDocument, { lineId: k.lineId }, { token: staff })).data!.lineMovements.map(
        (m) => m.id,
      ),
    ).toEqual([k.movementId]);
    const totals = await t.graphql(CategoryTotalsDocument, { stocktakeId: k.draftId, category: 'D' }, { token: staff });
    expect(totals.data!.categoryTotals.map((c) => [c.categoryCode, c.itemCount])).toEqual([['D', 2]]);
  });

  it('count, and add, update and delete movements', async () => {
    const counted = await t.graphql(
      UpdateStocktakeLineDocument,
      { id: k.lineId, input: { countedFullUnits: '1', countedPartialUnits: '20' } },
      { token: staff },
    );
    expect(counted.errors).toBeUndefined();
    expect(counted.data!.updateStocktakeLine.countedQty).toBe('108.0000');
    const added = await t.graphql(
      AddLineMovementDocument,
      { lineId: k.lineId, input: { movementType: 'WASTE', quantity: '2' } },
      { token: staff },
    );
    expect(added.data!.addLineMovement.movement).toMatchObject({
      movementType: 'WASTE',
      quantity: '2.0000',
      staffId: 'staff-1',
      staffName: 'Sam Staff',
    });
    const movementId = added.data!.addLineMovement.movement.id;
    const updated = await t.graphql(
      UpdateLineMovementDocument,
      { lineId: k.lineId, movementId, input: { quantity: '3' } },
      { token: staff },
    );
    expect(updated.data!.updateLineMovement.line.waste).toBe('3.0000');
    const deleted = await t.graphql(DeleteLineMovementDocument, { lineId: k.lineId, movementId }, { token: staff });
    expect(deleted.data!.deleteLineMovement).toMatchObject({
      deletedMovementId: movementId,
      line: { waste: '0.0000' },
    });
  });

  it.each<[string, () => Promise<GraphQLReply>]>([
    ['createStocktake', () => createOctober2026({ token: staff })],
    ['populateStocktake', () => t.graphql(PopulateStocktakeDocument, { id: k.draftId }, { token: staff })],
    ['approveStocktake', () => t.graphql(ApproveStocktakeDocument, { id: k.draftId }, { token: staff })],
    ['reopenStocktake', () => t.graphql(ReopenStocktakeDocument, { id: k.approvedId }, { token: staff })],
    ['deleteStocktake', () => t.graphql(DeleteStocktakeDocument, { id: k.draftId }, { token: staff })],
    [
      'updateStocktake',
      () => t.graphql(UpdateStocktakeDocument, { id: k.draftId, input: { notes: 'by staff' } }, { token: staff }),
    ],
    [
      'createStockItem',
      () =>
        t.graphql(
          CreateStockItemDocument,
          { hotel: HOTEL, input: { sku: 'S0099', name: 'Gin', size: '70cl', uom: '20', unitCost: '20' } },
          { token: staff },
        ),
    ],
    [
      'updateStockItem',
      () => t.graphql(UpdateStockItemDocument, { id: k.itemId, input: { active: false } }, { token: staff }),
    ],
  ])('cannot %s: FORBIDDEN, and nothing changes', async (_, send) => {
    const error = await refused(send);
    expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(error.message).toBe(`Only a manager of ${HOTEL} can do this`);
  });
});

describe('a manager of hotel-galway only', () => {
  it.each<[string, () => Promise<GraphQLReply>]>([
    ['stocktakes', () => t.graphql(StocktakesDocument, { hotel: HOTEL }, { token: galwayManager })],
    ['hotel', () => t.graphql(HotelDocument, { identifier: HOTEL }, { token: galwayManager })],
    ['stockItems', () => t.graphql(StockItemsDocument, { hotel: HOTEL }, { token: galwayManager })],
    ['createStocktake', () => createOctober2026({ token: galwayManager })],
    [
      'createStockItem',
      () =>
        t.graphql(
          CreateStockItemDocument,
          { hotel: HOTEL, input: { sku: 'S0099', name: 'Gin', size: '70cl', uom: '20', unitCost: '20' } },
          { token: galwayManager },
        ),
    ],
  ])('naming hotel-killarney in %s is FORBIDDEN', async (_, send) => {
    const error = await refused(send);
    expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(error.message).toBe(`You are not a member of hotel ${HOTEL}`);
  });

  it.each<[string, () => Promise<GraphQLReply>, string, () => string]>([
    [
      'stocktake',
      () => t.graphql(StocktakeDocument, { id: k.draftId }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'categoryTotals',
      () => t.graphql(CategoryTotalsDocument, { stocktakeId: k.draftId }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'updateStocktake',
      () => t.graphql(UpdateStocktakeDocument, { id: k.draftId, input: { notes: 'x' } }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'populateStocktake',
      () => t.graphql(PopulateStocktakeDocument, { id: k.draftId }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'approveStocktake',
      () => t.graphql(ApproveStocktakeDocument, { id: k.draftId }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'reopenStocktake',
      () => t.graphql(ReopenStocktakeDocument, { id: k.approvedId }, { token: galwayManager }),
      'Stocktake',
      () => k.approvedId,
    ],
    [
      'deleteStocktake',
      () => t.graphql(DeleteStocktakeDocument, { id: k.draftId }, { token: galwayManager }),
      'Stocktake',
      () => k.draftId,
    ],
    [
      'stocktakeLine',
      () => t.graphql(StocktakeLineDocument, { id: k.lineId }, { token: galwayManager }),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'lineMovements',
      () => t.graphql(LineMovementsDocument, { lineId: k.lineId }, { token: galwayManager }),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'updateStocktakeLine',
      () =>
        t.graphql(
          UpdateStocktakeLineDocument,
          { id: k.lineId, input: { countedFullUnits: '9' } },
          { token: galwayManager },
        ),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'addLineMovement',
      () =>
        t.graphql(
          AddLineMovementDocument,
          { lineId: k.lineId, input: { movementType: 'WASTE', quantity: '1' } },
          { token: galwayManager },
        ),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'updateLineMovement',
      () =>
        t.graphql(
          UpdateLineMovementDocument,
          { lineId: k.lineId, movementId: k.movementId, input: { quantity: '1' } },
          { token: galwayManager },
        ),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'deleteLineMovement',
      () =>
        t.graphql(DeleteLineMovementDocument, { lineId: k.lineId, movementId: k.movementId }, { token: galwayManager }),
      'StocktakeLine',
      () => k.lineId,
    ],
    [
      'a killarney movement through a galway line',
      () =>
        t.graphql(DeleteLineMovementDocument, { lineId: g.lineId, movementId: k.movementId }, { token: galwayManager }),
      'StockMovement',
      () => k.movementId,
    ],
    [
      'updateStockItem',
      () => t.graphql(UpdateStockItemDocument, { id: k.itemId, input: { name: 'Mine now' } }, { token: galwayManager }),
      'StockItem',
      () => k.itemId,
    ],
  ])("hotel-killarney's id in %s is NOT_FOUND, exactly as an id that does not exist", async (_, send, entity, id) => {
    const error = await refused(send);
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', entity, id: id() });
    expect(error.message).toBe(`${entity} ${id()} not found`);
  });

  it('still sees and works on their own hotel', async () => {
    const list = await t.graphql(StocktakesDocument, { hotel: OTHER_HOTEL }, { token: galwayManager });
    expect(list.data!.stocktakes.nodes.map((s) => [s.id, s.hotel])).toEqual([[g.stocktakeId, OTHER_HOTEL]]);
    const items = await t.graphql(
      StockItemsDocument,
      { hotel: OTHER_HOTEL, includeInactive: true },
      { token: galwayManager },
    );
    expect(items.data!.stockItems.map((i) => i.sku)).toEqual(['D0030']);
    expect(items.data!.stockItems[0]!.id).not.toBe(k.itemId);
  });
});

describe('me and hotels', () => {
  async function hotelIds(): Promise<Record<string, string>> {
    const rows = await t.orm.em
      .getConnection()
      .execute<{ id: number; identifier: string }[]>('select id, identifier from hotel');
    return Object.fromEntries(rows.map((row) => [row.identifier, String(row.id)]));
  }

  it('list only the hotels in the token, each with the caller’s role', async () => {
    const ids = await hotelIds();
    const galway = { id: ids[OTHER_HOTEL], identifier: OTHER_HOTEL, name: 'Hotel Galway', timeZone: 'UTC' };
    const killarney = { id: ids[HOTEL], identifier: HOTEL, name: 'Hotel Killarney', timeZone: 'UTC' };

    const both = await t.token({
      user: 'u-2',
      name: 'Róisín Both',
      hotels: { [HOTEL]: 'staff', [OTHER_HOTEL]: 'manager' },
    });
    expect((await t.graphql(MeDocument, {}, { token: both })).data!.me).toEqual({
      id: 'u-2',
      name: 'Róisín Both',
      hotels: [
        { ...galway, role: 'manager' },
        { ...killarney, role: 'staff' },
      ],
    });
    expect((await t.graphql(MeDocument, {}, { token: galwayManager })).data!.me).toEqual({
      id: 'galway-1',
      name: 'Gail Galway',
      hotels: [{ ...galway, role: 'manager' }],
    });
    expect((await t.graphql(HotelsDocument, {}, { token: staff })).data!.hotels).toEqual([
      { ...killarney, role: 'staff' },
    ]);
    const nowhere = await t.token({ user: 'u-3', name: 'Nobody', hotels: { 'hotel-nowhere': 'manager' } });
    expect((await t.graphql(HotelsDocument, {}, { token: nowhere })).data!.hotels).toEqual([]);
  });
});

describe('error responses', () => {
  it('carry only the code and details for domain errors, never a stack trace', async () => {
    const responses = await Promise.all([
      t.graphql(MeDocument, {}, { token: null }),
      t.graphql(MeDocument, {}, { token: 'not-a-token' }),
      t.graphql(ApproveStocktakeDocument, { id: k.draftId }, { token: staff }),
      t.graphql(StocktakeDocument, { id: k.draftId }, { token: galwayManager }),
      t.graphql(StocktakeDocument, { id: 'abc' }),
      t.graphql(PopulateStocktakeDocument, { id: k.approvedId }),
    ]);
    const errors = responses.flatMap((response) => response.errors ?? []);
    expect(errors.map((error) => error.extensions?.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'STOCKTAKE_LOCKED',
    ]);
    for (const error of errors) expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(JSON.stringify(errors)).not.toMatch(/\.ts:\d+|node_modules/);
  });
});

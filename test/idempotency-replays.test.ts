/**
 * Replays under an idempotency key (docs/collaboration.md, "Idempotency
 * keys") through the real server, over HTTP and graphql-ws: a stored result
 * goes only to a caller who may still do what the first request did (a
 * demoted manager or one moved to another hotel is refused exactly as the
 * request without the key would be, and nothing changes), and a replay is
 * exactly the first answer, nested lines included, however the stocktake
 * has changed since.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { CreateStocktakeDocument, UpdateStocktakeDocument } from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { refusedWithoutChange, type GraphQLReply } from './support/database-snapshot';
import { HOTEL, OTHER_HOTEL } from './support/fixtures';
import { graphqlSubscriber } from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

jest.setTimeout(30_000);

const closers = closeAfterEach();
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface PopulatedWithLines {
  populateStocktake: {
    linesCreated: number;
    stocktake: {
      id: string;
      notes: string;
      lines: Array<{ id: string; countedFullUnits: string; countedQty: string; version: number }>;
    };
  };
}

/** populateStocktake with the stocktake's lines: the nested field resolved apart from the mutation's value. */
const PopulateWithLinesDocument = parse(`
  mutation PopulateWithLines($id: ID!) {
    populateStocktake(id: $id) {
      linesCreated
      stocktake { id notes lines { id countedFullUnits countedQty version } }
    }
  }
`) as TypedDocumentNode<PopulatedWithLines, { id: string }>;

let period = 0;
/** A period no other test uses. */
function freshPeriod() {
  period += 1;
  return {
    periodStart: `2071-${String(period).padStart(2, '0')}-01`,
    periodEnd: `2071-${String(period).padStart(2, '0')}-28`,
  };
}

const keyed = (key: string, token: string) => ({ token, headers: { 'Idempotency-Key': key } });

/** The stored key of a user, to show that a refused replay leaves it as it was. */
async function storedKey(userId: string, key: string): Promise<unknown[]> {
  return t.orm.em
    .fork()
    .getConnection()
    .execute('select request_hash, result, access from idempotency_key where user_id = ? and key = ?', [userId, key]);
}

/** One operation over graphql-ws with an idempotency key; resolves with its one result. */
async function overWebSocket(
  token: string,
  payload: { query: string; variables: Record<string, unknown>; key: string },
): Promise<GraphQLReply> {
  const subscriber = graphqlSubscriber(t, token);
  closers.push(() => subscriber.close());
  return new Promise<GraphQLReply>((resolve, reject) => {
    const results: GraphQLReply[] = [];
    subscriber.client.subscribe(
      { query: payload.query, variables: payload.variables, extensions: { idempotencyKey: payload.key } },
      {
        next: (value) => results.push(value as GraphQLReply),
        error: reject,
        complete: () => (results.length === 1 ? resolve(results[0]!) : reject(new Error(`${results.length} results`))),
      },
    );
  });
}

describe('a replay re-checks access', () => {
  it('a manager demoted to staff gets FORBIDDEN for the stored createStocktake, as without the key, and nothing changes', async () => {
    const user = 'replay-demoted';
    const manager = await t.token({ user, name: 'Maeve', hotels: { [HOTEL]: 'manager' } });
    const staff = await t.token({ user, name: 'Maeve', hotels: { [HOTEL]: 'staff' } });
    const variables = { hotel: HOTEL, input: { ...freshPeriod(), notes: 'Cellar key is with reception' } };
    const first = ok(await t.graphql(CreateStocktakeDocument, variables, keyed('create-1', manager)));
    expect(first.createStocktake.notes).toBe('Cellar key is with reception');
    const key = await storedKey(user, 'create-1');

    const fresh = await t.graphql(CreateStocktakeDocument, variables, { token: staff });
    const replay = await refusedWithoutChange(t.orm, () =>
      t.graphql(CreateStocktakeDocument, variables, keyed('create-1', staff)),
    );
    expect(replay).toEqual(fresh.errors![0]);
    expect(replay.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(await storedKey(user, 'create-1')).toEqual(key);

    // Promoted again, the same retry gets the stored answer: the refusal left the key as it was.
    expect(ok(await t.graphql(CreateStocktakeDocument, variables, keyed('create-1', manager)))).toEqual(first);
  });

  it('a manager moved to another hotel gets what the request without the key gets: NOT_FOUND for the stocktake, FORBIDDEN for the hotel', async () => {
    const user = 'replay-moved';
    const before = await t.token({ user, name: 'Cian', hotels: { [HOTEL]: 'manager' } });
    const moved = await t.token({ user, name: 'Cian', hotels: { [OTHER_HOTEL]: 'manager' } });
    const created = { hotel: HOTEL, input: { ...freshPeriod(), notes: 'first' } };
    const { id } = ok(await t.graphql(CreateStocktakeDocument, created, keyed('moved-create', before))).createStocktake;
    const updated = { id, input: { notes: 'Supplier credit note pending' } };
    ok(await t.graphql(UpdateStocktakeDocument, updated, keyed('moved-update', before)));

    const freshUpdate = await t.graphql(UpdateStocktakeDocument, updated, { token: moved });
    const replayedUpdate = await refusedWithoutChange(t.orm, () =>
      t.graphql(UpdateStocktakeDocument, updated, keyed('moved-update', moved)),
    );
    expect(replayedUpdate).toEqual(freshUpdate.errors![0]);
    expect(replayedUpdate.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Stocktake', id });

    const freshCreate = await t.graphql(CreateStocktakeDocument, created, { token: moved });
    const replayedCreate = await refusedWithoutChange(t.orm, () =>
      t.graphql(CreateStocktakeDocument, created, keyed('moved-create', moved)),
    );
    expect(replayedCreate).toEqual(freshCreate.errors![0]);
    expect(replayedCreate.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('over graphql-ws: the demoted manager is refused FORBIDDEN, as without the key, and nothing changes', async () => {
    const user = 'replay-demoted-ws';
    const manager = await t.token({ user, name: 'Nuala', hotels: { [HOTEL]: 'manager' } });
    const staff = await t.token({ user, name: 'Nuala', hotels: { [HOTEL]: 'staff' } });
    const query = print(CreateStocktakeDocument);
    const variables = { hotel: HOTEL, input: { ...freshPeriod(), notes: 'Count the keg room first' } };
    const first = await overWebSocket(manager, { query, variables, key: 'ws-create-1' });
    expect(first.errors).toBeUndefined();

    const fresh = await t.graphql(CreateStocktakeDocument, variables, { token: staff });
    const replay = await refusedWithoutChange(t.orm, () =>
      overWebSocket(staff, { query, variables, key: 'ws-create-1' }),
    );
    expect(replay.message).toBe(fresh.errors![0]!.message);
    expect(replay.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(await overWebSocket(manager, { query, variables, key: 'ws-create-1' })).toEqual(first);
  });
  it('a key stored before access was recorded with it is refused rather than trusted, and nothing changes', async () => {
    const user = 'replay-legacy';
    const manager = await t.token({ user, name: 'Aoife', hotels: { [HOTEL]: 'manager' } });
    const variables = { hotel: HOTEL, input: { ...freshPeriod(), notes: 'before the upgrade' } };
    ok(await t.graphql(CreateStocktakeDocument, variables, keyed('legacy-1', manager)));
    await t.orm.em
      .fork()
      .getConnection()
      .execute('update idempotency_key set access = null where user_id = ? and key = ?', [user, 'legacy-1']);
    const refused = await refusedWithoutChange(t.orm, () =>
      t.graphql(CreateStocktakeDocument, variables, keyed('legacy-1', manager)),
    );
    expect(refused.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('a replay is the first answer, whole', () => {
  it('over HTTP: after a colleague counts and the notes change, the replay returns the stored notes and lines, not the live ones', async () => {
    const steps = stocktakeSteps(t);
    const { id } = await steps.create();
    const manager = await t.token();
    const colleague = await t.token({ user: 'replay-colleague', name: 'Orla', hotels: { [HOTEL]: 'staff' } });
    const first = ok(await t.graphql(PopulateWithLinesDocument, { id }, keyed('populate-http', manager)));
    const line = first.populateStocktake.stocktake.lines[0]!;
    expect(first.populateStocktake.stocktake.lines.length).toBeGreaterThan(0);

    ok(
      await t.graphql(
        parse(`mutation ($id: ID!) { updateStocktakeLine(id: $id, input: { countedFullUnits: "7" }) { id } }`),
        { id: line.id },
        { token: colleague },
      ),
    );
    ok(await t.graphql(UpdateStocktakeDocument, { id, input: { notes: 'changed since' } }, { token: manager }));

    const replay = await t.graphql(PopulateWithLinesDocument, { id }, keyed('populate-http', manager));
    expect(ok(replay)).toEqual(first);
    // The stocktake itself has moved on: the replay did not read it.
    const live = ok(
      await t.graphql(
        parse(
          `query ($id: ID!) { stocktake(id: $id) { notes lines { id countedFullUnits version } } }`,
        ) as TypedDocumentNode<
          { stocktake: { notes: string; lines: Array<{ id: string; countedFullUnits: string; version: number }> } },
          { id: string }
        >,
        { id },
      ),
    );
    expect(live.stocktake.notes).toBe('changed since');
    expect(live.stocktake.lines.find((l) => l.id === line.id)).toMatchObject({
      countedFullUnits: '7.00',
      version: line.version + 1,
    });
  });

  it('over graphql-ws: the replay after a colleague counts is the first answer, lines included', async () => {
    const steps = stocktakeSteps(t);
    const { id } = await steps.create();
    const manager = await t.token();
    const colleague = await t.token({ user: 'replay-colleague', name: 'Orla', hotels: { [HOTEL]: 'staff' } });
    const query = print(PopulateWithLinesDocument);
    const first = await overWebSocket(manager, { query, variables: { id }, key: 'populate-ws' });
    expect(first.errors).toBeUndefined();
    const lines = (first.data as PopulatedWithLines).populateStocktake.stocktake.lines;
    expect(lines.length).toBeGreaterThan(0);

    ok(
      await t.graphql(
        parse(`mutation ($id: ID!) { updateStocktakeLine(id: $id, input: { countedFullUnits: "3" }) { id } }`),
        { id: lines[0]!.id },
        { token: colleague },
      ),
    );
    expect(await overWebSocket(manager, { query, variables: { id }, key: 'populate-ws' })).toEqual(first);
    // And over HTTP, the same stored answer.
    expect(ok(await t.graphql(PopulateWithLinesDocument, { id }, keyed('populate-ws', manager)))).toEqual(first.data);
  });
});

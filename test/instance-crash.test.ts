/**
 * What a killed instance held dies with it (docs/realtime.md, "Claims that die
 * with their holder"): two instances started by their own command on one
 * database publish to one Pusher endpoint that answers slowly; the relaying
 * one is killed (SIGKILL) with a request in flight and a user present through
 * it. The survivor delivers the killed relay's claimed events long before
 * their lease would have ended, every event reaches Pusher and pusher-js once
 * and in order, and the user's presence ends as `instance-lost` long before its
 * renewal would have lapsed.
 */
import { Client } from 'pg';
import { closeAfterEach } from './support/closers';
import { listChannel } from '../src/realtime/event-catalog/channels';
import { HOTEL } from './support/fixtures';
import { startPusherEndpoint, type PusherEndpoint } from './support/pusher-endpoint';
import { graphqlSubscriber, legacyFrontend } from './support/realtime-clients';
import {
  createDayStocktake,
  createFixtureDatabase,
  startShippedServer,
  type ShippedServer,
} from './support/shipped-server';
import { waitUntil } from './support/waiting';
import type { ScratchDatabase } from '../src/infrastructure/database/scratch-database';

jest.setTimeout(120_000);

const closers = closeAfterEach();
const LIST_CHANNEL = listChannel(HOTEL);
const AOIFE = { id: 'staff-aoife', name: 'Aoife Staff' };

async function queryDatabase<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function leads(server: ShippedServer): Promise<boolean> {
  const response = await server.post({ query: '{ relayStatus { leader } }' });
  return (response.json?.data as { relayStatus?: { leader: boolean } } | undefined)?.relayStatus?.leader === true;
}

describe('the relaying instance is killed while Pusher is slow', () => {
  let endpoint: PusherEndpoint;
  let database: ScratchDatabase;
  let dying: ShippedServer;
  let survivor: ShippedServer;

  beforeAll(async () => {
    endpoint = await startPusherEndpoint();
    database = await createFixtureDatabase();
    // A 30 s publish deadline: a claim's lease (deadline + 5 s) is far longer than an instance's liveness.
    const env = { ...endpoint.env, PUSHER_TIMEOUT_MS: '30000' };
    dying = await startShippedServer(env, { database });
    await waitUntil(() => leads(dying), 'the first instance to relay', 10_000);
    survivor = await startShippedServer(env, { database });
  });
  afterAll(async () => {
    await Promise.all([dying?.close(), survivor?.close()]);
    await endpoint?.close();
    await database?.drop();
  });

  it('the survivor resumes within the dead instance’s liveness, not its lease; each event reaches Pusher and pusher-js once, in order; its presences end', async () => {
    expect(await leads(survivor)).toBe(false);
    const stocktakeId = await createDayStocktake(survivor, 'watched');
    await waitUntil(
      () => endpoint.faults.accepted.some((event) => event.channel === LIST_CHANNEL),
      'the first event at Pusher',
    );

    // Aoife is present through the instance that will die; a manager watches through the survivor.
    const aoife = graphqlSubscriber(dying, await dying.token({ user: AOIFE.id, name: AOIFE.name }));
    closers.push(() => aoife.close());
    const watcher = graphqlSubscriber(survivor, await survivor.token());
    closers.push(() => watcher.close());
    const watched = watcher.raw({
      query: `subscription($id: ID!) { stocktakeEvents(stocktakeId: $id, afterSequence: 0) {
        ... on RealtimeEvent { name sequence } ... on UserLeftEvent { reason occurredAt user { id } } } }`,
      variables: { id: stocktakeId },
    });
    closers.push(() => watched.unsubscribe());
    // Her screen follows the stocktake (an open subscription keeps the lazy graphql-ws socket open).
    const following = aoife.raw({
      query: 'subscription($id: ID!) { stocktakeEvents(stocktakeId: $id) { __typename } }',
      variables: { id: stocktakeId },
    });
    closers.push(() => following.unsubscribe());
    const joined = aoife.raw({
      query: 'mutation($id: ID!) { joinStocktake(stocktakeId: $id) { user { id } } }',
      variables: { id: stocktakeId },
    });
    expect(await joined.outcome).toEqual({ kind: 'complete' });
    const isNamed = (name: string) => () =>
      watched.items.some((result) => (result.data?.stocktakeEvents as { name: string } | undefined)?.name === name);
    await waitUntil(isNamed('user-joined'), 'user-joined at the watcher', 10_000);
    const legacy = await legacyFrontend(survivor, undefined, endpoint);
    closers.push(() => legacy.close());
    const listEvents = await legacy.listen(LIST_CHANNEL);

    // Pusher stops answering: the relay's requests hang until their 30 s deadline.
    endpoint.faults.clearLog().delayNext({ ms: 120_000, deliver: false, times: 1_000 });
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) created.push(await createDayStocktake(survivor, `during ${index}`));
    await waitUntil(() => endpoint.faults.publishAttempts > 0, 'a publish request in flight');
    const claims = await queryDatabase<{ claimed_until: Date }>(
      database.url,
      'select claimed_until from outbox_event where claim_token is not null',
    );
    expect(claims.length).toBeGreaterThan(0);
    const leaseEnds = Math.min(...claims.map((claim) => claim.claimed_until.getTime()));
    const [session] = await queryDatabase<{ expires_at: Date }>(
      database.url,
      `select expires_at from presence_session where user_id = '${AOIFE.id}'`,
    );

    expect(await dying.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    endpoint.faults.clear();

    // Every stocktake created meanwhile reaches pusher-js once, in commit order, and no later than the lease.
    const received = await listEvents.waitFor(created.length, 60_000);
    expect(received.map((event) => [event.event, String(event.data.id)])).toEqual(
      created.map((id) => ['stocktake-created', id]),
    );
    const sequences = received.map((event) => (event.data.meta as { sequence: number }).sequence);
    expect(sequences).toEqual(sequences.map((_, index) => sequences[0]! + index));
    const listAccepted = endpoint.faults.accepted.filter((event) => event.channel === LIST_CHANNEL);
    expect(listAccepted).toHaveLength(created.length);
    expect(Math.max(...listAccepted.map((event) => event.receivedAt.getTime()))).toBeLessThan(leaseEnds);
    await waitUntil(() => leads(survivor), 'the survivor to relay');

    // Aoife's presence ended with her instance, before the renewal it last got would have lapsed.
    await waitUntil(isNamed('user-left'), 'user-left at the watcher', 20_000);
    const left = watched.items
      .map((result) => result.data?.stocktakeEvents as Record<string, unknown>)
      .find((event) => event.name === 'user-left')!;
    expect(left).toMatchObject({ reason: 'instance-lost', user: { id: AOIFE.id } });
    expect(new Date(left.occurredAt as string).getTime()).toBeLessThan(session!.expires_at.getTime());
  });
});

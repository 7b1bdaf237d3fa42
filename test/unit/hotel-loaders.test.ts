/**
 * `me`, `hotels` and `hotel(identifier:)` read the caller's hotels once per
 * tick, however many aliases of them a document holds (src/graphql/loaders.ts):
 * twenty aliases once cost twenty reads (bench HOSTILE, "20× hotel").
 */
import { NotFoundError } from '../../src/domain/errors';
import type { MembershipView } from '../../src/domain/services/hotel-service';
import type { GraphQLContext } from '../../src/graphql/context';
import { hotelLoader, myHotelsLoader } from '../../src/graphql/loaders';

const KILLARNEY: MembershipView = {
  id: 1,
  identifier: 'hotel-killarney',
  name: 'Killarney',
  timeZone: 'Europe/Dublin',
  role: 'staff',
};

/** A context whose hotel service counts its reads. */
function countingContext() {
  const reads = { mine: 0, get: [] as string[] };
  const context = {
    viewer: { id: 'staff-1', name: 'Staff', hotels: new Map([['hotel-killarney', 'staff']]) },
    services: {
      hotels: {
        mine: async () => {
          reads.mine += 1;
          return [KILLARNEY];
        },
        get: async (_em: unknown, _viewer: unknown, identifier: string) => {
          reads.get.push(identifier);
          if (identifier !== KILLARNEY.identifier) throw new NotFoundError('Hotel', identifier);
          return KILLARNEY;
        },
      },
    },
  } as unknown as GraphQLContext;
  return { context, reads };
}

it('reads the caller’s hotels once for twenty aliases asked in one tick, and again in a later tick', async () => {
  const { context, reads } = countingContext();
  const answers = await Promise.all(Array.from({ length: 20 }, () => myHotelsLoader(context).load('mine')));
  expect(answers).toEqual(Array.from({ length: 20 }, () => [KILLARNEY]));
  expect(reads.mine).toBe(1);
  await myHotelsLoader(context).load('mine');
  expect(reads.mine).toBe(2);
});

it('reads each hotel identifier once per tick, and each alias gets its own answer or error', async () => {
  const { context, reads } = countingContext();
  const identifiers = [...Array.from({ length: 19 }, () => KILLARNEY.identifier), 'hotel-elsewhere'];
  const answers = await Promise.allSettled(identifiers.map((identifier) => hotelLoader(context).load(identifier)));
  expect(answers.slice(0, 19)).toEqual(Array.from({ length: 19 }, () => ({ status: 'fulfilled', value: KILLARNEY })));
  expect(answers[19]).toEqual({ status: 'rejected', reason: expect.any(NotFoundError) });
  expect(reads.get).toEqual([KILLARNEY.identifier, 'hotel-elsewhere']);
});

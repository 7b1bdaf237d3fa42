/**
 * Loading what a viewer may touch. Records of hotels the viewer does not
 * belong to are reported as not found, so ids of other hotels leak nothing;
 * a hotel named outright is FORBIDDEN, as is an action above the role.
 */
import { singleFlight } from '../single-flight';
import type { Sql } from '../sql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Hotel, Stocktake } from '../entities';
import { NotFoundError } from '../errors';
import { authorize, requireRole, type AccessNeeded, type Role, type Viewer } from '../viewer';

export async function hotelFor(em: EntityManager, viewer: Viewer, identifier: string, role: Role): Promise<Hotel> {
  requireRole(viewer, identifier, role);
  const hotel = await em.findOne(Hotel, { identifier });
  if (!hotel) throw new NotFoundError('Hotel', identifier);
  return hotel;
}

interface StocktakeAccess {
  stocktake: Stocktake;
  hotel: Hotel;
}

/**
 * With `lock`, the stocktake row is locked FOR UPDATE for the rest of the
 * transaction: every change to a stocktake takes this lock first, so changes
 * to one stocktake apply one at a time and in a fixed lock order.
 */
export async function stocktakeFor(
  em: EntityManager,
  viewer: Viewer,
  id: number,
  role: Role,
  options: { lock?: boolean; record?: AccessNeeded['record'] } = {},
): Promise<StocktakeAccess> {
  const stocktake = await em.findOne(
    Stocktake,
    { id },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  const hotel = stocktake ? await em.findOneOrFail(Hotel, stocktake.hotel.id) : null;
  if (!stocktake || !hotel) throw new NotFoundError('Stocktake', id);
  authorize(viewer, {
    hotel: hotel.identifier,
    role,
    record: options.record ?? { entity: 'Stocktake', id: String(id) },
  });
  return { stocktake, hotel };
}

/** The identifier of the hotel a stocktake belongs to, if the viewer may see it (one query, no entities). */
export async function hotelOfStocktake(target: Sql, viewer: Viewer, id: number, role: Role): Promise<string> {
  return checkedHotel(await hotelIdentifierOf(target, id), viewer, id, role);
}

/**
 * hotelOfStocktake for one pool, with the lookups of many subscribers of
 * the same stocktake at the same moment made once (single-flight).
 */
export function stocktakeHotels(sql: Sql): (viewer: Viewer, id: number, role: Role) => Promise<string> {
  const lookup = singleFlight((id: number) => hotelIdentifierOf(sql, id));
  return async (viewer, id, role) => checkedHotel(await lookup(id), viewer, id, role);
}

async function hotelIdentifierOf(target: Sql, id: number): Promise<string | undefined> {
  const [row] = await target.rows<{ identifier: string }>(
    'select h.identifier from stocktake s join hotel h on h.id = s.hotel_id where s.id = ?',
    [id],
  );
  return row?.identifier;
}

function checkedHotel(identifier: string | undefined, viewer: Viewer, id: number, role: Role): string {
  if (!identifier) throw new NotFoundError('Stocktake', id);
  authorize(viewer, { hotel: identifier, role, record: { entity: 'Stocktake', id: String(id) } });
  return identifier;
}

/** The hotels a viewer belongs to, with their role in each. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Hotel } from '../entities';
import { NotFoundError } from '../errors';
import { requireRole, type Role, type Viewer } from '../viewer';
import { describeHotel, type HotelView } from '../views';

export interface MembershipView extends HotelView {
  role: Role;
}

export class HotelService {
  /** The viewer's hotels, by identifier. */
  async mine(em: EntityManager, viewer: Viewer): Promise<MembershipView[]> {
    const hotels = await em.find(
      Hotel,
      { identifier: { $in: [...viewer.hotels.keys()] } },
      { orderBy: { identifier: 'asc' } },
    );
    return hotels.map((hotel) => ({ ...describeHotel(hotel), role: viewer.hotels.get(hotel.identifier)! }));
  }

  async get(em: EntityManager, viewer: Viewer, identifier: string): Promise<MembershipView> {
    requireRole(viewer, identifier, 'staff');
    const hotel = await em.findOne(Hotel, { identifier });
    if (!hotel) throw new NotFoundError('Hotel', identifier);
    return { ...describeHotel(hotel), role: viewer.hotels.get(identifier)! };
  }
}

import { Arg, Ctx, Extensions, Query, Resolver } from 'type-graphql';
import { LIST_SIZE_EXTENSION } from '../operation-limits';
import { Hotel } from '../../domain/entities';
import { NotFoundError } from '../../domain/errors';
import { describeHotel } from '../../domain/views';
import { requireRole } from '../../domain/viewer';
import { viewerOf, type GraphQLContext } from '../context';
import { Role } from '../types/enums';
import { HotelType, Me } from '../types/hotel';

@Resolver()
export class ViewerResolver {
  @Query(() => Me, { description: 'The caller and their hotels.' })
  async me(@Ctx() context: GraphQLContext): Promise<Me> {
    const viewer = viewerOf(context);
    return { id: viewer.id, name: viewer.name, hotels: await this.hotels(context) };
  }

  @Query(() => [HotelType], { description: "The caller's hotels." })
  @Extensions({ [LIST_SIZE_EXTENSION]: 10 })
  async hotels(@Ctx() context: GraphQLContext): Promise<HotelType[]> {
    const viewer = viewerOf(context);
    const hotels = await context.em.find(Hotel, { identifier: { $in: [...viewer.hotels.keys()] } }, { orderBy: { identifier: 'asc' } });
    return hotels.map((hotel) => ({ ...describeHotel(hotel), role: viewer.hotels.get(hotel.identifier) as Role }));
  }

  @Query(() => HotelType)
  async hotel(@Arg('identifier', () => String) identifier: string, @Ctx() context: GraphQLContext): Promise<HotelType> {
    const viewer = viewerOf(context);
    requireRole(viewer, identifier, 'staff');
    const hotel = await context.em.findOne(Hotel, { identifier });
    if (!hotel) throw new NotFoundError('Hotel', identifier);
    return { ...describeHotel(hotel), role: viewer.hotels.get(identifier) as Role };
  }
}

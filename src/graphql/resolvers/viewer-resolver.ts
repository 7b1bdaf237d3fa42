import { Arg, Ctx, Extensions, Query, Resolver } from 'type-graphql';
import { viewerOf, type GraphQLContext } from '../context';
import { hotelLoader, myHotelsLoader } from '../loaders';
import { COST_EXTENSION, LIST_SIZE_EXTENSION } from '../operation-limits';
import type { Role } from '../types/enums';
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
    return (await myHotelsLoader(context).load('mine')).map(asHotelType);
  }

  @Query(() => HotelType)
  @Extensions({ [COST_EXTENSION]: 25 })
  async hotel(@Arg('identifier', () => String) identifier: string, @Ctx() context: GraphQLContext): Promise<HotelType> {
    return asHotelType(await hotelLoader(context).load(identifier));
  }
}

/** The domain's role names are the GraphQL enum's values. */
function asHotelType(membership: { role: string } & Omit<HotelType, 'role'>): HotelType {
  return { ...membership, role: membership.role as Role };
}

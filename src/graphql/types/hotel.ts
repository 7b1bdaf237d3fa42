import { Extensions, Field, ID, ObjectType } from 'type-graphql';
import { LIST_SIZE_EXTENSION } from '../operation-limits';
import type { HotelView } from '../../domain/views';
import { Role } from './enums';

@ObjectType('Hotel', { description: 'A hotel the caller belongs to.' })
export class HotelType implements HotelView {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Slug such as hotel-killarney; `hotel` arguments and channel names use it.' })
  identifier!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA time zone whose calendar days bound stocktake periods.' })
  timeZone!: string;

  @Field(() => Role, { description: "The caller's role in this hotel." })
  role!: Role;
}

@ObjectType({ description: 'The caller, as their token names them.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [HotelType])
  @Extensions({ [LIST_SIZE_EXTENSION]: 10 })
  hotels!: HotelType[];
}

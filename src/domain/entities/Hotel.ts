import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

@Entity({ tableName: 'hotel' })
export class Hotel {
  [OptionalProps]?: 'timeZone' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** URL-safe slug such as `hotel-killarney`; channel names and `hotel` arguments use it. */
  @Property({ type: 'string', length: 100, unique: true })
  identifier!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** IANA zone whose calendar days define stocktake periods. */
  @Property({ type: 'string', length: 64, default: 'UTC' })
  timeZone: string = 'UTC';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

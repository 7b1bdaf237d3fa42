import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

export const CATEGORY_CODES = ['D', 'B', 'S', 'W', 'M'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** D Draught, B Bottled beer, S Spirits, W Wine, M Minerals & syrups: shared by every hotel. */
@Entity({ tableName: 'stock_category' })
export class StockCategory {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 1 })
  code!: CategoryCode;

  @Property({ type: 'string', length: 50 })
  name!: string;
}

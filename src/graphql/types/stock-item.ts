import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { CategoryCode } from '../../domain/entities';
import type { StockItemInput } from '../../domain/services/stock-item-service';
import type { StockItemView } from '../../domain/views';
import { DecimalScalar } from '../scalars';

@ObjectType('StockItem', { simpleResolvers: true })
export class StockItemType implements StockItemView {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'D, B, S, W or M.' })
  categoryCode!: CategoryCode;

  @Field(() => String)
  categoryName!: string;

  @Field(() => String, { description: 'Display size such as 50Lt, Doz, 70cl; it also selects the counting rule.' })
  size!: string;

  @Field(() => DecimalScalar, { nullable: true })
  sizeValue!: string | null;

  @Field(() => String)
  sizeUnit!: string;

  @Field(() => DecimalScalar, {
    description: 'Servings per full unit (pints per keg, bottles per case, shots per bottle).',
  })
  uom!: string;

  @Field(() => DecimalScalar, { description: 'Cost of one full unit.' })
  unitCost!: string;

  @Field(() => DecimalScalar)
  costPerServing!: string;

  @Field(() => DecimalScalar, { nullable: true })
  menuPrice!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

@InputType()
export class CreateStockItemInput implements StockItemInput {
  @Field(() => String, { description: 'Starts with the category letter, e.g. D0030.' })
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  size!: string;

  @Field(() => DecimalScalar, { nullable: true })
  sizeValue?: string | null;

  @Field(() => String, { nullable: true })
  sizeUnit?: string | null;

  @Field(() => DecimalScalar)
  uom!: string;

  @Field(() => DecimalScalar)
  unitCost!: string;

  @Field(() => DecimalScalar, { nullable: true })
  menuPrice?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are. `active: false` deactivates the item.' })
export class UpdateStockItemInput implements StockItemInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  size?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  sizeValue?: string | null;

  @Field(() => String, { nullable: true })
  sizeUnit?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  uom?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  unitCost?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  menuPrice?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

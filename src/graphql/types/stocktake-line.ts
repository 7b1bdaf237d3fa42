/** The full line object of the original API in camelCase, plus `version`; it implements LineView field for field. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CategoryCode } from '../../domain/entities';
import type { LineView } from '../../domain/views';
import { DecimalScalar } from '../scalars';

@ObjectType('StocktakeLine', { simpleResolvers: true })
export class StocktakeLineType implements LineView {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => ID)
  itemId!: number;

  @Field(() => String)
  itemSku!: string;

  @Field(() => String)
  itemName!: string;

  @Field(() => String)
  categoryCode!: CategoryCode;

  @Field(() => String)
  categoryName!: string;

  @Field(() => String)
  itemSize!: string;

  @Field(() => DecimalScalar, { description: 'Servings per full unit.' })
  itemUom!: string;

  @Field(() => DecimalScalar, { description: 'Servings on hand at the start of the period.' })
  openingQty!: string;

  @Field(() => DecimalScalar)
  purchases!: string;

  @Field(() => DecimalScalar, { description: 'SALE movements in the period (display only).' })
  salesQty!: string;

  @Field(() => DecimalScalar)
  waste!: string;

  @Field(() => DecimalScalar)
  transfersIn!: string;

  @Field(() => DecimalScalar)
  transfersOut!: string;

  @Field(() => DecimalScalar)
  adjustments!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Optional EUR override entered by hand.' })
  manualPurchasesValue!: string | null;

  @Field(() => DecimalScalar, { description: 'Kegs, cases or bottles counted.' })
  countedFullUnits!: string;

  @Field(() => DecimalScalar, {
    description: 'Pints or loose bottles (draught, Doz, LT sizes) or a fraction of a bottle (others).',
  })
  countedPartialUnits!: string;

  @Field(() => DecimalScalar)
  countedQty!: string;

  @Field(() => DecimalScalar, { description: 'opening + purchases − waste.' })
  expectedQty!: string;

  @Field(() => DecimalScalar, { description: 'counted − expected; negative is a shortage.' })
  varianceQty!: string;

  @Field(() => String)
  openingDisplayFullUnits!: string;

  @Field(() => String)
  openingDisplayPartialUnits!: string;

  @Field(() => String)
  expectedDisplayFullUnits!: string;

  @Field(() => String)
  expectedDisplayPartialUnits!: string;

  @Field(() => String)
  countedDisplayFullUnits!: string;

  @Field(() => String)
  countedDisplayPartialUnits!: string;

  @Field(() => String)
  varianceDisplayFullUnits!: string;

  @Field(() => String)
  varianceDisplayPartialUnits!: string;

  @Field(() => DecimalScalar, { description: 'Cost per serving, fixed when the line was created.' })
  valuationCost!: string;

  @Field(() => DecimalScalar)
  expectedValue!: string;

  @Field(() => DecimalScalar)
  countedValue!: string;

  @Field(() => DecimalScalar)
  varianceValue!: string;

  @Field(() => Int, { description: 'Changes with every update; send it back as expectedVersion.' })
  version!: number;
}

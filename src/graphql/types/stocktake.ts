import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { StocktakeView, CategoryTotalsView, ProgressView } from '../../domain/views';
import type { CategoryCode } from '../../domain/entities';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../scalars';
import { connectionOf } from './connection';
import { StocktakeStatus } from './enums';

@ObjectType('StocktakeProgress', {
  description:
    'How far the count has got. Value and variance are over counted lines only: an uncounted line is not a zero count.',
  simpleResolvers: true,
})
export class StocktakeProgressType implements ProgressView {
  @Field(() => Int, { description: 'Lines with a count (countedAt set).' })
  countedLines!: number;

  @Field(() => Int)
  totalLines!: number;

  @Field(() => DecimalScalar, { description: 'Σ counted value of the counted lines.' })
  countedValue!: string;

  @Field(() => DecimalScalar, { description: 'Σ variance value of the counted lines only.' })
  varianceValueCounted!: string;
}

@ObjectType('Stocktake')
export class StocktakeType implements StocktakeView {
  @Field(() => ID)
  id!: number;

  hotelId!: number;

  @Field(() => String, { name: 'hotel', description: 'The hotel identifier (slug).' })
  hotelIdentifier!: string;

  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => LocalDateScalar)
  periodEnd!: string;

  @Field(() => StocktakeStatus)
  status!: StocktakeStatus;

  @Field(() => Boolean, { description: 'True once approved: counts and movements can no longer change.' })
  isLocked!: boolean;

  @Field(() => String)
  notes!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  approvedAt!: string | null;

  @Field(() => ID, { nullable: true })
  approvedById!: string | null;

  @Field(() => String, { nullable: true })
  approvedByName!: string | null;

  @Field(() => Int)
  lineCount!: number;

  @Field(() => DecimalScalar, { description: 'Σ expected value of the lines.' })
  totalValue!: string;

  @Field(() => DecimalScalar, { description: 'Σ variance value of every line, counted or not (see progress).' })
  totalVarianceValue!: string;

  @Field(() => StocktakeProgressType, { description: 'How far the count has got; kept current with every count.' })
  progress!: StocktakeProgressType;
}

/** `stocktakes`: a hotel's stocktakes a page at a time. */
export const StocktakeConnection = connectionOf(StocktakeType, 'Stocktake');

@ObjectType('CategoryTotals', { simpleResolvers: true })
export class CategoryTotalsType implements CategoryTotalsView {
  @Field(() => String)
  categoryCode!: CategoryCode;

  @Field(() => String)
  categoryName!: string;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => DecimalScalar)
  openingQty!: string;

  @Field(() => DecimalScalar)
  purchases!: string;

  @Field(() => DecimalScalar)
  waste!: string;

  @Field(() => DecimalScalar)
  transfersIn!: string;

  @Field(() => DecimalScalar)
  transfersOut!: string;

  @Field(() => DecimalScalar)
  adjustments!: string;

  @Field(() => DecimalScalar)
  expectedQty!: string;

  @Field(() => DecimalScalar)
  countedQty!: string;

  @Field(() => DecimalScalar)
  varianceQty!: string;

  @Field(() => DecimalScalar)
  expectedValue!: string;

  @Field(() => DecimalScalar)
  countedValue!: string;

  @Field(() => DecimalScalar)
  varianceValue!: string;

  @Field(() => DecimalScalar)
  manualPurchasesValue!: string;
}

@InputType()
export class CreateStocktakeInput {
  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'Inclusive; not before periodStart.' })
  periodEnd!: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class UpdateStocktakeInput {
  @Field(() => String)
  notes!: string;
}

@ObjectType()
export class PopulateStocktakePayload {
  @Field(() => StocktakeType)
  stocktake!: StocktakeType;

  @Field(() => Int, { description: 'Lines added by this run; existing lines were refreshed, their counts kept.' })
  linesCreated!: number;
}

@ObjectType()
export class ApproveStocktakePayload {
  @Field(() => StocktakeType)
  stocktake!: StocktakeType;

  @Field(() => Int, { description: 'ADJUSTMENT movements written: one per line whose variance is not zero.' })
  adjustmentsCreated!: number;

  @Field(() => Int, {
    description:
      'Lines approved without a count. Allowed: such a line is approved as its counts stand (zero when never counted).',
  })
  uncountedLines!: number;
}

@ObjectType()
export class ReopenStocktakePayload {
  @Field(() => StocktakeType)
  stocktake!: StocktakeType;

  @Field(() => Int, { description: 'ADJUSTMENT movements of the approval that were removed.' })
  adjustmentsRemoved!: number;
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { MovementValues } from '../../domain/events';
import type { BulkLineCount as DomainBulkLineCount, MovementInput } from '../../domain/services/line-service';
import type { MovementView } from '../../domain/views';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { MovementType } from './enums';
import { StocktakeLineType } from './stocktake-line';

/** As the domain takes it, with the id still as the client wrote it. */
type BulkLineCount = Omit<DomainBulkLineCount, 'lineId'> & { lineId: string };

@ObjectType('StockMovement', { simpleResolvers: true })
export class StockMovementType implements MovementView {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  itemId!: number;

  @Field(() => String)
  itemSku!: string;

  @Field(() => MovementType)
  movementType!: MovementType;

  @Field(() => DecimalScalar, { description: 'In servings, 4 places.' })
  quantity!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cost per serving.' })
  unitCost!: string | null;

  @Field(() => String)
  reference!: string;

  @Field(() => String)
  notes!: string;

  @Field(() => ID, { nullable: true })
  staffId!: string | null;

  @Field(() => String, { nullable: true })
  staffName!: string | null;

  @Field(() => DateTimeScalar)
  timestamp!: string;
}

@ObjectType('MovementValues', { simpleResolvers: true, description: "A movement's editable fields before an update." })
export class MovementValuesType implements MovementValues {
  @Field(() => MovementType)
  movementType!: MovementType;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { nullable: true })
  unitCost!: string | null;

  @Field(() => String)
  reference!: string;

  @Field(() => String)
  notes!: string;
}

@InputType()
export class LineMovementInput implements MovementInput {
  @Field(() => MovementType, { description: 'PURCHASE or WASTE.' })
  movementType!: MovementType;

  @Field(() => DecimalScalar, { description: 'Servings; positive, at most 4 places (88 = one 50L keg of pints).' })
  quantity!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cost per serving.' })
  unitCost?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to Stocktake-{id}.' })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Defaults to now; always clamped into the stocktake period.',
  })
  timestamp?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The line version you last saw; a newer one on the server is a CONFLICT carrying the current line.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateLineMovementInput implements MovementInput {
  @Field(() => MovementType, { nullable: true })
  movementType?: MovementType | null;

  @Field(() => DecimalScalar, { nullable: true })
  quantity?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  unitCost?: string | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  timestamp?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The line version you last saw; a newer one on the server is a CONFLICT carrying the current line.',
  })
  expectedVersion?: number | null;
}

@ObjectType()
export class LineMovementPayload {
  @Field(() => StockMovementType)
  movement!: StockMovementType;

  @Field(() => StocktakeLineType)
  line!: StocktakeLineType;
}

@ObjectType()
export class UpdateLineMovementPayload {
  @Field(() => StockMovementType)
  movement!: StockMovementType;

  @Field(() => MovementValuesType)
  oldValues!: MovementValuesType;

  @Field(() => StocktakeLineType)
  line!: StocktakeLineType;
}

@ObjectType()
export class DeleteLineMovementPayload {
  @Field(() => ID)
  deletedMovementId!: number;

  @Field(() => StocktakeLineType)
  line!: StocktakeLineType;
}

@InputType()
export class UpdateStocktakeLineInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'At most 2 places, not negative.' })
  countedFullUnits?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'At most 2 places, not negative.' })
  countedPartialUnits?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Pass null to clear.' })
  manualPurchasesValue?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you last saw; a newer one on the server is a CONFLICT.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'One line of a bulk count (updateStocktakeLines).' })
export class BulkLineCountInput implements BulkLineCount {
  @Field(() => ID)
  lineId!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'At most 2 places, not negative.' })
  countedFullUnits?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'At most 2 places, not negative.' })
  countedPartialUnits?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you last saw; a newer one on the server refuses the whole update (CONFLICT).',
  })
  expectedVersion?: number | null;
}

/**
 * A line's history (docs/domain.md, "A line's history"): each count and
 * movement change with who, when, what kind, and the line's figures before
 * and after; read as a Relay-style connection (`lineHistory`).
 */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LINE_FIGURES, type LineFigures, type LineHistoryView } from '../../domain/line-history';
import { LINE_VIEW } from '../../domain/line-view';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { connectionOf } from './connection';
import { LineChangeKind } from './enums';
import { UserType } from './stocktake-line';

@ObjectType('LineFigures', {
  description: "A line's counted figures and movement totals at one moment, as on StocktakeLine.",
  simpleResolvers: true,
})
class LineFiguresObject {}

// Each figure as the line shows it: its description and nullability from LINE_VIEW (decimal strings).
for (const name of LINE_FIGURES) {
  const { nullable, description } = LINE_VIEW[name];
  Field(() => DecimalScalar, { nullable, description })(LineFiguresObject.prototype, name);
}

const LineFiguresType = LineFiguresObject as new () => LineFigures;

@ObjectType('LineHistoryEntry', { description: 'One change to a line: a count, or a movement of it.' })
export class LineHistoryEntryType implements LineHistoryView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  lineId!: number;

  @Field(() => LineChangeKind)
  kind!: LineChangeKind;

  @Field(() => ID, { nullable: true, description: 'The movement added, corrected or deleted; null for a count.' })
  movementId!: number | null;

  @Field(() => UserType, { description: 'Who made the change.' })
  by!: UserType;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  at!: string;

  @Field(() => Int, { description: "The line's version after the change." })
  lineVersion!: number;

  @Field(() => LineFiguresType, { description: "The line's figures before the change." })
  before!: LineFigures;

  @Field(() => LineFiguresType, { description: "The line's figures after the change." })
  after!: LineFigures;
}

/** `lineHistory`: a line's history a page at a time, newest first. */
export const LineHistoryConnection = connectionOf(LineHistoryEntryType, 'LineHistoryEntry');

/**
 * The full line object of the original API in camelCase, plus `version`:
 * every field of LINE_VIEW (src/domain/line-view.ts), each with the GraphQL
 * type of its format. Declared by applying type-graphql's decorators to the
 * declaration's entries, so the type cannot miss or mistype a shown field.
 */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LINE_VIEW, type LineView, type LineViewFormat } from '../../domain/line-view';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { connectionOf } from './connection';

@ObjectType('User', { description: 'A user as their token names them.', simpleResolvers: true })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

/** The GraphQL type of each format of a shown field. */
const GRAPHQL_TYPE_OF = {
  id: ID,
  version: Int,
  text: String,
  categoryCode: String,
  quantity: DecimalScalar,
  twoPlaces: DecimalScalar,
  fourPlaces: DecimalScalar,
  display: String,
  instant: DateTimeScalar,
  user: UserType,
} as const satisfies Record<LineViewFormat, unknown>;

@ObjectType('StocktakeLine', { simpleResolvers: true })
class StocktakeLineObject {}

for (const [name, { format, nullable, description }] of Object.entries(LINE_VIEW)) {
  Field(() => GRAPHQL_TYPE_OF[format], { nullable, description })(StocktakeLineObject.prototype, name);
}

/** The GraphQL type (for `@Field(() => StocktakeLineType)`), whose values are LineViews. */
export const StocktakeLineType = StocktakeLineObject as new () => LineView;
export type StocktakeLineType = LineView;

/** `Stocktake.linesConnection`: a stocktake's lines a page at a time. */
export const StocktakeLineConnection = connectionOf(StocktakeLineType, 'StocktakeLine');

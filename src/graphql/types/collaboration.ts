/** Presence and editing locks as GraphQL clients see them (docs/collaboration.md). */
import { Extensions, Field, ID, ObjectType } from 'type-graphql';
import type { LineLockView } from '../../domain/services/line-locks';
import type { PresentUser } from '../../domain/services/presence-service';
import { LIST_SIZE_EXTENSION } from '../operation-limits';
import { DateTimeScalar } from '../scalars';
import { EventActorType } from './events';

@ObjectType('PresentUser', { simpleResolvers: true, description: 'A user on the stocktake now (any tab or device).' })
export class PresentUserType implements PresentUser {
  @Field(() => EventActorType)
  user!: EventActorType;

  @Field(() => DateTimeScalar, { description: 'When their presence began (their first session).' })
  since!: string;

  @Field(() => [ID], { description: 'Lines they hold the editing lock of.' })
  // LINE_LOCKS_PER_USER is at most 10.
  @Extensions({ [LIST_SIZE_EXTENSION]: 10 })
  editingLineIds!: number[];
}

@ObjectType('LineLock', { simpleResolvers: true, description: "A line's editing lock." })
export class LineLockType implements LineLockView {
  @Field(() => ID)
  lineId!: number;

  @Field(() => ID)
  stocktakeId!: number;

  @Field(() => EventActorType, { description: 'The holder.' })
  user!: EventActorType;

  @Field(() => DateTimeScalar, { description: 'When it expires unless renewed (startEditingLine again).' })
  expiresAt!: string;
}

import { registerEnumType } from 'type-graphql';
import { LineChangeKind, MovementType, StocktakeStatus } from '../../domain/entities';

export enum Role {
  staff = 'staff',
  manager = 'manager',
}

registerEnumType(StocktakeStatus, {
  name: 'StocktakeStatus',
  description: 'DRAFT stocktakes can be edited; APPROVED ones are locked.',
});
registerEnumType(MovementType, { name: 'MovementType' });
registerEnumType(Role, {
  name: 'Role',
  description: 'staff count and record movements; managers also run the stocktake.',
});

registerEnumType(LineChangeKind, {
  name: 'LineChangeKind',
  description:
    "What a line history entry records: a count, a change of the manual purchases value alone, or a movement of the line's item added, corrected or deleted.",
});

export { LineChangeKind, MovementType, StocktakeStatus };

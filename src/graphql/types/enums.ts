import { registerEnumType } from 'type-graphql';
import { MovementType, StocktakeStatus } from '../../domain/entities';

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

export { MovementType, StocktakeStatus };

import { BadInputError } from '../domain/errors';

/** GraphQL IDs are strings; ours are positive integers underneath. */
export function parseId(field: string, id: string): number {
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647)
    throw new BadInputError(field, `${field} "${id}" is not a valid id`);
  return Number(id);
}

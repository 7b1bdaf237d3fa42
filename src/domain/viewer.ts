/**
 * Who is asking, as their token says (docs/domain.md, "Who may do what"): a
 * user and the hotels they belong to, each with a role. Staff count and
 * record movements; managers also create, populate, approve, reopen, delete
 * and maintain the catalogue.
 */
import { DomainError, ForbiddenError, NotFoundError } from './errors';
import { noteAccessNeeded } from './idempotency';

export const ROLES = ['staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  id: string;
  name: string;
  /** Hotel identifier → role. */
  hotels: ReadonlyMap<string, Role>;
  /** When the token stops being valid; long-lived connections close then. */
  expiresAt?: Date;
}

export interface Actor {
  id: string;
  name: string;
}

export function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, name: viewer.name };
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'A valid bearer token is required');
  return viewer;
}

/**
 * What an action needs: `role` (or above) in `hotel`. With `record`, the
 * action is on that record of the hotel, and a caller who is not a member is
 * told it was not found, so ids of other hotels leak nothing; a hotel named
 * outright is FORBIDDEN.
 */
export interface AccessNeeded {
  hotel: string;
  role: Role;
  record?: { entity: string; id: string };
}

/** Membership of the hotel with at least `role`; a manager can do everything staff can. */
export function requireRole(viewer: Viewer, hotelIdentifier: string, role: Role): void {
  authorize(viewer, { hotel: hotelIdentifier, role });
}

/**
 * Every role check goes through here, so a mutation sent with an
 * idempotency key records what it needed, and a replay of it is checked
 * against the caller's token of now by `checkAccess` alone, refused exactly
 * as the request itself would be (docs/collaboration.md, "Idempotency keys").
 */
export function authorize(viewer: Viewer, needed: AccessNeeded): void {
  checkAccess(viewer, needed);
  noteAccessNeeded(needed);
}

export function checkAccess(viewer: Viewer, needed: AccessNeeded): void {
  const held = viewer.hotels.get(needed.hotel);
  if (held === undefined) {
    if (needed.record) throw new NotFoundError(needed.record.entity, needed.record.id);
    throw new ForbiddenError(`You are not a member of hotel ${needed.hotel}`);
  }
  if (needed.role === 'manager' && held !== 'manager') {
    throw new ForbiddenError(`Only a manager of ${needed.hotel} can do this`);
  }
}

export function isMember(viewer: Viewer, hotelIdentifier: string): boolean {
  return viewer.hotels.has(hotelIdentifier);
}

/**
 * Who is asking, as their token says (docs/domain.md, "Who may do what"): a
 * user and the hotels they belong to, each with a role. Staff count and
 * record movements; managers also create, populate, approve, reopen, delete
 * and maintain the catalogue.
 */
import { DomainError, ForbiddenError } from './errors';

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

/** Membership of the hotel with at least `role`; a manager can do everything staff can. */
export function requireRole(viewer: Viewer, hotelIdentifier: string, role: Role): void {
  const held = viewer.hotels.get(hotelIdentifier);
  if (held === undefined) throw new ForbiddenError(`You are not a member of hotel ${hotelIdentifier}`);
  if (role === 'manager' && held !== 'manager') {
    throw new ForbiddenError(`Only a manager of ${hotelIdentifier} can do this`);
  }
}

export function isMember(viewer: Viewer, hotelIdentifier: string): boolean {
  return viewer.hotels.has(hotelIdentifier);
}

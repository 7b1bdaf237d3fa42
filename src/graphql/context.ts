/**
 * What every resolver receives: who is asking (or why we could not tell),
 * an EntityManager fork of its own, and the domain services.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../domain/errors';
import { requireViewer as required, type Viewer } from '../domain/viewer';
import type { Services } from '../domain/services';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../realtime/event-bus';
import type { RelayStatus } from '../realtime/pusher-relay/pusher-relay';

/** What the realtime resolvers need: the outbox (through the ORM), the live bus and the relay's health. */
export interface RealtimeAccess {
  orm: MikroORM;
  bus: EventBus;
  relayStatus(hotels: readonly string[]): Promise<RelayStatus>;
}

export interface GraphQLContext {
  viewer: Viewer | null;
  /** Set when a token was sent but could not be verified; reported on first use. */
  authError: DomainError | null;
  em: EntityManager;
  services: Services;
  realtime: RealtimeAccess;
}

export function viewerOf(context: GraphQLContext): Viewer {
  if (context.authError) throw context.authError;
  return required(context.viewer);
}

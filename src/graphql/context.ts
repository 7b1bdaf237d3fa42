/**
 * What every resolver receives: who is asking (or why we could not tell),
 * an EntityManager fork of its own, and the domain services.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../domain/errors';
import { requireViewer as required, type Viewer } from '../domain/viewer';
import type { Services } from '../domain/services';
import type { RealtimeService } from '../realtime/realtime-service';

export interface GraphQLContext {
  viewer: Viewer | null;
  /** Set when a token was sent but could not be verified; reported on first use. */
  authError: DomainError | null;
  em: EntityManager;
  services: Services;
  realtime: RealtimeService;
}

export function viewerOf(context: GraphQLContext): Viewer {
  if (context.authError) throw context.authError;
  return required(context.viewer);
}

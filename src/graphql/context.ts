/**
 * What every resolver receives: who is asking (or why we could not tell),
 * an EntityManager fork of its own, and the domain services.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DomainError } from '../domain/errors';
import { requireViewer as required, type Viewer } from '../domain/viewer';
import type { Services } from '../domain/services';
import type { PresenceSessionKey } from '../domain/services/presence-service';
import type { RealtimeService } from '../realtime/realtime-service';

export interface GraphQLContext {
  viewer: Viewer | null;
  /** Set when a token was sent but could not be verified; reported on first use. */
  authError: DomainError | null;
  em: EntityManager;
  services: Services;
  realtime: RealtimeService;
  /** The operation's idempotency key (HTTP `Idempotency-Key`, graphql-ws `extensions.idempotencyKey`), if any. */
  idempotency: OperationIdempotency | null;
  /** Whose presence a join over this transport is: the graphql-ws connection, or HTTP. */
  session: PresenceSessionKey;
  /**
   * Charges the caller's budget for work the operation's price did not foresee (unforeseen-cost.ts);
   * never refuses the operation running.
   */
  payFor(units: number): void;
}

/** An idempotency key and the hash of the request it came with. */
export interface OperationIdempotency {
  key: string;
  requestHash: string;
}

/** The presence session of operations over HTTP: renewed by joining again within the heartbeat. */
const HTTP_SESSION: PresenceSessionKey = { key: 'http', instanceId: null };

export function viewerOf(context: GraphQLContext): Viewer {
  if (context.authError) throw context.authError;
  return required(context.viewer);
}

/** What is the same for every operation: the database and the services. */
interface ContextDependencies {
  orm: MikroORM;
  services: Services;
  realtime: RealtimeService;
}

/**
 * A context whose EntityManager fork is made on first use: most operations
 * (counting a line, a subscription waiting for events) never need one, and a
 * fork is not free, in time or in memory per open subscription.
 */
class OperationContext implements GraphQLContext {
  private fork: EntityManager | undefined;

  constructor(
    private readonly dependencies: ContextDependencies,
    readonly viewer: Viewer | null,
    readonly authError: DomainError | null,
    readonly idempotency: OperationIdempotency | null,
    readonly session: PresenceSessionKey,
    readonly payFor: (units: number) => void,
  ) {}

  get em(): EntityManager {
    return (this.fork ??= this.dependencies.orm.em.fork());
  }

  get services(): Services {
    return this.dependencies.services;
  }

  get realtime(): RealtimeService {
    return this.dependencies.realtime;
  }
}

export function createContext(
  dependencies: ContextDependencies,
  auth: Pick<GraphQLContext, 'viewer' | 'authError'>,
  operation: Partial<Pick<GraphQLContext, 'idempotency' | 'session' | 'payFor'>> = {},
): GraphQLContext {
  return new OperationContext(
    dependencies,
    auth.viewer,
    auth.authError,
    operation.idempotency ?? null,
    operation.session ?? HTTP_SESSION,
    operation.payFor ?? (() => undefined),
  );
}

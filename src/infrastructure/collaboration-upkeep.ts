/**
 * The background side of collaboration (docs/collaboration.md), on every
 * instance:
 * - renews the presence sessions of this instance's graphql-ws connections,
 *   well within the heartbeat, so only a dead instance's sessions lapse;
 * - sweeps what lapsed, on any instance (deletes are atomic, so two
 *   instances never end the same lock or session twice): editing locks past
 *   their TTL (`user-stopped-editing-line`, expired) and presence sessions
 *   not renewed or held by an instance that stopped beating (`user-left`,
 *   timeout or instance-lost);
 * - ends the presence of connections that closed;
 * - prunes idempotency keys older than their retention.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Services } from '../domain/services';
import { LIVENESS_BEAT_MS } from '../domain/services/instance-liveness';
import type { PresenceSessionKey } from '../domain/services/presence-service';
import type { CollaborationTiming } from './config';
import type { Logger } from './logger';
import { pooledSql } from '../persistence/sql';

export class CollaborationUpkeep {
  private timers: NodeJS.Timeout[] = [];
  private readonly pending = new Set<Promise<void>>();
  private detached = false;

  constructor(
    private readonly options: {
      orm: MikroORM;
      services: Services;
      instanceId: string;
      timing: CollaborationTiming;
      log: Logger;
    },
  ) {}

  start(): void {
    const { presenceHeartbeatMs, lineLockTtlMs, idempotencyRetentionMs } = this.options.timing;
    // A lapse is seen within a fraction of the shortest timeout, never more often than every 50 ms, and a dead
    // instance's sessions within a beat of its liveness deadline (instance-liveness.ts).
    const sweepEvery = clamp(Math.min(presenceHeartbeatMs, lineLockTtlMs) / 4, 50, LIVENESS_BEAT_MS);
    this.every(sweepEvery, 'sweeping lapsed locks and presences', async () => {
      await this.options.services.locks.sweep();
      await this.options.services.presence.sweep();
    });
    this.every(clamp(presenceHeartbeatMs / 3, 20, 20_000), 'renewing presence', () =>
      this.options.services.presence.renewInstance(this.options.instanceId),
    );
    this.every(clamp(idempotencyRetentionMs / 10, 1_000, 10 * 60_000), 'pruning idempotency keys', async () => {
      await pooledSql(this.options.orm).rows(
        `delete from idempotency_key where created_at < now() - ? * interval '1 millisecond'`,
        [idempotencyRetentionMs],
      );
    });
  }

  /** A graphql-ws connection closed: its presence sessions end. */
  connectionClosed(session: PresenceSessionKey): void {
    if (this.detached || !session.joined) return;
    const done = this.options.services.presence
      .disconnected(session)
      .catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'ending a closed connection’s presence failed; the sweep will'),
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Resolves once the presences of connections closed so far have been ended. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Stops the timers and waits for presences being ended. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await Promise.all([...this.pending]);
  }

  /**
   * Stops without a word to the database, as an instance that died: its
   * sessions are left to lapse and be swept by the others (tests use it to
   * play a crash).
   */
  detach(): void {
    this.detached = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  private every(ms: number, what: string, work: () => Promise<unknown>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      work()
        .catch((error: unknown) => this.options.log.warn({ err: error }, `${what} failed; will try again`))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.round(value), min), max);
}

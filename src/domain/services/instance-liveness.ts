/**
 * Which API instances are alive (docs/realtime.md, "Claims that die with
 * their holder"). Each instance beats every LIVENESS_BEAT_MS by writing its
 * row of `instance_liveness`; one silent for LIVENESS_DEADLINE_MS is dead.
 * What an instance holds for others to wait on (the relay's outbox claims,
 * its connections' presence sessions) names the instance, and the SQL that
 * decides whether such a hold still counts asks `liveInstance` below, so a
 * killed instance's holds end within seconds instead of after a lease or a
 * heartbeat sized for clients.
 *
 * The deadline is three beats: one late beat (a busy event loop, a slow
 * statement) does not kill a live instance. An instance that cannot beat for
 * that long (its database unreachable) loses its holds; its relay stops
 * sending until it beats again (`isFresh`), so the worst case is an event
 * sent twice, which clients drop by its sequence.
 */
import type { Sql } from '../sql';

/** How often an instance writes its row. */
export const LIVENESS_BEAT_MS = 1_000;
/** An instance silent this long is dead. */
const LIVENESS_DEADLINE_MS = 3 * LIVENESS_BEAT_MS;
/** Rows of instances dead this long are deleted (a missing row means dead as well). */
const FORGET_AFTER = '1 hour';

/**
 * A SQL condition, true while the instance named by `column` beats. A null
 * `column` (nothing names a holder) is not alive.
 */
export function liveInstance(column: string): string {
  return `exists (select 1 from instance_liveness l where l.instance_id = ${column} and l.seen_at > now() - interval '${LIVENESS_DEADLINE_MS} milliseconds')`;
}

/** One instance's heartbeat in the database. */
export class InstanceLivenessService {
  private lastBeatAt = 0;

  constructor(
    private readonly sql: Sql,
    readonly instanceId: string,
  ) {}

  /** Writes this instance's row (and forgets long-dead ones). */
  async beat(): Promise<void> {
    const started = Date.now();
    await this.sql.rows(
      `with beat as (
         insert into instance_liveness (instance_id, started_at, seen_at) values (?, now(), now())
         on conflict (instance_id) do update set seen_at = now()
       )
       delete from instance_liveness where seen_at < now() - interval '${FORGET_AFTER}'`,
      [this.instanceId],
    );
    // Measured from before the statement: the row may have been written any time after `started`.
    this.lastBeatAt = started;
  }

  /**
   * True while the others still count this instance alive, by its own clock:
   * its last beat, counted from before it was sent, is younger than the
   * deadline less a beat (a margin for clocks and the statement's latency).
   */
  isFresh(): boolean {
    return Date.now() - this.lastBeatAt < LIVENESS_DEADLINE_MS - LIVENESS_BEAT_MS;
  }

  /** A clean stop: what this instance still holds is free at once. */
  async retire(): Promise<void> {
    this.lastBeatAt = 0;
    await this.sql.rows('delete from instance_liveness where instance_id = ?', [this.instanceId]);
  }
}

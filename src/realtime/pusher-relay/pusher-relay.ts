/**
 * Drains the outbox to Pusher. Mutations never wait for it: a commit only
 * wakes it. Guarantees (SPEC §6):
 * - order per channel: a channel's events go out in sequence order, one
 *   request at a time and never two of a channel in one request, and a
 *   failing event holds back only its own channel;
 * - at most 10 events (of 10 channels) per `triggerBatch`;
 * - retries with exponential backoff and jitter for what may succeed later,
 *   a pause for the whole relay on 403 (quota) or 404 (wrong app), the slim
 *   form after a 413, a dead letter with the reason for what never can;
 * - no event over Pusher's 10,240-byte limit: the slim form goes instead;
 * - rows are only marked published after Pusher accepted them, so a crash
 *   at any point resends rather than loses (at-least-once; clients drop
 *   duplicates by `meta.sequence`).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type Pusher from 'pusher';
import type { Logger } from '../../infrastructure/logger';
import { pusherPayload, slimPusherPayload } from '../event-catalog';
import { EVENT_COLUMNS, toStoredEvent, type OutboxRow } from '../outbox/outbox-reader';
import type { StoredEvent } from '../outbox/stored-event';
import { backoffDelay, classifyFailure, type PublishFailure } from './failures';
import type { LeaderLock } from './leader-lock';

export const PUSHER_MAX_EVENT_BYTES = 10_240;
export const PUSHER_MAX_BATCH = 10;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

export interface RelayOptions {
  orm: MikroORM;
  pusher: Pusher;
  /** '' or 'private-', added to every channel name on the way out. */
  channelPrefix: string;
  leader: LeaderLock;
  log: Logger;
  pollIntervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long a 403 or 404 from Pusher pauses all publishing. */
  quotaPauseMs?: number;
  /** Events still failing after this long are dead-lettered. */
  maxEventAgeMs?: number;
}

export interface RelayStatus {
  leader: boolean;
  backlog: number;
  oldestPendingAgeSeconds: number | null;
  deadLettered: number;
  pausedUntil: string | null;
  lastError: string | null;
}

interface Prepared {
  event: StoredEvent;
  row: RelayRow;
  channel: string;
  data: string;
  slimmed: boolean;
}

interface RelayRow extends OutboxRow {
  attempts: number;
  next_attempt_at: Date | null;
}

export class PusherRelay {
  private readonly pollIntervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly quotaPauseMs: number;
  private readonly maxEventAgeMs: number;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  private pausedUntil = 0;
  private isLeader = false;

  constructor(private readonly options: RelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 60_000;
    this.quotaPauseMs = options.quotaPauseMs ?? 60_000;
    this.maxEventAgeMs = options.maxEventAgeMs ?? 24 * 60 * 60 * 1_000;
  }

  start(): void {
    this.stopped = false;
    this.running ??= this.loop();
  }

  /** Something was committed: drain now rather than at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
    this.running = null;
    await this.options.leader.release();
    this.isLeader = false;
  }

  /** Delivery state of the given hotels' events (callers see only their own hotels). */
  async status(hotels: readonly string[]): Promise<RelayStatus> {
    const pausedUntil = this.pausedUntil > Date.now() ? new Date(this.pausedUntil).toISOString() : null;
    if (hotels.length === 0) return { leader: this.isLeader, backlog: 0, oldestPendingAgeSeconds: null, deadLettered: 0, pausedUntil, lastError: null };
    const inHotels = `hotel in (${hotels.map(() => '?').join(', ')})`;
    const [row] = await this.options.orm.em.fork().execute<{ backlog: string; oldest: Date | null; dead: string; last_error: string | null }[]>(
      `select count(*) filter (where published_at is null and dead_lettered_at is null) as backlog,
              min(occurred_at) filter (where published_at is null and dead_lettered_at is null) as oldest,
              count(*) filter (where dead_lettered_at is not null) as dead,
              (select last_error from outbox_event where ${inHotels} and published_at is null and last_error is not null
               order by id desc limit 1) as last_error
       from outbox_event where ${inHotels}`,
      [...hotels, ...hotels],
    );
    return {
      leader: this.isLeader,
      backlog: Number(row?.backlog ?? 0),
      oldestPendingAgeSeconds: row?.oldest ? Math.max(0, Math.round((Date.now() - new Date(row.oldest).getTime()) / 1000)) : null,
      deadLettered: Number(row?.dead ?? 0),
      pausedUntil,
      lastError: row?.last_error ?? null,
    };
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.wakeRequested = false;
      try {
        this.isLeader = await this.options.leader.acquire();
        if (this.isLeader) await this.drainOnce();
      } catch (error) {
        this.options.log.error({ error: String(error) }, 'pusher relay cycle failed');
      }
      if (!this.wakeRequested && !this.stopped) await this.sleep(this.nextWait());
    }
  }

  private nextWait(): number {
    const pause = this.pausedUntil - Date.now();
    return pause > 0 ? Math.min(pause, this.pollIntervalMs) : this.pollIntervalMs;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  /**
   * Sends until nothing is due: each round takes the oldest pending event of
   * up to 10 channels whose retry time has come, so one request never holds
   * two events of a channel (Pusher does not promise order inside a batch)
   * and a channel waiting on a retry holds back no other channel.
   */
  async drainOnce(): Promise<void> {
    while (!this.stopped && Date.now() >= this.pausedUntil) {
      const heads = await this.dueChannelHeads();
      if (heads.length === 0) return;
      const batch: Prepared[] = [];
      for (const row of heads) {
        const prepared = this.prepare(row);
        if ('deadLetter' in prepared) await this.deadLetter([row], prepared.deadLetter);
        else batch.push(prepared);
      }
      if (batch.length > 0) await this.send(batch);
    }
  }

  private dueChannelHeads(): Promise<RelayRow[]> {
    return this.options.orm.em.fork().execute<RelayRow[]>(
      `select ${EVENT_COLUMNS}, attempts, next_attempt_at from (
         select distinct on (channel) * from outbox_event
         where published_at is null and dead_lettered_at is null
         order by channel, sequence
       ) as heads
       where next_attempt_at is null or next_attempt_at <= now()
       order by id limit ?`,
      [PUSHER_MAX_BATCH],
    );
  }

  /** The bytes Pusher will get, or why the event can never be sent. */
  private prepare(row: RelayRow, options: { slim?: boolean } = {}): Prepared | { deadLetter: string } {
    const event = toStoredEvent(row);
    const channel = `${this.options.channelPrefix}${event.channel}`;
    if (!CHANNEL_NAME.test(channel)) return { deadLetter: `invalid Pusher channel name "${channel}"` };
    const full = JSON.stringify(pusherPayload(event));
    if (!options.slim && Buffer.byteLength(full) <= PUSHER_MAX_EVENT_BYTES) return { event, row, channel, data: full, slimmed: false };
    const slim = JSON.stringify(slimPusherPayload(event));
    if (Buffer.byteLength(slim) <= PUSHER_MAX_EVENT_BYTES) return { event, row, channel, data: slim, slimmed: true };
    return { deadLetter: `payload is ${Buffer.byteLength(slim)} bytes even in slim form (limit ${PUSHER_MAX_EVENT_BYTES})` };
  }

  private async send(batch: Prepared[]): Promise<void> {
    try {
      // The SDK rewrites the items it is given, so every attempt gets fresh ones.
      await this.options.pusher.triggerBatch(batch.map((item) => ({ channel: item.channel, name: item.event.name, data: item.data })));
      await this.markPublished(batch);
    } catch (error) {
      await this.failed(batch, classifyFailure(error));
    }
  }

  private async failed(batch: Prepared[], failure: PublishFailure): Promise<void> {
    if (failure.kind === 'pause') {
      this.pausedUntil = Date.now() + this.quotaPauseMs;
      this.options.log.warn({
        reason: failure.reason,
        pausedUntil: new Date(this.pausedUntil).toISOString(),
      }, 'Pusher refuses publishing (quota, disabled app or wrong app id); pausing the relay');
      await this.note(batch, failure.reason);
      return;
    }
    if (failure.kind === 'reject') {
      // Pusher names no culprit in a batch: send the events one by one to find it.
      if (batch.length > 1) {
        for (const item of batch) {
          // One of them may have paused the relay (403): the rest wait for the next round.
          if (this.stopped || Date.now() < this.pausedUntil) return;
          await this.send([item]);
        }
        return;
      }
      const [item] = batch as [Prepared];
      // A server with a lower size limit than Pusher's (413) may still take the slim form.
      const slim = failure.tooLarge && !item.slimmed ? this.prepare(item.row, { slim: true }) : null;
      if (slim && !('deadLetter' in slim)) {
        await this.send([slim]);
        return;
      }
      await this.deadLetter([item.row], failure.reason);
      return;
    }
    const expired = batch.filter((item) => Date.now() - new Date(item.row.occurred_at).getTime() > this.maxEventAgeMs);
    if (expired.length > 0) await this.deadLetter(expired.map((item) => item.row), `gave up after ${this.maxEventAgeMs / 1000} s: ${failure.reason}`);
    const retrying = batch.filter((item) => !expired.includes(item));
    this.options.log.warn({ reason: failure.reason, events: retrying.length }, 'publishing to Pusher failed; will retry');
    const em = this.options.orm.em.fork();
    for (const item of retrying) {
      const attempts = item.row.attempts + 1;
      await em.execute('update outbox_event set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?', [
        attempts,
        new Date(Date.now() + backoffDelay(attempts, this.backoffBaseMs, this.backoffMaxMs)),
        failure.reason,
        item.row.id,
      ]);
    }
  }

  private async markPublished(batch: Prepared[]): Promise<void> {
    const em = this.options.orm.em.fork();
    for (const slimmed of [false, true]) {
      const ids = batch.filter((item) => item.slimmed === slimmed).map((item) => item.row.id);
      if (ids.length === 0) continue;
      await em.execute(
        `update outbox_event set published_at = now(), attempts = attempts + 1, next_attempt_at = null, last_error = null, slimmed = ?
         where id in (${ids.map(() => '?').join(', ')})`,
        [slimmed, ...ids],
      );
    }
  }

  private async note(batch: Prepared[], reason: string): Promise<void> {
    const ids = batch.map((item) => item.row.id);
    await this.options.orm.em.fork().execute(`update outbox_event set last_error = ? where id in (${ids.map(() => '?').join(', ')})`, [reason, ...ids]);
  }

  private async deadLetter(rows: RelayRow[], reason: string): Promise<void> {
    this.options.log.error({
      reason,
      events: rows.map((row) => ({ channel: row.channel, sequence: Number(row.sequence), name: row.name })),
    }, 'event dead-lettered: it will not be sent to Pusher');
    const ids = rows.map((row) => row.id);
    await this.options.orm.em.fork().execute(
      `update outbox_event set dead_lettered_at = now(), last_error = ?, attempts = attempts + 1 where id in (${ids.map(() => '?').join(', ')})`,
      [reason, ...ids],
    );
  }
}

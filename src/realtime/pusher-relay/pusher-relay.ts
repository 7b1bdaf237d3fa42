/**
 * Drains the outbox to Pusher. Mutations never wait for it: a commit only
 * wakes it. What it guarantees (docs/realtime.md, "Pusher relay"):
 *
 * - order per channel: a channel has at most one event in flight, and its
 *   next event is claimed only once the previous one is delivered or
 *   dead-lettered; a failing channel holds back only itself;
 * - concurrency: `lanes` requests in flight at once, each with at most 10
 *   events of 10 different channels (Pusher does not promise order inside
 *   a batch);
 * - no request outlives its deadline (publisher.ts), so nothing can wedge
 *   the relay, and shutdown is bounded;
 * - fencing: a row is sent only under a live claim and marked only with the
 *   claim's token (outbox-store.ts), so two instances never both send it,
 *   whatever each believes about leadership;
 * - claims die with their holder: a claim lasts one request's deadline (and
 *   is extended before each further request under it) or until this
 *   instance stops beating (instance-liveness.ts), so after a crash another
 *   instance resumes within seconds; an instance that cannot beat claims
 *   and sends nothing;
 * - retries with exponential backoff and jitter; 403/404 pause everything,
 *   starting at `pauseBaseMs` and doubling to `pauseMaxMs`, each pause
 *   ending with a single probe request; the slim form for payloads over the
 *   limit or after a 413; dead letters (re-queueable) for what never can be
 *   sent;
 * - at least once: a row is marked delivered only after Pusher accepted it,
 *   so a crash or an ambiguous timeout resends rather than loses (clients
 *   drop duplicates by `meta.sequence`).
 */
import type { Logger } from 'pino';
import type { ChannelPrefixes } from '../event-catalog';
import { LIMITS } from '../pusher-limits';
import { pusherPublication } from '../pusher-publication';
import { toStoredEvent, type OutboxStore, type RelayRow } from '../outbox/outbox-store';
import type { StoredEvent } from '../outbox/stored-event';
import { backoffDelay, classifyFailure, pauseDelay, type PublishFailure } from './failures';
import type { LeaderLock } from './leader-lock';
import type { DeadlinePublisher } from './publisher';

const PUSHER_MAX_BATCH = LIMITS.maxBatchEvents;

/** What the relay reports as it works (metrics). */
export interface RelayObserver {
  delivered(events: number): void;
  failed(kind: PublishFailure['kind'], events: number): void;
  deadLettered(events: number): void;
}

export interface RelayOptions {
  store: OutboxStore;
  publisher: DeadlinePublisher;
  /** The publisher's deadline for one request; claims outlast it. */
  requestTimeoutMs: number;
  /** This instance: claims name it, and it claims only while the others count it alive. */
  liveness: { instanceId: string; isFresh(): boolean };
  /** Added to every channel name on the way out: '' or 'private-' for lists, and also 'presence-' for details. */
  channelPrefixes: ChannelPrefixes;
  leader: LeaderLock;
  log: Logger;
  pollIntervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The first pause after a 403 or 404; each further one in a row doubles, up to pauseMaxMs. */
  pauseBaseMs?: number;
  pauseMaxMs?: number;
  /** Events still failing after this long are dead-lettered. */
  maxEventAgeMs?: number;
  /** How long stop() lets requests in flight finish before aborting them. */
  stopGraceMs?: number;
  observer?: RelayObserver;
}

export interface RelayStatus {
  leader: boolean;
  backlog: number;
  oldestPendingAgeSeconds: number | null;
  deadLettered: number;
  pausedUntil: string | null;
  lastError: string | null;
}

/** Delivery state of the given hotels' events as the outbox records it, with what this instance's relay knows. */
export async function deliveryStatus(
  store: OutboxStore,
  hotels: readonly string[],
  relay: { leader: boolean; pausedUntil: number },
): Promise<RelayStatus> {
  const status = await store.status(hotels);
  return {
    leader: relay.leader,
    backlog: status.backlog,
    oldestPendingAgeSeconds: status.oldestPendingAt
      ? Math.max(0, Math.round((Date.now() - status.oldestPendingAt.getTime()) / 1000))
      : null,
    deadLettered: status.deadLettered,
    pausedUntil: relay.pausedUntil > Date.now() ? new Date(relay.pausedUntil).toISOString() : null,
    lastError: status.lastError,
  };
}

interface Prepared {
  event: StoredEvent;
  row: RelayRow;
  channel: string;
  /** One payload, or the parts of an event that is split to fit (bulk-lines-updated). */
  data: string[];
  slimmed: boolean;
}

type Outcome = 'delivered' | 'settled' | 'paused';

/** A claim outlasts its request's deadline by this much: time to record the outcome. */
const LEASE_MARGIN_MS = 5_000;

/** An event is dead-lettered for its age only after this many failed attempts. */
const MIN_ATTEMPTS_BEFORE_GIVING_UP = 3;

export class PusherRelay {
  private readonly pollIntervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly pauseBaseMs: number;
  private readonly pauseMaxMs: number;
  private readonly maxEventAgeMs: number;
  private readonly stopGraceMs: number;
  private readonly leaseMs: number;
  private running: Promise<void>[] = [];
  private stopped = true;
  private readonly waiters = new Set<() => void>();
  /** Lanes claiming right now, and whether something was committed while they did. */
  private looking = 0;
  private lookAgain = false;
  /** Waits that only stop() cuts short. */
  private readonly stopWaiters = new Set<() => void>();
  private isLeader = false;
  private leaderCheckedAt = 0;
  private pausedUntil = 0;
  private pausesInARow = 0;
  /** The lane sending the probe after a pause; the others wait for its answer. */
  private prober: number | null = null;
  /** Per lane: when the operation it is in started (null while waiting). */
  private readonly busySince: (number | null)[];

  constructor(private readonly options: RelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 60_000;
    this.pauseBaseMs = options.pauseBaseMs ?? 5_000;
    this.pauseMaxMs = options.pauseMaxMs ?? 60_000;
    this.maxEventAgeMs = options.maxEventAgeMs ?? 24 * 60 * 60 * 1_000;
    this.stopGraceMs = options.stopGraceMs ?? 2_000;
    // One request and its outcome; every further request under the claim extends it (send()).
    this.leaseMs = options.requestTimeoutMs + LEASE_MARGIN_MS;
    this.busySince = Array.from({ length: options.publisher.laneCount }, () => null);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = [this.supervise(), ...this.busySince.map((_, lane) => this.lane(lane))];
  }

  /** Something was committed: drain now rather than at the next poll. */
  wake(): void {
    // One lane looks; it wakes another when it finds more than a request can hold. A wake that comes
    // while a lane is already looking makes it look once more, so nothing committed meanwhile waits a poll.
    if (this.looking > 0) {
      this.lookAgain = true;
      return;
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    const [first] = this.waiters;
    first?.();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Stops within stopGraceMs plus one database round trip, even with requests pending. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wakeAll();
    for (const wake of [...this.stopWaiters]) wake();
    const grace = setTimeout(() => this.options.publisher.abortAll(), this.stopGraceMs);
    await Promise.all(this.running);
    clearTimeout(grace);
    this.running = [];
    await this.options.leader.release();
    this.isLeader = false;
  }

  get leader(): boolean {
    return this.isLeader;
  }

  /** Delivery state of the given hotels' events (callers see only their own hotels). */
  status(hotels: readonly string[]): Promise<RelayStatus> {
    return deliveryStatus(this.options.store, hotels, { leader: this.isLeader, pausedUntil: this.pausedUntil });
  }

  /** Not stuck: no lane has been inside one operation much longer than a request may take. */
  health(): { ok: boolean; detail?: string } {
    if (this.stopped) return { ok: false, detail: 'stopped' };
    const limit = this.options.requestTimeoutMs + 10_000;
    const stuck = this.busySince.filter((since) => since !== null && Date.now() - since > limit).length;
    return stuck === 0
      ? { ok: true }
      : { ok: false, detail: `${stuck} publishing lane(s) busy for over ${limit / 1000} s` };
  }

  // ---- loops -------------------------------------------------------------------

  /** Keeps leadership current: takes the lock when free, and notices when it is lost. */
  private async supervise(): Promise<void> {
    while (!this.stopped) {
      await this.checkLeadership(true);
      await this.wait(this.pollIntervalMs, { wakeable: false });
    }
  }

  private async checkLeadership(force = false): Promise<boolean> {
    if (!force && this.isLeader && Date.now() - this.leaderCheckedAt < this.pollIntervalMs / 2) return true;
    try {
      const leading = await this.options.leader.acquire();
      if (leading && !this.isLeader) this.wakeAll();
      this.isLeader = leading;
    } catch (error) {
      this.options.log.error({ err: error }, 'pusher relay could not check its leadership');
      this.isLeader = false;
    }
    this.leaderCheckedAt = Date.now();
    return this.isLeader;
  }

  private async lane(lane: number): Promise<void> {
    while (!this.stopped) {
      let worked = false;
      try {
        worked = await this.round(lane);
      } catch (error) {
        this.options.log.error({ err: error, lane }, 'pusher relay round failed');
      } finally {
        this.busySince[lane] = null;
      }
      if (!worked && !this.stopped) await this.wait(this.nextWait());
    }
  }

  /** One claim and its outcome; false when there was nothing this lane could do. */
  private async round(lane: number): Promise<boolean> {
    // Unable to beat, this instance may already count as dead and its claims be someone else's.
    if (!this.isLeader || !this.options.liveness.isFresh() || !this.mayPublish(lane)) return false;
    this.busySince[lane] = Date.now();
    // Leadership is an efficiency (one instance does the work); the claim below is the safety.
    if (!(await this.checkLeadership())) return false;
    const probing = this.prober === lane;
    this.looking += 1;
    let claimed: Awaited<ReturnType<OutboxStore['claimDue']>>;
    try {
      claimed = await this.options.store.claimDue(
        probing ? 1 : PUSHER_MAX_BATCH,
        this.leaseMs,
        this.options.liveness.instanceId,
      );
    } finally {
      this.looking -= 1;
    }
    const { token, rows } = claimed;
    // More may be due than this request holds, or more was committed while claiming: another lane looks.
    if (rows.length === PUSHER_MAX_BATCH || this.lookAgain) {
      this.lookAgain = false;
      this.wakeOne();
    }
    if (rows.length === 0) {
      if (probing) this.prober = null;
      return false;
    }
    const outcome = await this.deliver(lane, token, rows);
    // Only a delivery ends the probing: anything else (a 5xx, a timeout) and the next round probes again.
    if (probing) this.endProbe(outcome === 'delivered');
    return true;
  }

  /** While paused nobody publishes; when the pause ends, one lane probes and the rest wait for its answer. */
  private mayPublish(lane: number): boolean {
    if (Date.now() < this.pausedUntil) return false;
    if (this.pausesInARow === 0) return true;
    if (this.prober === null) this.prober = lane;
    return this.prober === lane;
  }

  private endProbe(succeeded: boolean): void {
    this.prober = null;
    if (succeeded) {
      this.pausesInARow = 0;
      this.options.log.info('Pusher accepts publishing again; the relay resumes');
      this.wakeAll();
    }
  }

  private nextWait(): number {
    const pause = this.pausedUntil - Date.now();
    return pause > 0 ? Math.min(pause, this.pollIntervalMs) : this.pollIntervalMs;
  }

  /** Waits `ms`, or less when woken (by a commit, or by stop() in every case). */
  private wait(ms: number, { wakeable = true } = {}): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        this.stopWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      (wakeable ? this.waiters : this.stopWaiters).add(done);
    });
  }

  // ---- delivery ----------------------------------------------------------------

  private async deliver(lane: number, token: string, rows: RelayRow[]): Promise<Outcome> {
    const batch: Prepared[] = [];
    for (const row of rows) {
      const prepared = this.prepare(row, { slim: row.slimmed });
      if ('deadLetter' in prepared) await this.deadLetter(token, [row], prepared.deadLetter);
      else batch.push(prepared);
    }
    return batch.length > 0 ? this.send(lane, token, batch) : 'settled';
  }

  /** The bytes Pusher will get, or why the event can never be sent. */
  private prepare(row: RelayRow, options: { slim?: boolean } = {}): Prepared | { deadLetter: string } {
    const event = toStoredEvent(row);
    const publication = pusherPublication(event, this.options.channelPrefixes, options);
    if ('refusal' in publication) return { deadLetter: publication.refusal };
    return { event, row, channel: publication.channel, data: publication.data, slimmed: publication.slimmed };
  }

  /** `again`: a request under a claim that has already had one (the claim is extended first). */
  private async send(lane: number, token: string, batch: Prepared[], { again = false } = {}): Promise<Outcome> {
    this.busySince[lane] = Date.now();
    // An event split in parts may make more than one request's worth; they go one request after another.
    const events = batch.flatMap((item) =>
      item.data.map((data) => ({ channel: item.channel, name: item.event.name, data })),
    );
    try {
      for (let start = 0; start < events.length; start += PUSHER_MAX_BATCH) {
        if ((again || start > 0) && !(await this.extendClaim(token))) return 'settled';
        await this.options.publisher.publish(lane, events.slice(start, start + PUSHER_MAX_BATCH));
      }
    } catch (error) {
      return this.failed(lane, token, batch, classifyFailure(error));
    }
    this.options.observer?.delivered(batch.length);
    // The trace that ties a committed event (its "events committed" line) to Pusher accepting it.
    this.options.log.debug(
      { events: batch.map((item) => ({ channel: item.row.channel, sequence: Number(item.row.sequence) })), lane },
      'published to Pusher',
    );
    const ids = batch.map((item) => item.row.id);
    const marked = await this.options.store.markPublished(
      token,
      ids,
      batch.filter((item) => item.slimmed).map((item) => item.row.id),
    );
    if (marked < ids.length) {
      this.options.log.warn(
        { events: ids.length - marked },
        'published events whose claim had expired; another relay may send them again',
      );
    }
    return 'delivered';
  }

  private async failed(lane: number, token: string, batch: Prepared[], failure: PublishFailure): Promise<Outcome> {
    this.options.observer?.failed(failure.kind, batch.length);
    const ids = batch.map((item) => item.row.id);
    if (this.stopped) {
      await this.options.store.release(token, ids, failure.reason);
      return 'settled';
    }
    if (failure.kind === 'pause') {
      this.pausesInARow += 1;
      this.pausedUntil = Date.now() + pauseDelay(this.pausesInARow, this.pauseBaseMs, this.pauseMaxMs);
      this.options.log.warn(
        {
          reason: failure.reason,
          pausedUntil: new Date(this.pausedUntil).toISOString(),
          pausesInARow: this.pausesInARow,
        },
        'Pusher refuses publishing (quota, disabled app or wrong app id); pausing the relay',
      );
      await this.options.store.release(token, ids, failure.reason);
      return 'paused';
    }
    if (failure.kind === 'reject') return this.rejected(lane, token, batch, failure);
    // Old and tried several times: one failure after a long outage is not enough to give up.
    const expired = batch.filter(
      (item) =>
        item.row.attempts + 1 >= MIN_ATTEMPTS_BEFORE_GIVING_UP &&
        Date.now() - new Date(item.row.occurred_at).getTime() > this.maxEventAgeMs,
    );
    if (expired.length > 0) {
      await this.deadLetter(
        token,
        expired.map((item) => item.row),
        `gave up after ${this.maxEventAgeMs / 1000} s: ${failure.reason}`,
      );
    }
    const retrying = batch.filter((item) => !expired.includes(item));
    this.options.log.warn(
      { reason: failure.reason, events: retrying.length },
      'publishing to Pusher failed; will retry',
    );
    for (const item of retrying) {
      const attempts = item.row.attempts + 1;
      const at = new Date(Date.now() + backoffDelay(attempts, this.backoffBaseMs, this.backoffMaxMs));
      await this.options.store.retryLater(token, item.row.id, attempts, at, failure.reason);
    }
    return 'settled';
  }

  /**
   * Pusher refused the request as such. It names no culprit in a batch, so
   * the events go one by one to find it; a 413 gets one more try in the slim
   * form before the event is dead-lettered.
   */
  private async rejected(lane: number, token: string, batch: Prepared[], failure: PublishFailure): Promise<Outcome> {
    if (batch.length > 1) {
      for (const [index, item] of batch.entries()) {
        if (this.stopped || Date.now() < this.pausedUntil) {
          // Stopping, or one of them paused the relay: the rest wait for the next round.
          await this.options.store.release(
            token,
            batch.slice(index).map((rest) => rest.row.id),
          );
          return Date.now() < this.pausedUntil ? 'paused' : 'settled';
        }
        await this.send(lane, token, [item], { again: true });
      }
      return 'settled';
    }
    const [item] = batch as [Prepared];
    const slim = failure.tooLarge && !item.slimmed ? this.prepare(item.row, { slim: true }) : null;
    if (slim && !('deadLetter' in slim)) return this.send(lane, token, [slim], { again: true });
    await this.deadLetter(token, [item.row], failure.reason);
    return 'settled';
  }

  /** Extends the claim for one more request; false (and nothing more is sent) when it was lost meanwhile. */
  private async extendClaim(token: string): Promise<boolean> {
    if (this.options.liveness.isFresh() && (await this.options.store.extendClaim(token, this.leaseMs))) return true;
    this.options.log.warn('the relay lost its claim before a further request; another instance sends the rest');
    return false;
  }

  private async deadLetter(token: string, rows: RelayRow[], reason: string): Promise<void> {
    this.options.observer?.deadLettered(rows.length);
    this.options.log.error(
      { reason, events: rows.map((row) => ({ channel: row.channel, sequence: Number(row.sequence), name: row.name })) },
      'event dead-lettered: it will not be sent to Pusher unless a manager re-queues it',
    );
    await this.options.store.deadLetter(
      token,
      rows.map((row) => row.id),
      reason,
    );
  }
}

/**
 * What one user (every token of theirs) may spend and hold (docs/operations.md, "Per-token budgets"):
 *
 * - a cost rate: every operation spends its price (the cost model's units, COST_UNIT_MICROSECONDS of
 *   server CPU each) and every event a subscription replays spends REPLAY_EVENT_COST, out of
 *   `costPerSecond` per second, so no user holds more than that share of a core however many sockets
 *   and requests they use. rate-limiter-flexible keeps the count: in Redis when REDIS_URL is set, so
 *   the budget holds across instances (in memory, per instance, while Redis is unreachable), in
 *   memory otherwise;
 * - caps on what is held open (not here): graphql-ws connections and their operations per instance
 *   (http/graphql-websocket.ts), presence sessions across instances (the presence service).
 *
 * Each refusal is a RATE_LIMITED error saying which budget and when to retry.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../domain/errors';
import type { TokenBudgetLimits } from './config';

/** The rate is counted over windows this long: a user may spend a few seconds' worth at once, not more. */
const WINDOW_SECONDS = 5;

/** What replaying one stored event to a subscriber costs, in cost units (bench: about 50 µs each). */
export const REPLAY_EVENT_COST = 5;

/**
 * A refusal is answered after this long at most (less when the budget comes back sooner): a client
 * that sends its next request as soon as the last is answered then costs a refusal a second, not a
 * core's worth of them (bench: eight such clients of one token took 100% of a core before).
 */
const REFUSAL_HOLD_MS = 1_000;

/** Refusals held at once per user; past this they are answered at once (holding costs a timer and a socket each). */
const MAX_HELD_REFUSALS = 32;

interface TokenBudgetStore {
  /** ioredis commands connection (not in subscriber mode). */
  redis: Redis;
  /** REDIS_PREFIX: deployments sharing one Redis keep apart. */
  prefix: string;
}

export class TokenBudgets {
  private readonly rate: RateLimiterAbstract;
  /** Refusals being held, per user. */
  private readonly held = new Map<string, number>();

  constructor(
    readonly limits: TokenBudgetLimits,
    store?: TokenBudgetStore,
  ) {
    const window = { points: limits.costPerSecond * WINDOW_SECONDS, duration: WINDOW_SECONDS };
    const memory = new RateLimiterMemory({ ...window, keyPrefix: 'budget' });
    this.rate = store
      ? new RateLimiterRedis({
          ...window,
          storeClient: store.redis,
          keyPrefix: `${store.prefix}budget`,
          // While Redis is away, each instance counts on its own rather than refusing everyone.
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory;
  }

  /**
   * Refuses at once, before any parsing, a user whose budget for this window is already spent: a
   * flood of requests costs the server little more than reading their tokens.
   */
  async admit(userId: string): Promise<void> {
    const state = await this.rate.get(userId).catch(() => null);
    if (state && state.remainingPoints <= 0) throw await this.refusal(userId, state);
  }

  /** Spends an operation's price, or throws RATE_LIMITED (the operation does not run). */
  async spend(userId: string, price: number): Promise<void> {
    if (price <= 0) return;
    try {
      await this.rate.consume(userId, Math.min(price, this.limits.costPerSecond * WINDOW_SECONDS));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw await this.refusal(userId, error);
      // The limiter's store failing is no reason to refuse the user: the insurance limiter covers Redis.
    }
  }

  /** Charges work already done (a list longer than its price assumed): it may leave the budget spent. */
  charge(userId: string, units: number): void {
    if (units <= 0) return;
    // A rejection still counts the points: the next requests are refused until the window turns.
    this.rate.consume(userId, units).catch(() => undefined);
  }

  /** Waits until the user's budget pays for replaying `events` stored events (a catch-up slows down, never fails). */
  async paceReplay(userId: string, events: number, isClosed: () => boolean): Promise<void> {
    const price = Math.min(events * REPLAY_EVENT_COST, this.limits.costPerSecond * WINDOW_SECONDS);
    while (!isClosed()) {
      try {
        await this.rate.consume(userId, price);
        return;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(error.msBeforeNext, 10)));
      }
    }
  }

  /** The RATE_LIMITED error, given after holding the refusal for up to REFUSAL_HOLD_MS. */
  private async refusal(userId: string, state: RateLimiterRes): Promise<RateLimitedError> {
    const holding = this.held.get(userId) ?? 0;
    const hold = holding < MAX_HELD_REFUSALS ? Math.min(state.msBeforeNext, REFUSAL_HOLD_MS) : 0;
    if (hold > 0) {
      this.held.set(userId, holding + 1);
      await new Promise((resolve) => setTimeout(resolve, hold));
      const left = (this.held.get(userId) ?? 1) - 1;
      if (left > 0) this.held.set(userId, left);
      else this.held.delete(userId);
    }
    const retryAfterMs = Math.max(0, state.msBeforeNext - hold);
    return new RateLimitedError(
      `You have used your share of the server for now (${this.limits.costPerSecond} cost units per second); retry in ${Math.ceil(retryAfterMs / 1000)} s`,
      'cost',
      retryAfterMs,
    );
  }
}

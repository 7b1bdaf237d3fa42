/**
 * Keeps this instance alive in `instance_liveness` (domain/services/instance-liveness.ts):
 * the first beat before the instance serves or relays anything, then one every
 * LIVENESS_BEAT_MS; a clean stop deletes the row so nothing waits on it.
 */
import { LIVENESS_BEAT_MS, type InstanceLivenessService } from '../domain/services/instance-liveness';
import type { Logger } from './logger';

export class InstanceHeartbeat {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly liveness: InstanceLivenessService,
    private readonly log: Logger,
    private readonly beatMs = LIVENESS_BEAT_MS,
  ) {}

  /** Resolves after the first beat is written: from then on the others count this instance alive. */
  async start(): Promise<void> {
    await this.liveness.beat();
    this.timer = setInterval(() => this.tick(), this.beatMs);
    this.timer.unref();
  }

  /** True while the others still count this instance alive. */
  isFresh(): boolean {
    return this.liveness.isFresh();
  }

  /** Stops beating and deletes the row: this instance's claims and sessions are free at once. */
  async stop(): Promise<void> {
    this.detach();
    await this.beating;
    await this.liveness
      .retire()
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not retire this instance; it lapses'));
  }

  /** Stops beating without a word, as a killed instance does (tests play crashes with it). */
  detach(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (this.beating) return;
    this.beating = this.liveness
      .beat()
      .then(() => {
        if (this.failing) this.log.info('instance heartbeat written again');
        this.failing = false;
      })
      .catch((error: unknown) => {
        // Logged once per outage: it fails every second while the database is away.
        if (!this.failing) this.log.warn({ err: error }, 'instance heartbeat failed; will try every second');
        this.failing = true;
      })
      .finally(() => {
        this.beating = undefined;
      });
  }
}

/**
 * Keeps the outbox from growing for ever: delivered events older than the
 * retention period are pruned in the background, a batch at a time;
 * undelivered (pending or dead-lettered) ones never are. A catch-up from
 * before what is kept is refused with HISTORY_EXPIRED (realtime-service.ts).
 */
import type { Logger } from 'pino';
import type { OutboxStore } from './outbox-store';

interface RetentionOptions {
  retentionMs: number;
  /** How often to prune (default every 10 minutes). */
  intervalMs?: number;
  /** Rows deleted per statement. */
  batch?: number;
  /** Only one instance needs to prune: the relay leader. */
  shouldRun: () => boolean;
  log: Logger;
}

export class OutboxRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly store: OutboxStore,
    private readonly options: RetentionOptions,
  ) {}

  start(): void {
    const tick = () => {
      if (this.options.shouldRun()) {
        void this.runOnce().catch((error: unknown) =>
          this.options.log.warn({ err: error }, 'pruning the outbox failed; will try again'),
        );
      }
    };
    this.timer = setInterval(tick, this.options.intervalMs ?? 10 * 60 * 1_000);
    this.timer.unref();
  }

  /** Prunes everything due now; returns how many events were deleted. */
  runOnce(now = new Date()): Promise<number> {
    this.running ??= this.prune(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async prune(now: Date): Promise<number> {
    const batch = this.options.batch ?? 5_000;
    const cutoff = new Date(now.getTime() - this.options.retentionMs);
    let total = 0;
    for (;;) {
      const deleted = await this.store.prune(cutoff, batch);
      total += deleted;
      if (deleted < batch) break;
    }
    if (total > 0)
      this.options.log.info({ deleted: total, before: cutoff.toISOString() }, 'pruned delivered outbox events');
    return total;
  }
}

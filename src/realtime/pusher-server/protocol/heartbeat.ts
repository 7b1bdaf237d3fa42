/**
 * The server side of Pusher's keep-alive: after `idleMs` without any sign of life the server
 * pings, and if nothing at all arrives within `pongTimeoutMs` after that, the connection is
 * given up. Any inbound traffic counts as a sign of life, not only a pusher:pong.
 */

export interface HeartbeatOptions {
  /** The activity_timeout announced in the handshake, in milliseconds. */
  idleMs: number;
  pongTimeoutMs: number;
  /** Send a ping. */
  onIdle: () => void;
  /** Give the connection up. */
  onPongTimeout: () => void;
}

export class Heartbeat {
  private idleTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    this.idleTimer = setTimeout(() => this.idle(), this.options.idleMs);
    // Timers never keep the process alive on their own.
    this.idleTimer.unref();
  }

  /** A sign of life: cancels a pending pong timeout and restarts the idle period. */
  activity(): void {
    if (this.stopped) return;
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    // refresh() also re-arms a timer that has already fired (the one that sent the last ping).
    this.idleTimer?.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.pongTimer);
  }

  private idle(): void {
    if (this.stopped) return;
    this.options.onIdle();
    this.pongTimer = setTimeout(() => {
      if (!this.stopped) this.options.onPongTimeout();
    }, this.options.pongTimeoutMs);
    this.pongTimer.unref();
  }
}

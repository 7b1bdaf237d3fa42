/**
 * One accepted client connection as the protocol core sees it: its socket id, the channels it
 * joined, its heartbeat, and a queue that handles its messages one at a time.
 *
 * The queue matters because channel state is behind an async adapter: without it a quick
 * subscribe + unsubscribe could be applied in the wrong order, or a disconnect could clean up
 * before a subscribe that was still in flight had recorded its channel.
 */
import type { ChannelSubscriber } from '../adapter/channel-adapter';
import { Heartbeat, type HeartbeatOptions } from './heartbeat';

/** What the core needs of a transport's socket. */
export interface PusherSocket {
  /** Sends one text frame; must not throw (a frame for a closing socket is simply lost). */
  send(text: string): void;
  close(code: number, reason: string): void;
}

export class ClientConnection implements ChannelSubscriber {
  /** Channels this connection is subscribed to (the adapter holds the same facts, possibly remotely). */
  readonly channels = new Set<string>();
  private readonly heartbeat: Heartbeat;
  private tail: Promise<void> = Promise.resolve();
  private cleanup: Promise<void> | undefined;

  constructor(
    readonly socketId: string,
    private readonly socket: PusherSocket,
    heartbeat: HeartbeatOptions,
  ) {
    this.heartbeat = new Heartbeat(heartbeat);
  }

  /** True from the moment the server or the client starts closing it. */
  get disconnected(): boolean {
    return this.cleanup !== undefined;
  }

  /** Frames for a connection that is disconnecting are dropped, as a real network would lose them. */
  send(frame: string): void {
    if (!this.disconnected) this.socket.send(frame);
  }

  startHeartbeat(): void {
    this.heartbeat.start();
  }

  /** Any inbound traffic proves the client is alive. */
  activity(): void {
    this.heartbeat.activity();
  }

  /** Runs `task` after every task queued before it. Rejections reach the caller only. */
  enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Marks the connection disconnected (idempotent) and queues `release` after any message still
   * being handled; every call returns the same promise.
   */
  disconnect(release: () => Promise<void>): Promise<void> {
    if (!this.cleanup) {
      this.heartbeat.stop();
      this.cleanup = this.enqueue(release);
    }
    return this.cleanup;
  }

  /** Closes the transport socket; the caller has already disconnected the connection. */
  closeSocket(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

/**
 * Fault injection for the built-in Pusher endpoint's publish API, wired in
 * by the tests only (through the server's `beforePublish`, `onPublished` and
 * `maxEventBytes` seams), plus a log of what was accepted so relay tests can
 * assert batching and retries.
 *
 * Faults are queued in FIFO order and consumed one per publish request,
 * before the request is authenticated or validated (like a load balancer or
 * network failure in front of Pusher):
 *
 *   faults.failNext({ status: 503 })                 // 503 "Service Unavailable"
 *   faults.failNext({ status: 403, body: 'Forbidden: over quota', times: 2 })
 *   faults.delayNext({ ms: 3000 })                   // handled normally, answered 3 s late: the relay
 *                                                    // gives up, but the events WERE delivered
 *   faults.delayNext({ ms: 3000, deliver: false })   // answered 504 after 3 s, nothing delivered
 *   faults.resetNext()                               // socket destroyed, no answer, nothing delivered
 *   faults.stallNext({ status: 500 })                // error headers, then a body that never ends
 *   faults.stallNext({ status: 200 })                // delivered, then a 200 whose body never ends
 *   faults.setMaxEventBytes(100)                     // a server with a lower 413 limit
 *   faults.refuseWhere((e) => …, { status: 413 })    // any request holding a matching event is refused
 *   faults.clear()                                   // forget queued faults and the limit override
 *
 * Observation: `publishAttempts` (every publish request), `requests` and
 * `accepted` (what was accepted, per request and per channel),
 * `waitForAccepted(n)`, `clearLog()`.
 */
import type { RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { PublishEndpoint, PublishedEvents, PusherServerOptions } from '../../src/realtime/pusher-server';
import { LIMITS } from '../../src/realtime/pusher-limits';

export interface AcceptedEvent {
  requestId: number;
  endpoint: PublishEndpoint;
  channel: string;
  name: string;
  /** Exactly the `data` string that was published (and sent to subscribers). */
  data: string;
  socketId?: string;
  receivedAt: Date;
}

/** An event as the publish request carries it. */
export interface PublishedEvent {
  channel?: string;
  channels?: string[];
  name: string;
  data: string;
}

export interface AcceptedRequest {
  id: number;
  endpoint: PublishEndpoint;
  receivedAt: Date;
  events: PublishedEvents;
}

type FaultAction =
  | { kind: 'fail'; status: number; body: string }
  | { kind: 'delay'; ms: number; deliver: boolean; status: number }
  | { kind: 'reset' }
  | { kind: 'stall'; status: number };

export class PusherFaults {
  private readonly queue: Array<{ action: FaultAction; remaining: number }> = [];
  private readonly waiters = new Set<{ count: number; resolve: () => void }>();
  private readonly held = new Set<Response>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private maxEventBytesOverride: number | undefined;
  private refusal: { when: (event: PublishedEvent) => boolean; status: number; body: string } | undefined;
  private nextRequestId = 1;

  /** Every publish request that reached the endpoint, including faulted and rejected ones. */
  publishAttempts = 0;
  /** When each of those arrived. */
  readonly attemptTimes: number[] = [];
  readonly requests: AcceptedRequest[] = [];
  readonly accepted: AcceptedEvent[] = [];

  /** The server options that wire these faults in. */
  get hooks(): Required<Pick<PusherServerOptions, 'beforePublish' | 'onPublished' | 'maxEventBytes'>> {
    return {
      beforePublish: this.beforePublish,
      onPublished: (endpoint, events) => this.recordAccepted(endpoint, events),
      maxEventBytes: () => this.maxEventBytesOverride ?? LIMITS.defaultMaxEventBytes,
    };
  }

  failNext(options: { status: number; body?: string; times?: number }): this {
    return this.enqueue(
      { kind: 'fail', status: options.status, body: options.body ?? STATUS_CODES[options.status] ?? 'Error' },
      options.times,
    );
  }

  delayNext(options: { ms: number; deliver?: boolean; status?: number; times?: number }): this {
    return this.enqueue(
      { kind: 'delay', ms: options.ms, deliver: options.deliver ?? true, status: options.status ?? 504 },
      options.times,
    );
  }

  resetNext(options: { times?: number } = {}): this {
    return this.enqueue({ kind: 'reset' }, options.times);
  }

  /** Headers with `status` and part of a body that never ends; a 200 is delivered first. */
  stallNext(options: { status: number; times?: number }): this {
    return this.enqueue({ kind: 'stall', status: options.status }, options.times);
  }

  /** Until cleared, every publish request with an event that matches `when` is refused (after any queued fault). */
  refuseWhere(when: (event: PublishedEvent) => boolean, options: { status: number; body?: string }): this {
    this.refusal = { when, status: options.status, body: options.body ?? STATUS_CODES[options.status] ?? 'Error' };
    return this;
  }

  setMaxEventBytes(bytes: number | undefined): this {
    this.maxEventBytesOverride = bytes;
    return this;
  }

  /** Answers held open right now (delayed, or stalled mid-body). */
  get heldAnswers(): number {
    return this.held.size + this.timers.size;
  }

  get pendingFaults(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Forgets queued faults and the limit override, and ends every held or stalled answer. */
  clear(): this {
    this.queue.length = 0;
    this.maxEventBytesOverride = undefined;
    this.refusal = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const response of this.held) response.socket?.destroy();
    this.held.clear();
    return this;
  }

  clearLog(): this {
    this.requests.length = 0;
    this.accepted.length = 0;
    this.publishAttempts = 0;
    this.attemptTimes.length = 0;
    return this;
  }

  waitForAccepted(count: number, timeoutMs = 5000): Promise<AcceptedEvent[]> {
    if (this.accepted.length >= count) return Promise.resolve([...this.accepted]);
    return new Promise((resolve, reject) => {
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve([...this.accepted]);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`waitForAccepted: ${this.accepted.length}/${count} events after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private readonly beforePublish: RequestHandler = (req, res, next) => {
    this.publishAttempts += 1;
    this.attemptTimes.push(Date.now());
    const fault = this.take();
    if (!fault) return this.refuseMatching(req.body as Buffer, res, next);
    if (fault.kind === 'fail') {
      res.status(fault.status).type('text/plain').send(fault.body);
    } else if (fault.kind === 'reset') {
      req.socket.destroy();
    } else if (fault.kind === 'delay') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (fault.deliver) this.refuseMatching(req.body as Buffer, res, next);
        else
          res
            .status(fault.status)
            .type('text/plain')
            .send(STATUS_CODES[fault.status] ?? 'Error');
      }, fault.ms);
      this.timers.add(timer);
    } else {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      const stall = (body: string) => {
        res.writeHead(fault.status, {
          'content-type': 'text/plain',
          'content-length': String(Buffer.byteLength(body) + 100),
        });
        res.write(body);
      };
      if (fault.status >= 400) {
        stall('partial error body');
      } else {
        // Let the endpoint accept and deliver the events, then hold its answer open.
        res.send = ((body: unknown) => {
          stall(typeof body === 'string' ? body : JSON.stringify(body));
          return res;
        }) as Response['send'];
        res.json = ((body: unknown) => res.send(JSON.stringify(body))) as Response['json'];
        next();
      }
    }
  };

  private refuseMatching(body: Buffer, res: Response, next: () => void): void {
    const refusal = this.refusal;
    if (refusal) {
      let events: PublishedEvent[] = [];
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { batch?: PublishedEvent[] } & PublishedEvent;
        events = parsed.batch ?? [parsed];
      } catch {
        // not JSON: the endpoint itself will refuse it
      }
      if (events.some((event) => refusal.when(event))) {
        res.status(refusal.status).type('text/plain').send(refusal.body);
        return;
      }
    }
    next();
  }

  private take(): FaultAction | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) this.queue.shift();
    return head.action;
  }

  private recordAccepted(endpoint: PublishEndpoint, events: PublishedEvents): void {
    const receivedAt = new Date();
    const id = this.nextRequestId++;
    this.requests.push({ id, endpoint, receivedAt, events });
    for (const event of events) {
      for (const channel of event.channels) {
        this.accepted.push({
          requestId: id,
          endpoint,
          channel,
          name: event.name,
          data: event.data,
          ...(event.socketId !== undefined ? { socketId: event.socketId } : {}),
          receivedAt,
        });
      }
    }
    for (const waiter of [...this.waiters]) {
      if (this.accepted.length >= waiter.count) waiter.resolve();
    }
  }

  private enqueue(action: FaultAction, times = 1): this {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    this.queue.push({ action, remaining: times });
    return this;
  }
}

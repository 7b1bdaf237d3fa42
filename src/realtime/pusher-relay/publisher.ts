/**
 * Publishing through the `pusher` SDK with a deadline of our own around the
 * whole exchange, headers and body. The SDK's own timeout stops at the
 * response headers, so an answer whose body never completes (or a 200 whose
 * body is never read) would otherwise hold a request, and its socket,
 * forever.
 *
 * Each lane has its own keep-alive agent with a single socket, so when the
 * deadline fires the lane destroys exactly its own socket (aborting the
 * request wherever it is) and starts afresh with a new agent. Lanes are the
 * relay's unit of concurrency: one request in flight per lane.
 */
import http from 'node:http';
import https from 'node:https';
import Pusher from 'pusher';

interface PusherCredentials {
  appId: string;
  key: string;
  secret: string;
  cluster?: string;
  host?: string;
  port?: number;
  useTLS: boolean;
}

interface BatchEvent {
  channel: string;
  name: string;
  data: string;
}

/** Raised when the deadline fires before the whole answer arrived; the request was aborted. */
export class PublishDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super('request timed out');
    this.name = 'PublishDeadlineError';
  }
}

/** A Pusher SDK client; with an agent, its requests use that agent's sockets. */
export function createPusherClient(credentials: PusherCredentials, agent?: http.Agent): Pusher {
  return new Pusher({
    appId: credentials.appId,
    key: credentials.key,
    secret: credentials.secret,
    ...(credentials.host ? { host: credentials.host } : { cluster: credentials.cluster ?? 'mt1' }),
    ...(credentials.port !== undefined ? { port: String(credentials.port) } : {}),
    useTLS: credentials.useTLS,
    ...(agent ? { agent } : {}),
  });
}

class Lane {
  agent: http.Agent;
  client: Pusher;
  /** Ends the request in flight, if any, with this error. */
  abort: ((error: Error) => void) | null = null;

  constructor(private readonly credentials: PusherCredentials) {
    this.agent = this.newAgent();
    this.client = createPusherClient(credentials, this.agent);
  }

  /** Destroys the socket (aborting whatever it was doing) and starts with a fresh agent. */
  reset(): void {
    this.agent.destroy();
    this.agent = this.newAgent();
    this.client = createPusherClient(this.credentials, this.agent);
  }

  private newAgent(): http.Agent {
    const options = { keepAlive: true, maxSockets: 1 };
    return this.credentials.useTLS ? new https.Agent(options) : new http.Agent(options);
  }
}

export class DeadlinePublisher {
  private readonly lanes: Lane[];

  constructor(
    credentials: PusherCredentials,
    lanes: number,
    private readonly deadlineMs: number,
  ) {
    this.lanes = Array.from({ length: lanes }, () => new Lane(credentials));
  }

  get laneCount(): number {
    return this.lanes.length;
  }

  /**
   * Sends the batch on `lane` and reads the whole answer within the
   * deadline. Rejects with the SDK's RequestError (status and body) on an
   * error answer, or with PublishDeadlineError.
   */
  async publish(lane: number, events: readonly BatchEvent[]): Promise<void> {
    const current = this.lanes[lane]!;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      current.abort = (error) => {
        current.abort = null;
        current.reset();
        reject(error);
      };
      timer = setTimeout(() => current.abort?.(new PublishDeadlineError(this.deadlineMs)), this.deadlineMs);
    });
    // The SDK rewrites the items it is given, so each attempt gets fresh ones.
    const exchange = current.client.triggerBatch(events.map((event) => ({ ...event }))).then(async (response) => {
      // Reading the body hands the socket back to the agent for the next request.
      await response.text();
    });
    exchange.catch(() => undefined); // after the deadline nobody waits for it
    try {
      await Promise.race([exchange, deadline]);
    } finally {
      clearTimeout(timer);
      current.abort = null;
    }
  }

  /** Aborts every request in flight (shutdown): each rejects at once, its socket destroyed. */
  abortAll(): void {
    for (const lane of this.lanes) lane.abort?.(new PublishDeadlineError(0));
  }

  close(): void {
    for (const lane of this.lanes) lane.agent.destroy();
  }
}

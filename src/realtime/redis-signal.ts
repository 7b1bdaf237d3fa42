/**
 * A signal every instance hears over Redis pub/sub, but its sender: the relay
 * leader on another instance is woken by a commit here at once rather than
 * at its next poll (docs/realtime.md, "Several instances"). A lost signal
 * costs only that poll interval, so nothing is retried.
 */
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Logger } from 'pino';

export interface RedisSignalOptions {
  pubsub: RedisPubSub;
  /** The full Redis channel name. */
  trigger: string;
  /** This instance; its own signals come back from Redis and are skipped. */
  instanceId: string;
  /** Called for every signal another instance sends. */
  onSignal: () => void;
  log: Logger;
}

export class RedisSignal {
  private subscription: Promise<number | undefined> | undefined;

  constructor(private readonly options: RedisSignalOptions) {}

  /** Starts listening; resolves once Redis confirmed the subscription (or it failed, logged). */
  start(): Promise<unknown> {
    const { pubsub, trigger, instanceId, onSignal, log } = this.options;
    this.subscription ??= pubsub
      .subscribe<{ origin: string }>(trigger, (message) => {
        if (message.origin !== instanceId) onSignal();
      })
      .catch((error: unknown) => {
        log.warn({ err: error, trigger }, 'could not subscribe to a Redis signal; instances fall back to polling');
        return undefined;
      });
    return this.subscription;
  }

  /** Tells the other instances; never throws (after commit, nothing may fail the mutation). */
  send(): void {
    const { pubsub, trigger, instanceId, log } = this.options;
    pubsub.publish(trigger, { origin: instanceId }).catch((error: unknown) => {
      log.debug({ err: error, trigger }, 'a Redis signal was not sent; the other instances poll');
    });
  }

  async stop(): Promise<void> {
    const id = await this.subscription;
    this.subscription = undefined;
    if (id !== undefined) this.options.pubsub.unsubscribe(id);
  }
}

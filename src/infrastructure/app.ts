/**
 * Composition root: wires the database, the domain services, the outbox,
 * the event bus, the Pusher relay and endpoints, the GraphQL schema and the
 * server together. `main.ts` and the tests both start the product through
 * here, so tests run exactly what users run.
 *
 *   mutation ─ transaction ─┬─ change
 *                           └─ outbox rows (per channel, sequenced)
 *            after commit ──┬─ event bus ── graphql-ws subscriptions
 *                           └─ wake ─ Pusher relay ── Pusher / built-in endpoint ── pusher-js
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServices } from '../domain/services';
import { createSchema } from '../graphql/schema';
import { InProcessEventBus, type EventBus } from '../realtime/event-bus';
import { OutboxJournal } from '../realtime/outbox/outbox-journal';
import { pusherEndpoints, type PusherClientSettings } from '../realtime/pusher-endpoints';
import { LeaderLock } from '../realtime/pusher-relay/leader-lock';
import { createPusherClient, type PusherCredentials } from '../realtime/pusher-relay/pusher-client';
import { PusherRelay, type RelayOptions } from '../realtime/pusher-relay/pusher-relay';
import { PusherCompatibleServer } from '../realtime/pusher-server';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import type { PusherTarget } from './config';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import type { Logger } from './logger';
import { startServer, type RunningServer } from './server';

export interface AppOptions {
  orm: MikroORM;
  /** Used by the relay's leader lock (a connection of its own). */
  databaseUrl: string;
  port: number;
  host?: string;
  isProduction: boolean;
  tokenKey: TokenKey;
  pusher: PusherTarget;
  /** Credentials of the built-in endpoint, used when `pusher` is built-in. */
  builtInPusher: { appId: string; key: string; secret: string };
  channelPrefix: '' | 'private-';
  log: Logger;
  /** Tuning for tests (short polls and backoff). */
  relay?: Partial<Pick<RelayOptions, 'pollIntervalMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'quotaPauseMs' | 'maxEventAgeMs'>>;
  pusherTimeoutMs?: number;
  /** Let the built-in endpoint log what it accepted (tests assert batching with it). */
  recordPusherPublishes?: boolean;
}

export interface RunningApp extends RunningServer {
  bus: EventBus;
  relay: PusherRelay;
  /** Present when no Pusher credentials are configured. */
  pusherServer: PusherCompatibleServer | undefined;
  /** What GET /pusher/config returns for a client connecting to `host`. */
  pusherSettings(host?: string): PusherClientSettings;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { orm, log } = options;
  const bus = new InProcessEventBus();
  let relay: PusherRelay | undefined;
  const journal = new OutboxJournal((events) => {
    bus.publish(events);
    relay?.wake();
  });
  const services = createServices(new TransactionalUnitOfWork(orm, journal));
  const verifyToken = createTokenVerifier(options.tokenKey);

  const builtIn = options.pusher.kind === 'built-in';
  const credentials: Omit<PusherCredentials, 'host' | 'port'> & Partial<PusherCredentials> = builtIn
    ? { ...options.builtInPusher, useTLS: false }
    : (options.pusher as Extract<PusherTarget, { kind: 'external' }>);
  const pusherServer = builtIn ? new PusherCompatibleServer({ ...options.builtInPusher, log, recordPublishes: options.recordPusherPublishes }) : undefined;

  let port = 0;
  const pusherSettings = (host?: string): PusherClientSettings => {
    if (builtIn) return { key: credentials.key, cluster: 'mt1', wsHost: host ?? '127.0.0.1', wsPort: port, forceTLS: false };
    if (credentials.host) return { key: credentials.key, cluster: credentials.cluster ?? 'mt1', wsHost: credentials.host, wsPort: credentials.port, forceTLS: credentials.useTLS };
    return { key: credentials.key, cluster: credentials.cluster ?? 'mt1', forceTLS: true };
  };

  const server = await startServer({
    port: options.port,
    host: options.host,
    isProduction: options.isProduction,
    schema: await createSchema(),
    orm,
    services,
    realtime: { orm, bus, relayStatus: (hotels) => relay!.status(hotels) },
    verifyToken,
    routers: [
      ...(pusherServer ? [pusherServer.httpRouter] : []),
      pusherEndpoints({ settings: pusherSettings, channelPrefix: options.channelPrefix, pusher: createPusherClient(credentials), verifyToken }),
    ],
    upgradeHandlers: pusherServer ? [(request, socket, head) => pusherServer.handleUpgrade(request, socket, head)] : [],
    log,
  });
  port = server.port;

  // The built-in endpoint is reached through the same SDK code path as hosted Pusher.
  const relayTarget: PusherCredentials = builtIn ? { ...credentials, host: '127.0.0.1', port: server.port } : credentials;
  relay = new PusherRelay({
    orm,
    pusher: createPusherClient(relayTarget, options.pusherTimeoutMs),
    channelPrefix: options.channelPrefix,
    leader: new LeaderLock(options.databaseUrl, log),
    log,
    ...options.relay,
  });
  relay.start();

  return {
    ...server,
    bus,
    relay,
    pusherServer,
    pusherSettings,
    async close() {
      await server.close();
      await relay!.stop();
      await pusherServer?.close();
      await bus.close();
    },
  };
}

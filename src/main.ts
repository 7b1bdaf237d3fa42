/**
 * `npm start`: the API on the configured database, or on an embedded
 * PostgreSQL seeded with the demo hotel when DATABASE_URL is not set.
 */
import 'reflect-metadata';
import { signToken } from './infrastructure/auth/tokens';
import { tokenKey } from './infrastructure/auth/token-key';
import { startApp } from './infrastructure/app';
import { ConfigError, loadConfig, loadDotEnv } from './infrastructure/config';
import { openDatabase } from './infrastructure/database/database';
import { loadLocalSecrets } from './infrastructure/local-secrets';
import { createLogger } from './infrastructure/logger';
import { DEMO_HOTEL } from './infrastructure/seed/demo-catalogue';
import { seedDemoHotel } from './infrastructure/seed/seed-demo-hotel';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app?.close().catch((error: unknown) => log.error({ err: error }, 'server did not close cleanly'));
    await database.close().catch((error: unknown) => log.error({ err: error }, 'database did not close cleanly'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    if (database.embedded) await seedDemoHotel(database.orm, log);
    const key = tokenKey(config);
    if (config.isProduction && config.channelPrefix === '') {
      log.warn(
        'Pusher channels are public (PUSHER_CHANNEL_PREFIX is empty), as legacy frontends expect: anyone with the key can listen. Set PUSHER_CHANNEL_PREFIX=private- once frontends authorize through /pusher/auth.',
      );
    }
    if (config.redisUrl) {
      log.info('REDIS_URL is set: events, the relay wake-up and built-in Pusher channels reach every instance');
    }
    app = await startApp({
      orm: database.orm,
      databaseUrl: database.url,
      port: config.port,
      isProduction: config.isProduction,
      tokenKey: key,
      pusher: config.pusher,
      builtInPusher: loadLocalSecrets(config.dataDir).pusher,
      channelPrefix: config.channelPrefix,
      redis: config.redisUrl ? { url: config.redisUrl } : undefined,
      log,
    });
    const pusherJs = app.pusherSettings('localhost');
    const lines = [
      '',
      `  Stocktake Live is running`,
      `  GraphQL (Apollo Sandbox, subscriptions over graphql-ws): ${app.url}`,
      `  Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
      `  Instances: ${config.redisUrl ? 'several, fanned out through Redis (REDIS_URL)' : 'this one only (set REDIS_URL to run several)'}`,
      `  Pusher: ${config.pusher.kind === 'built-in' ? 'built-in Pusher-compatible endpoint' : 'PUSHER_* settings'}; pusher-js settings (also at GET /pusher/config):`,
      `  new Pusher('${pusherJs.key}', ${JSON.stringify({ cluster: pusherJs.cluster, wsHost: pusherJs.wsHost, wsPort: pusherJs.wsPort, forceTLS: pusherJs.forceTLS })})`,
    ];
    if (!config.isProduction) {
      lines.push(
        `  Live demo (open it in two windows, paste the token below): ${app.url.replace(/\/graphql$/, '/demo/')}`,
      );
    }
    // A ready token only for the local demo: never print credentials for a real deployment.
    if (key.kind === 'secret' && database.embedded && !config.isProduction) {
      const token = await signToken(key.secret, {
        userId: 'demo-manager',
        name: 'Demo Manager',
        hotels: { [DEMO_HOTEL.identifier]: 'manager' },
      });
      lines.push(
        `  Manager token for ${DEMO_HOTEL.identifier} (HTTP header "Authorization: Bearer <token>"):`,
        `  ${token}`,
      );
    } else if (key.kind === 'secret') {
      lines.push('  Tokens: npm run token -- --user ID --name NAME --hotel SLUG --role staff|manager');
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  } catch (error) {
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});

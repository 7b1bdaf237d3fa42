/** `npm run seed`: the demo hotel into the configured database (DATABASE_URL or the embedded one). Idempotent. */
import 'reflect-metadata';
import { loadConfig, loadDotEnv } from '../src/infrastructure/config';
import { openDatabase } from '../src/infrastructure/database/database';
import { createLogger } from '../src/infrastructure/logger';
import { describeFailure } from '../src/infrastructure/startup-error';
import { seedDemoHotel } from '../src/infrastructure/seed/seed-demo-hotel';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  try {
    await seedDemoHotel(database.orm, log);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});

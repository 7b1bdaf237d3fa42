/** `seed`: the demo hotel into the configured database. Safe to run twice. */
import { DEMO_HOTEL } from '../seed/demo-catalogue';
import { seedDemoHotel } from '../seed/seed-demo-hotel';
import { parseOptions, type CommandRun } from './command';
import { withDatabase } from './database-command';

export const run: CommandRun = async (argv) => {
  parseOptions(argv, {});
  const seeded = await withDatabase((database, log) => seedDemoHotel(database.orm, log));
  process.stdout.write(
    seeded ? `seeded the demo hotel ${DEMO_HOTEL.identifier}\n` : `${DEMO_HOTEL.identifier} is already there\n`,
  );
};

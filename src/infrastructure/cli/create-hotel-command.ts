/**
 * `create-hotel --slug SLUG --name NAME [--time-zone ZONE]`: a hotel, so that
 * tokens naming it can be used. Refuses a slug that is taken rather than
 * changing the existing hotel.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Hotel } from '../../domain/entities';
import { checkHotelIdentifier, checkText, checkTimeZone } from '../../domain/validation';
import { CommandFailure, parseOptions, required, type CommandRun } from './command';
import { withDatabase } from './database-command';

/** Says an existing hotel has the slug: exit code 1, not a usage error. */
class HotelExistsError extends CommandFailure {
  constructor(slug: string) {
    super(`a hotel with the slug "${slug}" already exists; nothing was changed`);
  }
}

export const run: CommandRun = async (argv) => {
  const values = parseOptions(argv, {
    slug: { type: 'string' },
    name: { type: 'string' },
    'time-zone': { type: 'string', default: 'UTC' },
  });
  // Domain rules: each failure is a BadInputError naming the option.
  const slug = checkHotelIdentifier('--slug', required(values.slug, 'slug'));
  const name = checkText('--name', required(values.name, 'name'), 200, { required: true, singleLine: true });
  const timeZone = checkTimeZone('--time-zone', values['time-zone']);
  await withDatabase(async (database) => {
    const em = database.orm.em.fork();
    if (await em.count(Hotel, { identifier: slug })) throw new HotelExistsError(slug);
    em.create(Hotel, { identifier: slug, name, timeZone });
    await em.flush().catch((error: unknown) => {
      throw error instanceof UniqueConstraintViolationException ? new HotelExistsError(slug) : error;
    });
  });
  process.stdout.write(`created hotel ${slug} (${name}, ${timeZone})\n`);
};

/**
 * Who may read a channel: the one policy every transport applies (GraphQL
 * subscriptions, `channelEvents`, Pusher channel authorization). A
 * channel's hotel is in its name, so a member of that hotel (staff or
 * manager) may read it, and anyone else is FORBIDDEN. Looking a stocktake up
 * by id, before its channel is known, reports other hotels' ids as NOT_FOUND
 * (domain/services/access.ts); once the channel is named, this decides.
 */
import { BadInputError, ForbiddenError } from '../domain/errors';
import { isMember, type Viewer } from '../domain/viewer';
import { parseChannel, type ParsedChannel } from './event-catalog/channels';

export function authorizeChannel(viewer: Viewer, channel: ParsedChannel): void {
  if (!isMember(viewer, channel.hotel)) throw new ForbiddenError(`You are not a member of hotel ${channel.hotel}`);
}

/** A channel name as a client wrote it (with or without the private- prefix), parsed and authorized. */
export function readableChannel(viewer: Viewer, name: string, field = 'channel'): ParsedChannel {
  const parsed = parseChannel(name);
  if (!parsed)
    throw new BadInputError(field, `${name} is not a stocktake channel ({hotel}-stocktakes or {hotel}-stocktake-{id})`);
  authorizeChannel(viewer, parsed);
  return parsed;
}

/**
 * GET /apps/:appId/channels, /channels/:channel and /channels/:channel/users: occupancy,
 * counts and presence members, asked of the channel adapter.
 */
import type { Request, Response } from 'express';
import { channelNameError, isPresenceChannel } from '../../pusher-limits';
import type { HttpApiDeps } from './api-deps';
import { authenticate } from './authenticate';
import { HttpError } from './errors';
import { parseInfo } from './validation';

/** Handler of GET /channels: occupied channels, optionally filtered by prefix, with counts on request. */
export function channelsHandler(deps: HttpApiDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const { query } = authenticate(req, deps.app, deps.log);
    const prefix = query.get('filter_by_prefix') ?? '';
    const info = parseInfo(query.get('info'));
    if (info.has('user_count') && !prefix.startsWith('presence-')) {
      throw new HttpError(400, 'info=user_count is only supported together with filter_by_prefix=presence-');
    }
    const channels: Record<string, Record<string, number>> = {};
    for (const [name, counts] of await deps.adapter.channels()) {
      if (!name.startsWith(prefix)) continue;
      const attributes: Record<string, number> = {};
      if (info.has('user_count') && counts.userCount !== undefined) attributes.user_count = counts.userCount;
      if (info.has('subscription_count')) attributes.subscription_count = counts.subscriptionCount;
      channels[name] = attributes;
    }
    res.status(200).json({ channels });
  };
}

/** Handler of GET /channels/:channel: `occupied` plus the requested counts. */
export function channelHandler(deps: HttpApiDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const { query } = authenticate(req, deps.app, deps.log);
    const channel = validChannelParam(req);
    const info = parseInfo(query.get('info'));
    if (info.has('user_count') && !isPresenceChannel(channel)) {
      throw new HttpError(400, `Cannot retrieve the user count unless the channel is a presence channel (${channel})`);
    }
    const subscriptionCount = await deps.adapter.subscriptionCount(channel);
    const result: Record<string, boolean | number> = { occupied: subscriptionCount > 0 };
    if (info.has('user_count')) result.user_count = await deps.adapter.userCount(channel);
    if (info.has('subscription_count')) result.subscription_count = subscriptionCount;
    res.status(200).json(result);
  };
}

/** Handler of GET /channels/:channel/users: the ids of a presence channel's members. */
export function usersHandler(deps: HttpApiDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    authenticate(req, deps.app, deps.log);
    const channel = validChannelParam(req);
    if (!isPresenceChannel(channel)) {
      throw new HttpError(400, `Users can only be retrieved for presence channels (${channel})`);
    }
    const { ids } = await deps.adapter.presence(channel);
    res.status(200).json({ users: ids.map((id) => ({ id })) });
  };
}

function validChannelParam(req: Request): string {
  const channel = String(req.params.channel);
  const nameError = channelNameError(channel);
  if (nameError) throw new HttpError(400, nameError);
  return channel;
}

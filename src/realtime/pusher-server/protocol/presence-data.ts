/**
 * Reads the `channel_data` of a presence subscription (the JSON text the auth endpoint signed)
 * into a member, enforcing Pusher's presence limits on user ids and user_info.
 */
import { LIMITS } from '../../pusher-limits';
import type { PresenceMember } from '../adapter/channel-adapter';
import { isRecord } from './messages';

/** Returns the member, or the error message to send to the client. */
export function parsePresenceData(channelData: string): PresenceMember | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(channelData);
  } catch {
    return 'Invalid presence channel_data: not valid JSON';
  }
  if (!isRecord(parsed)) return 'Invalid presence channel_data: expected a JSON object';
  const rawId = parsed.user_id;
  if ((typeof rawId !== 'string' && typeof rawId !== 'number') || String(rawId).length === 0) {
    return 'Invalid presence channel_data: user_id must be a non-empty string or number';
  }
  const userId = String(rawId);
  if (userId.length > LIMITS.maxPresenceUserIdLength) {
    return `Invalid presence channel_data: user_id longer than ${LIMITS.maxPresenceUserIdLength} characters`;
  }
  const userInfo = parsed.user_info === undefined ? null : parsed.user_info;
  if (Buffer.byteLength(JSON.stringify(userInfo)) > LIMITS.maxPresenceUserInfoBytes) {
    return `Invalid presence channel_data: user_info larger than ${LIMITS.maxPresenceUserInfoBytes} bytes`;
  }
  return { userId, userInfo };
}

/**
 * Channel names of the original contract: `{hotel}-stocktakes` for a
 * hotel's list and `{hotel}-stocktake-{id}` for one stocktake. Names are
 * stored without the optional `private-` prefix, which only the Pusher side
 * adds (PUSHER_CHANNEL_PREFIX).
 */
export type ChannelScope = 'list' | 'detail';

export function listChannel(hotel: string): string {
  return `${hotel}-stocktakes`;
}

export function detailChannel(hotel: string, stocktakeId: number): string {
  return `${hotel}-stocktake-${stocktakeId}`;
}

export function channelFor(scope: ChannelScope, hotel: string, stocktakeId: number): string {
  return scope === 'list' ? listChannel(hotel) : detailChannel(hotel, stocktakeId);
}

/** A channel name read back: its family, hotel and stocktake, and the Pusher prefix it was written with. */
export type ParsedChannel = { prefix: ChannelPrefix; name: string; hotel: string } & (
  { scope: 'list' } | { scope: 'detail'; stocktakeId: number }
);

/** '' for public channels; 'private-' or 'presence-' when Pusher must authorize subscribers. */
type ChannelPrefix = '' | 'private-' | 'presence-';

/** The Pusher prefixes in effect: PUSHER_CHANNEL_PREFIX for lists, and for details `presence-` in presence mode. */
export interface ChannelPrefixes {
  list: '' | 'private-';
  detail: ChannelPrefix;
}

/** A stored channel name as Pusher knows it, with the prefix of its family. */
export function pusherChannelName(name: string, prefixes: ChannelPrefixes): string {
  return `${DETAIL.test(name) ? prefixes.detail : prefixes.list}${name}`;
}

const LIST = /^(.+)-stocktakes$/;
const DETAIL = /^(.+)-stocktake-([1-9]\d{0,9})$/;

/** Reads a channel name, with or without the `private-` or `presence-` prefix; null when it is not one of ours. */
export function parseChannel(written: string): ParsedChannel | null {
  const prefix: ChannelPrefix = written.startsWith('private-')
    ? 'private-'
    : written.startsWith('presence-')
      ? 'presence-'
      : '';
  const name = written.slice(prefix.length);
  const list = LIST.exec(name);
  if (list) return { prefix, name, hotel: list[1]!, scope: 'list' };
  const detail = DETAIL.exec(name);
  if (detail) return { prefix, name, hotel: detail[1]!, scope: 'detail', stocktakeId: Number(detail[2]) };
  return null;
}

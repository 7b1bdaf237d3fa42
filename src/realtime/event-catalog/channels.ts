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

export interface ParsedChannel {
  hotel: string;
  scope: ChannelScope;
  stocktakeId?: number;
}

const LIST = /^(.+)-stocktakes$/;
const DETAIL = /^(.+)-stocktake-([1-9]\d*)$/;

/** Reads a channel name, with or without the `private-` prefix; null when it is not one of ours. */
export function parseChannel(name: string): ParsedChannel | null {
  const bare = name.startsWith('private-') ? name.slice('private-'.length) : name;
  const list = LIST.exec(bare);
  if (list) return { hotel: list[1]!, scope: 'list' };
  const detail = DETAIL.exec(bare);
  if (detail) return { hotel: detail[1]!, scope: 'detail', stocktakeId: Number(detail[2]) };
  return null;
}

export function withoutPrefix(name: string): string {
  return name.startsWith('private-') ? name.slice('private-'.length) : name;
}

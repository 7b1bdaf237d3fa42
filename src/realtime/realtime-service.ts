/**
 * What clients may do with the realtime side, whatever the transport:
 * follow a channel (catch-up from a sequence, then live), read a channel's
 * history (Pusher clients catching up), and, for managers, see and repair
 * Pusher delivery. Every read goes through the channel access policy.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { BadInputError, ForbiddenError, HistoryExpiredError, type CurrentHistory } from '../domain/errors';
import { stocktakeHotels } from '../domain/services/access';
import { pooledSql } from '../persistence/sql';
import { requireRole, type Viewer } from '../domain/viewer';
import { authorizeChannel, readableChannel } from './channel-access';
import { channelStream } from './channel-stream';
import { checkHeldPosition, currentOf, type HeldPosition } from './history-position';
import type { EventBus } from './event-bus';
import { detailChannel, listChannel, parseChannel, type ParsedChannel } from './event-catalog/channels';
import type { DeadLetter, OutboxStore } from './outbox/outbox-store';
import type { StoredEvent } from './outbox/stored-event';
import type { RelayStatus } from './pusher-relay/pusher-relay';

/** The most events one history read returns. */
export const MAX_HISTORY_PAGE = 500;

export interface RelayControl {
  status(hotels: readonly string[]): Promise<RelayStatus>;
  wake(): void;
}

interface RealtimeServiceDeps {
  orm: MikroORM;
  store: OutboxStore;
  bus: EventBus;
  /** The relay to an external Pusher (built before the server, started after it), or the built-in endpoint's stand-in. */
  relay: RelayControl;
  /** Told whenever a subscriber reads missed events back from the outbox (metrics). */
  onGapFill?: () => void;
  /** What replaying stored events costs the subscriber (their budget); free without it. */
  payForReplay?: (viewer: Viewer, events: number, isClosed: () => boolean) => Promise<void>;
}

export class RealtimeService {
  private readonly hotelOfStocktake: ReturnType<typeof stocktakeHotels>;

  constructor(private readonly deps: RealtimeServiceDeps) {
    this.hotelOfStocktake = stocktakeHotels(pooledSql(deps.orm));
  }

  /** A hotel's stocktake list as it changes; with afterSequence, the stored events after it first. */
  async followList(
    viewer: Viewer,
    hotel: string,
    held: HeldPosition = {},
  ): Promise<AsyncIterableIterator<StoredEvent>> {
    const channel = parseChannel(listChannel(hotel));
    if (!channel) throw new BadInputError('hotel', `${hotel} is not a hotel identifier`);
    authorizeChannel(viewer, channel);
    return this.follow(viewer, channel, held);
  }

  /** One stocktake as it changes; ids of other hotels' stocktakes are NOT_FOUND. */
  async followStocktake(
    viewer: Viewer,
    stocktakeId: number,
    held: HeldPosition = {},
  ): Promise<AsyncIterableIterator<StoredEvent>> {
    checkAfterSequence(held.afterSequence);
    const hotel = await this.hotelOfStocktake(viewer, stocktakeId, 'staff');
    const channel = parseChannel(detailChannel(hotel, stocktakeId))!;
    authorizeChannel(viewer, channel);
    return this.follow(viewer, channel, held);
  }

  /**
   * Up to `limit` events of a channel after `afterSequence` (of `epoch`, when the client gives it), for
   * clients catching up on what Pusher delivered.
   */
  async history(
    viewer: Viewer,
    channelName: string,
    afterSequence: number,
    limit: number,
    epoch?: string | null,
  ): Promise<StoredEvent[]> {
    checkAfterSequence(afterSequence);
    checkPageLimit(limit);
    const channel = readableChannel(viewer, channelName);
    const history = await this.deps.store.history(channel.name);
    checkHeldPosition(channel.name, { afterSequence, epoch }, history);
    const events = await this.deps.store.eventsAfter(channel.name, afterSequence, limit);
    const first = events[0];
    // Restored between the check and the read: the page belongs to an epoch the client does not hold.
    if (first && epoch != null && first.epoch !== epoch) {
      throw HistoryExpiredError.otherEpoch(channel.name, epoch, await this.current(channel.name));
    }
    // Pruned between the check and the read: never hand out a page with a hole at its start.
    if (first && first.sequence !== afterSequence + 1) {
      throw HistoryExpiredError.pruned(channel.name, afterSequence, {
        ...(await this.current(channel.name)),
        oldestSequence: first.sequence,
      });
    }
    return events;
  }

  private async current(channel: string): Promise<CurrentHistory> {
    return currentOf(await this.deps.store.history(channel));
  }

  /** Pusher delivery of the hotels the viewer manages. */
  relayStatus(viewer: Viewer): Promise<RelayStatus> {
    const managed = [...viewer.hotels].filter(([, role]) => role === 'manager').map(([hotel]) => hotel);
    if (managed.length === 0) throw new ForbiddenError('Only managers can see the relay status');
    return this.deps.relay.status(managed);
  }

  deadLetters(viewer: Viewer, hotel: string, limit: number): Promise<DeadLetter[]> {
    checkPageLimit(limit);
    requireRole(viewer, hotel, 'manager');
    return this.deps.store.deadLetters(hotel, limit);
  }

  /** Sends a hotel's dead letters again (slim where later events were delivered since); returns how many. */
  async requeueDeadLetters(viewer: Viewer, hotel: string): Promise<number> {
    requireRole(viewer, hotel, 'manager');
    const requeued = await this.deps.store.requeueDeadLetters(hotel);
    if (requeued > 0) this.deps.relay.wake();
    return requeued;
  }

  private async follow(
    viewer: Viewer,
    channel: ParsedChannel,
    held: HeldPosition,
  ): Promise<AsyncIterableIterator<StoredEvent>> {
    const { afterSequence, epoch } = held;
    checkAfterSequence(afterSequence);
    let startEpoch: string | undefined;
    if (afterSequence != null || epoch != null) {
      const history = await this.deps.store.history(channel.name);
      checkHeldPosition(channel.name, held, history);
      if (afterSequence != null) startEpoch = history.epoch;
    }
    return channelStream({
      store: this.deps.store,
      bus: this.deps.bus,
      channel: channel.name,
      afterSequence,
      epoch: startEpoch,
      onGapFill: this.deps.onGapFill,
      payForReplay: this.deps.payForReplay
        ? (events, isClosed) => this.deps.payForReplay!(viewer, events, isClosed)
        : undefined,
    });
  }
}

function checkPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_PAGE)
    throw new BadInputError('limit', `limit must be between 1 and ${MAX_HISTORY_PAGE} (it is ${limit})`);
}

function checkAfterSequence(afterSequence: number | null | undefined): void {
  if (afterSequence != null && afterSequence < 0)
    throw new BadInputError('afterSequence', 'afterSequence must be 0 or more');
}

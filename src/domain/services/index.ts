import type { UnitOfWork } from '../unit-of-work';
import { HotelService } from './hotel-service';
import { LineLockService } from './line-locks';
import { LineService } from './line-service';
import { PresenceService } from './presence-service';
import { StockItemService } from './stock-item-service';
import { StocktakeService } from './stocktake-service';

export interface Services {
  hotels: HotelService;
  stocktakes: StocktakeService;
  lines: LineService;
  items: StockItemService;
  locks: LineLockService;
  presence: PresenceService;
}

/** How long presences and editing locks last without renewal, and how many locks a user may hold (docs/collaboration.md). */
interface CollaborationTimeouts {
  presenceHeartbeatMs: number;
  lineLockTtlMs: number;
  /** How many editing locks one user may hold on one stocktake (1 unless set). */
  lineLocksPerUser?: number;
  /** How many presence sessions one user may hold at once, over every stocktake and instance (unbounded unless set). */
  presenceSessionsPerUser?: number;
}

export function createServices(unitOfWork: UnitOfWork, timeouts: CollaborationTimeouts): Services {
  return {
    locks: new LineLockService(unitOfWork, timeouts.lineLockTtlMs, timeouts.lineLocksPerUser),
    presence: new PresenceService(unitOfWork, timeouts.presenceHeartbeatMs, timeouts.presenceSessionsPerUser),
    hotels: new HotelService(),
    stocktakes: new StocktakeService(unitOfWork),
    lines: new LineService(unitOfWork),
    items: new StockItemService(unitOfWork),
  };
}

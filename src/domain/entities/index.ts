export { Hotel } from './Hotel';
export { StockCategory, CATEGORY_CODES, type CategoryCode } from './StockCategory';
export { StockItem } from './StockItem';
export { Stocktake, StocktakeStatus } from './Stocktake';
export { StocktakeLine } from './StocktakeLine';
export { LineHistoryEntry, LineChangeKind } from './LineHistoryEntry';
export { StockMovement, MovementType } from './StockMovement';
export { IdempotencyRecord, InstanceLiveness, LineLock, PresenceSession } from './collaboration';

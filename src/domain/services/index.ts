import type { UnitOfWork } from '../unit-of-work';
import { LineService } from './line-service';
import { StockItemService } from './stock-item-service';
import { StocktakeService } from './stocktake-service';

export interface Services {
  stocktakes: StocktakeService;
  lines: LineService;
  items: StockItemService;
}

export function createServices(unitOfWork: UnitOfWork): Services {
  return {
    stocktakes: new StocktakeService(unitOfWork),
    lines: new LineService(unitOfWork),
    items: new StockItemService(unitOfWork),
  };
}

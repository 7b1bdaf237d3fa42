import type { UnitOfWork } from '../unit-of-work';
import { HotelService } from './hotel-service';
import { LineService } from './line-service';
import { StockItemService } from './stock-item-service';
import { StocktakeService } from './stocktake-service';

export interface Services {
  hotels: HotelService;
  stocktakes: StocktakeService;
  lines: LineService;
  items: StockItemService;
}

export function createServices(unitOfWork: UnitOfWork): Services {
  return {
    hotels: new HotelService(),
    stocktakes: new StocktakeService(unitOfWork),
    lines: new LineService(unitOfWork),
    items: new StockItemService(unitOfWork),
  };
}

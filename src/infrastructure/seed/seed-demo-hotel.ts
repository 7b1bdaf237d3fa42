/**
 * The demo hotel: a realistic bar catalogue with opening stock, so that a
 * stocktake populated on a fresh install has something to count. Safe to
 * run twice: an existing demo hotel is left as it is.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Hotel, MovementType, StockCategory, StockItem, StockMovement } from '../../domain/entities';
import type { Logger } from '../logger';
import { DEMO_HOTEL, DEMO_ITEMS } from './demo-catalogue';

/** Opening stock is dated well before any period a demo user will create. */
const OPENING_STOCK_AT = new Date('2025-01-01T00:00:00.000Z');

export async function seedDemoHotel(orm: MikroORM, log: Logger): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    if (await em.findOne(Hotel, { identifier: DEMO_HOTEL.identifier })) {
      log.info({ hotel: DEMO_HOTEL.identifier }, 'demo hotel already present; nothing to seed');
      return false;
    }
    const hotel = em.create(Hotel, {
      identifier: DEMO_HOTEL.identifier,
      name: DEMO_HOTEL.name,
      timeZone: DEMO_HOTEL.timeZone,
    });
    for (const demo of DEMO_ITEMS) {
      const item = em.create(StockItem, {
        hotel,
        sku: demo.sku,
        name: demo.name,
        category: em.getReference(StockCategory, demo.sku[0] as StockCategory['code']),
        size: demo.size,
        sizeValue: demo.sizeValue,
        sizeUnit: demo.sizeUnit,
        uom: demo.uom,
        unitCost: demo.unitCost,
        menuPrice: demo.menuPrice,
        active: demo.active,
      });
      if (demo.openingServings !== '0.0000') {
        em.create(StockMovement, {
          hotel,
          item,
          movementType: MovementType.PURCHASE,
          quantity: demo.openingServings,
          reference: 'Opening stock',
          timestamp: OPENING_STOCK_AT,
        });
      }
    }
    await em.flush();
    log.info({ hotel: DEMO_HOTEL.identifier, items: DEMO_ITEMS.length }, 'demo hotel seeded');
    return true;
  });
}

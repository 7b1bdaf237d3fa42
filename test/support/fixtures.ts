/**
 * A small, known catalogue for tests: the worked example's Guinness keg,
 * a spirit, bottled beer and minerals by the dozen, an inactive item that
 * still holds stock and one that does not, and a second hotel whose data
 * must stay invisible to the first hotel's users.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Hotel, MovementType, StockCategory, StockItem, StockMovement } from '../../src/domain/entities';

export const HOTEL = 'hotel-killarney';
export const OTHER_HOTEL = 'hotel-galway';

/** Stock bought before any test period: the opening balance of the worked example. */
export const BEFORE_PERIODS = new Date('2025-01-15T12:00:00.000Z');

interface FixtureItem {
  sku: string;
  name: string;
  size: string;
  uom: string;
  unitCost: string;
  active?: boolean;
  openingServings?: string;
}

export const ITEMS: readonly FixtureItem[] = [
  { sku: 'B0070', name: 'Heineken 330ml', size: 'Doz', uom: '12.00', unitCost: '18.0000', openingServings: '30.0000' },
  { sku: 'D0030', name: 'Guinness', size: '50Lt', uom: '88.00', unitCost: '220.0000', openingServings: '88.0000' },
  { sku: 'D0040', name: 'Heineken Keg', size: '30Lt', uom: '52.80', unitCost: '130.0000' },
  {
    sku: 'M0010',
    name: 'Schweppes Tonic 200ml',
    size: 'Doz',
    uom: '12.00',
    unitCost: '9.6000',
    openingServings: '24.0000',
  },
  { sku: 'S0010', name: 'Jameson', size: '70cl', uom: '20.00', unitCost: '24.5000', openingServings: '40.0000' },
  {
    sku: 'S0020',
    name: 'Old Gin (discontinued)',
    size: '70cl',
    uom: '20.00',
    unitCost: '20.0000',
    active: false,
    openingServings: '10.0000',
  },
  { sku: 'W0010', name: 'Retired House Red', size: '75cl', uom: '5.00', unitCost: '6.0000', active: false },
];

export async function seedFixtures(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  for (const identifier of [HOTEL, OTHER_HOTEL]) {
    const hotel = em.create(Hotel, { identifier, name: identifier === HOTEL ? 'Hotel Killarney' : 'Hotel Galway' });
    for (const fixture of identifier === HOTEL ? ITEMS : ITEMS.slice(1, 2)) {
      const item = em.create(StockItem, {
        hotel,
        sku: fixture.sku,
        name: fixture.name,
        category: em.getReference(StockCategory, fixture.sku[0] as StockCategory['code']),
        size: fixture.size,
        uom: fixture.uom,
        unitCost: fixture.unitCost,
        active: fixture.active ?? true,
      });
      if (fixture.openingServings) {
        em.create(StockMovement, {
          hotel,
          item,
          movementType: MovementType.PURCHASE,
          quantity: fixture.openingServings,
          reference: 'Opening stock',
          timestamp: BEFORE_PERIODS,
        });
      }
    }
  }
  await em.flush();
}

/**
 * What a manager checks when maintaining the hotel's catalogue over HTTP:
 * items come back by category then SKU, can be narrowed to a category or
 * found by a piece of SKU or name (any case), retired items show only when
 * asked for; a new item takes its category from the SKU letter and its
 * decimals come back in fixed formats; a price change moves the cost per
 * serving, and a deactivated item leaves the default list.
 *
 * Each describe block has an app of its own (a fresh database with the
 * fixtures); a block whose tests read or change added items creates them in
 * its beforeAll, so no test depends on items another test added or changed.
 */
import {
  CreateStockItemDocument,
  StockItemsDocument,
  UpdateStockItemDocument,
  type CreateStockItemInput,
  type StockItemFieldsFragment,
} from './__generated__/graphql';
import { HOTEL } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

/** The Budweiser keg of the adding test: 50 litres, 88 pints at 220, so 2.50 a pint. */
const BUDWEISER_KEG = {
  sku: 'D0010',
  name: 'Budweiser',
  size: '50Lt',
  sizeValue: '50',
  sizeUnit: 'L',
  uom: '88',
  unitCost: '220',
  menuPrice: '6.2',
};
/** The case of minerals of the adding test, with only the required fields. */
const GINGER_ALE = { sku: 'M0005', name: 'Fever-Tree Ginger Ale', size: 'Doz', uom: '12', unitCost: '10.8' };

async function createItem(t: TestApp, input: CreateStockItemInput): Promise<StockItemFieldsFragment> {
  return ok(await t.graphql(CreateStockItemDocument, { hotel: HOTEL, input })).createStockItem;
}

interface ListFilter {
  category?: string;
  search?: string;
  includeInactive?: boolean;
}

async function listItems(t: TestApp, filter: ListFilter = {}): Promise<readonly StockItemFieldsFragment[]> {
  const listed = await t.graphql(StockItemsDocument, { hotel: HOTEL, ...filter });
  expect(listed.errors).toBeUndefined();
  return listed.data!.stockItems;
}

const skus = (items: readonly StockItemFieldsFragment[]) => items.map((item) => item.sku);

describe('adding items', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a keg: category from the SKU letter, decimals in fixed formats, cost per serving derived', async () => {
    const created = await t.graphql(CreateStockItemDocument, { hotel: HOTEL, input: BUDWEISER_KEG });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStockItem).toEqual({
      id: expect.stringMatching(/^\d+$/),
      sku: 'D0010',
      name: 'Budweiser',
      categoryCode: 'D',
      categoryName: 'Draught Beer',
      size: '50Lt',
      sizeValue: '50.00',
      sizeUnit: 'L',
      uom: '88.00',
      unitCost: '220.0000',
      costPerServing: '2.5000',
      menuPrice: '6.20',
      active: true,
    });
  });

  it('creates a case of minerals with only the required fields', async () => {
    const created = await t.graphql(CreateStockItemDocument, { hotel: HOTEL, input: GINGER_ALE });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStockItem).toMatchObject({
      sku: 'M0005',
      categoryCode: 'M',
      categoryName: 'Minerals & Syrups',
      sizeValue: null,
      sizeUnit: '',
      uom: '12.00',
      unitCost: '10.8000',
      costPerServing: '0.9000',
      menuPrice: null,
      active: true,
    });
  });
});

describe('listing items', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The fixtures and the two items of the adding tests.
    await createItem(t, BUDWEISER_KEG);
    await createItem(t, GINGER_ALE);
  });
  afterAll(() => t.close());
  const list = (filter?: ListFilter) => listItems(t, filter);

  it('lists active items by category, then SKU (new items take their place, not the end)', async () => {
    expect(skus(await list())).toEqual(['B0070', 'D0010', 'D0030', 'D0040', 'M0005', 'M0010', 'S0010']);
  });

  it('includes retired items only when asked', async () => {
    const all = await list({ includeInactive: true });
    expect(all.map((item) => [item.sku, item.active])).toEqual([
      ['B0070', true],
      ['D0010', true],
      ['D0030', true],
      ['D0040', true],
      ['M0005', true],
      ['M0010', true],
      ['S0010', true],
      ['S0020', false],
      ['W0010', false],
    ]);
  });

  it('narrows to one category', async () => {
    expect(skus(await list({ category: 'D' }))).toEqual(['D0010', 'D0030', 'D0040']);
    expect(skus(await list({ category: 'S' }))).toEqual(['S0010']);
    expect(skus(await list({ category: 'S', includeInactive: true }))).toEqual(['S0010', 'S0020']);
    expect(skus(await list({ category: 'W' }))).toEqual([]);
    expect(skus(await list({ category: 'W', includeInactive: true }))).toEqual(['W0010']);
  });

  it('finds items by part of the SKU or the name, in any case', async () => {
    expect(skus(await list({ search: 'heineken' }))).toEqual(['B0070', 'D0040']);
    expect(skus(await list({ search: 'JAM' }))).toEqual(['S0010']);
    expect(skus(await list({ search: 'd00' }))).toEqual(['D0010', 'D0030', 'D0040']);
    expect(skus(await list({ search: 'Ginger' }))).toEqual(['M0005']);
    expect(skus(await list({ search: 'heineken', category: 'D' }))).toEqual(['D0040']);
    expect(skus(await list({ search: 'old gin' }))).toEqual([]);
    expect(skus(await list({ search: 'old gin', includeInactive: true }))).toEqual(['S0020']);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect(skus(await list({ search: '%' }))).toEqual([]);
    expect(skus(await list({ search: '_' }))).toEqual([]);
  });
});

describe('changing items', () => {
  let t: TestApp;
  let budweiserKegId: string;
  let coorsKegId: string;
  beforeAll(async () => {
    t = await startTestApp();
    // Two kegs, both in the list before either test runs: one has its cost changed, the other is deactivated.
    budweiserKegId = (await createItem(t, BUDWEISER_KEG)).id;
    coorsKegId = (await createItem(t, { ...BUDWEISER_KEG, sku: 'D0020', name: 'Coors Light' })).id;
  });
  afterAll(() => t.close());
  const list = (filter?: ListFilter) => listItems(t, filter);

  it('changes the cost of a keg; the cost per serving follows', async () => {
    const updated = await t.graphql(UpdateStockItemDocument, { id: budweiserKegId, input: { unitCost: '237.6' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateStockItem).toMatchObject({
      id: budweiserKegId,
      sku: 'D0010',
      name: 'Budweiser',
      uom: '88.00',
      unitCost: '237.6000',
      costPerServing: '2.7000',
      menuPrice: '6.20',
      active: true,
    });
  });

  it('deactivates an item with active: false; it then leaves the default list', async () => {
    const retired = await t.graphql(UpdateStockItemDocument, { id: coorsKegId, input: { active: false } });
    expect(retired.errors).toBeUndefined();
    expect(retired.data!.updateStockItem).toMatchObject({ sku: 'D0020', active: false, unitCost: '220.0000' });
    expect(skus(await list({ category: 'D' }))).toEqual(['D0010', 'D0030', 'D0040']);
    expect((await list({ category: 'D', includeInactive: true })).map((item) => [item.sku, item.active])).toEqual([
      ['D0010', true],
      ['D0020', false],
      ['D0030', true],
      ['D0040', true],
    ]);
  });
});

/** A hotel's catalogue: listing, adding and changing items (deactivating is `active: false`). */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CATEGORY_CODES, StockCategory, StockItem, type CategoryCode } from '../entities';
import { BadInputError, NotFoundError } from '../errors';
import type { UnitOfWork } from '../unit-of-work';
import { compareFixed, parseFixed } from '../fixed-point';
import { valuationCost } from '../line-calculations';
import { PRICE, TEXT_LIMITS, UNIT_COST, UOM, checkCategory, checkDecimal, checkText } from '../validation';
import { actorOf, authorize, type Viewer } from '../viewer';
import { describeItem, type StockItemView } from '../views';
import { hotelFor } from './access';

interface StockItemFilter {
  category?: string | null;
  search?: string | null;
  includeInactive?: boolean | null;
}

export interface StockItemInput {
  sku?: string | null;
  name?: string | null;
  size?: string | null;
  sizeValue?: string | null;
  sizeUnit?: string | null;
  uom?: string | null;
  unitCost?: string | null;
  menuPrice?: string | null;
  active?: boolean | null;
}

const SKU_PATTERN = /^[DBSWM][A-Za-z0-9_-]{1,49}$/;

export class StockItemService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async list(
    em: EntityManager,
    viewer: Viewer,
    hotelIdentifier: string,
    filter: StockItemFilter,
  ): Promise<StockItemView[]> {
    const category = filter.category ? checkCategory('category', filter.category) : undefined;
    // A bounded term keeps the ILIKE below linear in the hotel's items (docs/operations.md, "Text lengths").
    const search = filter.search == null ? '' : checkText('search', filter.search, TEXT_LIMITS.search);
    const hotel = await hotelFor(em, viewer, hotelIdentifier, 'staff');
    const items = await em.find(
      StockItem,
      {
        hotel,
        ...(category ? { category: { code: category } } : {}),
        ...(filter.includeInactive ? {} : { active: true }),
        ...(search
          ? { $or: [{ sku: { $ilike: `%${escapeLike(search)}%` } }, { name: { $ilike: `%${escapeLike(search)}%` } }] }
          : {}),
      },
      { populate: ['category'], orderBy: { category: { code: 'asc' }, sku: 'asc' } },
    );
    return items.map((item) => describeItem(item, item.category.getEntity()));
  }

  create(viewer: Viewer, hotelIdentifier: string, input: StockItemInput): Promise<StockItemView> {
    const sku = checkText('sku', input.sku ?? '', TEXT_LIMITS.sku, { required: true, singleLine: true });
    if (!SKU_PATTERN.test(sku)) {
      throw new BadInputError(
        'sku',
        `sku must start with a category letter (${CATEGORY_CODES.join(', ')}) followed by letters or digits`,
      );
    }
    const fields = checkItemFields(input, true);
    checkCostPerServing(fields.unitCost!, fields.uom!, 'unitCost');
    return this.unitOfWork.run(actorOf(viewer), async (em) => {
      const hotel = await hotelFor(em, viewer, hotelIdentifier, 'manager');
      const category = await em.findOneOrFail(StockCategory, { code: sku[0] as CategoryCode });
      const item = em.create(StockItem, { hotel, category, sku, ...fields } as StockItem);
      await flushUnique(em, sku);
      return describeItem(item, category);
    });
  }

  update(viewer: Viewer, id: number, input: StockItemInput): Promise<StockItemView> {
    if (input.sku != null) throw new BadInputError('sku', 'sku cannot be changed; create a new item instead');
    const fields = checkItemFields(input, false);
    return this.unitOfWork.run(actorOf(viewer), async (em) => {
      const item = await em.findOne(StockItem, { id }, { populate: ['hotel', 'category'] });
      if (!item) throw new NotFoundError('StockItem', id);
      const hotel = item.hotel.getEntity().identifier;
      authorize(viewer, { hotel, role: 'manager', record: { entity: 'StockItem', id: String(id) } });
      checkCostPerServing(
        fields.unitCost ?? item.unitCost,
        fields.uom ?? item.uom,
        fields.unitCost !== undefined ? 'unitCost' : 'uom',
      );
      em.assign(item, fields);
      await em.flush();
      return describeItem(item, item.category.getEntity());
    });
  }
}

/** Lines value servings at unit cost ÷ uom (numeric(10,4)): the pair must give a cost per serving that fits. */
function checkCostPerServing(unitCost: string, uom: string, field: 'unitCost' | 'uom'): void {
  if (compareFixed(parseFixed(valuationCost(unitCost, uom)), parseFixed(MAX_COST_PER_SERVING)) >= 0) {
    throw new BadInputError(field, `unitCost ÷ uom must be below ${MAX_COST_PER_SERVING} per serving`);
  }
}

const MAX_COST_PER_SERVING = '1000000';

function checkItemFields(input: StockItemInput, creating: boolean): Partial<StockItem> {
  const fields: Partial<StockItem> = {};
  const required = (field: 'name' | 'size' | 'uom' | 'unitCost') => {
    if (creating && input[field] == null) throw new BadInputError(field, `${field} is required`);
    return input[field] != null;
  };
  if (required('name'))
    fields.name = checkText('name', input.name!, TEXT_LIMITS.itemName, { required: true, singleLine: true });
  if (required('size'))
    fields.size = checkText('size', input.size!, TEXT_LIMITS.size, { required: true, singleLine: true });
  if (required('uom')) fields.uom = checkDecimal('uom', input.uom!, UOM);
  if (required('unitCost')) fields.unitCost = checkDecimal('unitCost', input.unitCost!, UNIT_COST);
  if (input.sizeValue !== undefined)
    fields.sizeValue = input.sizeValue === null ? null : checkDecimal('sizeValue', input.sizeValue, UOM);
  if (input.sizeUnit != null)
    fields.sizeUnit = checkText('sizeUnit', input.sizeUnit, TEXT_LIMITS.sizeUnit, { singleLine: true });
  if (input.menuPrice !== undefined)
    fields.menuPrice = input.menuPrice === null ? null : checkDecimal('menuPrice', input.menuPrice, PRICE);
  if (input.active != null) fields.active = input.active;
  return fields;
}

async function flushUnique(em: EntityManager, sku: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw new BadInputError('sku', `An item with sku ${sku} already exists`);
    throw error;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

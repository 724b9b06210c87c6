import type { IndexPartition, ItemKey } from './attributes';

/**
 * Dispatch orders, with an item per unit named (lead or co) in the order's partition; in number order
 * (`sortKey`): GSI1 all, GSI2 those naming a unit (through the unit items). A counter per year gives
 * out the numbers.
 */
export const dispatchOrderKeys = {
  item: (id: string): ItemKey => ({ pk: `DORDER#${id}`, sk: 'DORDER' }),
  /** A unit named in a dispatch order (lead or co), so the unit's order list finds it. */
  unit: (orderId: string, unitId: string): ItemKey => ({ pk: `DORDER#${orderId}`, sk: `UNIT#${unitId}` }),
  /** The last dispatch order number given out in a year. */
  counter: (year: string): ItemKey => ({ pk: 'COUNTER#DISPATCH_ORDER', sk: `YEAR#${year}` }),
  all: (sortKey?: string): IndexPartition => ({ index: 'GSI1', partition: 'DORDER', sort: sortKey }),
  byUnit: (unitId: string, sortKey?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `DORDER#UNIT#${unitId}`,
    sort: sortKey,
  }),
};

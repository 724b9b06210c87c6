import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Dispatch orders, with an item per unit named (lead or co) in the order's partition; in number order
 * (`sortKey`): GSI1 all, GSI2 those naming a unit (through the unit items). A counter per year gives
 * out the numbers. A claim item per program day names the office's order of that day. An office
 * order's lines are items of their own in its partition; their sort keys fall between the order
 * item's (`DORDER`) and the unit items' (`UNIT#…`), so one key range reads the order with its lines.
 */
export const dispatchOrderKeys = {
  item: (id: string): ItemKey => ({ pk: `DORDER#${id}`, sk: 'DORDER' }),
  /** A line of an office order, in decision order (the instant, then the issue: the same issue may come twice a day). */
  line: (orderId: string, at: string, issueId: string): ItemKey => ({
    pk: `DORDER#${orderId}`,
    sk: `LINE#${at}#${issueId}`,
  }),
  /** The order item and its line items, in that order (`$` sorts right after `#`: every `LINE#` key and no `UNIT#`). */
  withLines: (orderId: string) => ({
    partition: `DORDER#${orderId}`,
    sortBetween: { from: 'DORDER', to: 'LINE$' },
  }),
  /** The line items of an order, in decision order. */
  linesOf: (orderId: string): KeyRange => ({ partition: `DORDER#${orderId}`, sortPrefix: 'LINE#' }),
  /** A unit named in a dispatch order (lead or co), so the unit's order list finds it. */
  unit: (orderId: string, unitId: string): ItemKey => ({ pk: `DORDER#${orderId}`, sk: `UNIT#${unitId}` }),
  /** The last dispatch order number given out in a year. */
  counter: (year: string): ItemKey => ({ pk: 'COUNTER#DISPATCH_ORDER', sk: `YEAR#${year}` }),
  /** The claim naming the office's dispatch order of a program day. */
  officeDay: (date: string): ItemKey => ({ pk: `UNIQUE#OFFICE_DISPATCH_ORDER#${date}`, sk: 'UNIQUE' }),
  all: (sortKey?: string): IndexPartition => ({ index: 'GSI1', partition: 'DORDER', sort: sortKey }),
  byUnit: (unitId: string, sortKey?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `DORDER#UNIT#${unitId}`,
    sort: sortKey,
  }),
};

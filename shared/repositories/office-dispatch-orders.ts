import { tableNames } from '../config';
import { dispatchOrderKeys } from '../db/keys';
import { getRecord, type TransactItem } from '../db/records';
import { unitItemPuts } from './dispatch-order-writes';
import type { DispatchOrderHeader, DispatchOrderLine } from './records/dispatch-orders';

/*
 * The office's dispatch order of a program day (交办单): every escalation and re-dispatch the office
 * makes that day joins it. A claim item per day names the order, so concurrent first dispatches of
 * the day agree on one order and exactly one of them creates it. Its lines are items of their own in
 * the order's partition (`LINE#<at>#<issue>`), so a line costs the same however many the day holds.
 */

/** The id of the office's order of `date`, once the day's first dispatch created it. */
export const findOfficeOrderIdOn = async (date: string): Promise<string | undefined> =>
  (await getRecord<{ ownerId: string }>(dispatchOrderKeys.officeDay(date)))?.ownerId;

/** The claim that makes `orderId` the day's order, for the transaction that creates the order. */
export const officeOrderClaimPut = (date: string, orderId: string): TransactItem => ({
  Put: {
    TableName: tableNames.program,
    Item: { ...dispatchOrderKeys.officeDay(date), entity: 'uniqueClaim', ownerId: orderId },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A line as an item of its own, keyed by its instant so that the order reads its lines in decision order. */
export const officeOrderLinePut = (orderId: string, line: DispatchOrderLine, at: string): TransactItem => ({
  Put: {
    TableName: tableNames.program,
    Item: {
      ...dispatchOrderKeys.line(orderId, at, line.issueId),
      entity: 'dispatchOrderLine',
      orderId,
      at,
      ...line,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * The writes that add a line to the day's order: the line item alone, which no other decision writes,
 * so concurrent dispatches do not wait on each other. Only a unit the order did not name yet touches
 * the order item: it joins `unitIds` unless a concurrent line added it first (then this dispatch
 * re-reads and tries again), and gets its unit item.
 */
export const officeOrderLineWrites = (
  order: DispatchOrderHeader,
  line: DispatchOrderLine,
  at: string,
  newUnitIds: readonly string[],
): TransactItem[] => {
  const linePut = officeOrderLinePut(order.id, line, at);
  if (newUnitIds.length === 0) return [linePut];
  const unitsAdded: TransactItem = {
    Update: {
      TableName: tableNames.program,
      Key: dispatchOrderKeys.item(order.id),
      UpdateExpression: 'SET #unitIds = list_append(#unitIds, :units)',
      ConditionExpression: newUnitIds.map((_, i) => `NOT contains(#unitIds, :unit${i})`).join(' AND '),
      ExpressionAttributeNames: { '#unitIds': 'unitIds' },
      ExpressionAttributeValues: {
        ':units': newUnitIds,
        ...Object.fromEntries(newUnitIds.map((unitId, i) => [`:unit${i}`, unitId])),
      },
    },
  };
  return [linePut, unitsAdded, ...unitItemPuts(order, newUnitIds)];
};

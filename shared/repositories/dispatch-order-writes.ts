import { tableNames } from '../config';
import { dispatchOrderKeys, indexKeysOf } from '../db/keys';
import type { TransactItem } from '../db/records';
import { dispatchOrderSortKey } from '../domain/dispatch-order-number';
import type { DispatchOrder, DispatchOrderHeader } from './records/dispatch-orders';

/*
 * The writes that create a dispatch order or append a line to the lines kept in its item, for the
 * transaction of the decision the line records (the office's line items: office-dispatch-orders.ts).
 */

/** The unit items of `unitIds`, which list the order for each unit (GSI2). */
export const unitItemPuts = (order: DispatchOrderHeader, unitIds: readonly string[]): TransactItem[] =>
  unitIds.map((unitId) => ({
    Put: {
      TableName: tableNames.program,
      Item: {
        ...dispatchOrderKeys.unit(order.id, unitId),
        entity: 'dispatchOrderUnit',
        ...indexKeysOf(order.id, [
          dispatchOrderKeys.byUnit(unitId, dispatchOrderSortKey(order.year, order.seq)),
        ]),
        orderId: order.id,
        unitId,
      },
    },
  }));

/**
 * The writes that create an order, for the transaction of the decision that first fills it: the year's
 * counter moves from the value read to the order's number only if no other order took a number since,
 * and the order must not exist yet. So numbers are never skipped nor given twice.
 */
export const orderCreationWrites = (order: DispatchOrderHeader): TransactItem[] => [
  {
    Update: {
      TableName: tableNames.program,
      Key: dispatchOrderKeys.counter(String(order.year)),
      UpdateExpression: 'SET #last = :seq',
      ConditionExpression: order.seq === 1 ? 'attribute_not_exists(pk)' : '#last = :previous',
      ExpressionAttributeNames: { '#last': 'last' },
      ExpressionAttributeValues: {
        ':seq': order.seq,
        ...(order.seq === 1 ? {} : { ':previous': order.seq - 1 }),
      },
    },
  },
  {
    Put: {
      TableName: tableNames.program,
      Item: {
        ...dispatchOrderKeys.item(order.id),
        entity: 'dispatchOrder',
        ...indexKeysOf(order.id, [dispatchOrderKeys.all(dispatchOrderSortKey(order.year, order.seq))]),
        ...order,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  ...unitItemPuts(order, order.unitIds),
];

/**
 * The writes that add a line to the lines kept in an order item: appended only if the order is still
 * the version read, so concurrent decisions extend it one after another and none is lost.
 */
export const orderExtensionWrites = (before: DispatchOrder, after: DispatchOrder): TransactItem[] => {
  const newUnitIds = after.unitIds.filter((unitId) => !before.unitIds.includes(unitId));
  return [
    {
      Update: {
        TableName: tableNames.program,
        Key: dispatchOrderKeys.item(before.id),
        UpdateExpression:
          'SET #items = list_append(#items, :lines), #unitIds = list_append(#unitIds, :units), #version = :version, #updatedAt = :at',
        ConditionExpression: '#version = :read',
        ExpressionAttributeNames: {
          '#items': 'items',
          '#unitIds': 'unitIds',
          '#version': 'version',
          '#updatedAt': 'updatedAt',
        },
        ExpressionAttributeValues: {
          ':lines': after.items.slice(before.items.length),
          ':units': newUnitIds,
          ':version': after.version,
          ':at': after.updatedAt,
          ':read': before.version,
        },
      },
    },
    ...unitItemPuts(after, newUnitIds),
  ];
};

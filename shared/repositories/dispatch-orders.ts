import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { dispatchOrderKeys, type ItemKey, indexKeysOf } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { toRecord } from '../db/records';
import { dispatchOrderSortKey } from '../domain/dispatch-order-number';
import type { TransactItem } from './issues';

/** One decided issue in a dispatch order. */
export interface DispatchOrderLine {
  issueId: string;
  leadUnitId: string;
  coUnitIds: string[];
  dueDate: string;
  note: string;
}

/**
 * 交办单, numbered `YYYY-NNNN` without gaps within the year: the decisions of one consultation, or the
 * office's escalations and re-dispatches of one program day (`kind: office`, `date`).
 */
export interface DispatchOrder {
  id: string;
  number: string;
  year: number;
  seq: number;
  /** Orders made before office orders existed are consultation orders. */
  kind?: 'consultation' | 'office';
  consultationId?: string;
  /** The program day of an office order. */
  date?: string;
  items: DispatchOrderLine[];
  /** Every unit named in the order, lead or co: who may read it. */
  unitIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Access patterns: by id (pk); all in number order (GSI1); those naming a unit (GSI2, one unit item per
 * unit in the order's partition); the last number of a year (a counter item).
 */
export const findDispatchOrder = async (orderId: string): Promise<DispatchOrder | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: dispatchOrderKeys.item(orderId),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<DispatchOrder>(Item) : undefined;
};

/** The last order number given out in a year (0 before the first), read just before taking the next. */
export const lastOrderSeq = async (year: number): Promise<number> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: dispatchOrderKeys.counter(String(year)),
      ConsistentRead: true,
    }),
  );
  return typeof Item?.last === 'number' ? Item.last : 0;
};

const unitItemPuts = (order: DispatchOrder, unitIds: readonly string[]): TransactItem[] =>
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
export const orderCreationWrites = (order: DispatchOrder): TransactItem[] => [
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
 * The writes that add a line to an existing order: appended only if the order is still the version
 * read, so concurrent decisions extend it one after another and none is lost.
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

/** Orders by id, in the order asked, skipping any that do not exist; 100 keys to a batch read. */
export const findDispatchOrders = async (orderIds: readonly string[]): Promise<DispatchOrder[]> => {
  const found = new Map<string, DispatchOrder>();
  for (let i = 0; i < orderIds.length; i += 100) {
    let request: Record<string, { Keys: ItemKey[] }> | undefined = {
      [tableNames.program]: { Keys: orderIds.slice(i, i + 100).map((id) => dispatchOrderKeys.item(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[tableNames.program] ?? []) {
        const order = toRecord<DispatchOrder>(item);
        found.set(order.id, order);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return orderIds.flatMap((id) => found.get(id) ?? []);
};

/** Every order, newest number first. */
export const listDispatchOrders = (page: { limit: number; cursor?: string }): Promise<Page<DispatchOrder>> =>
  queryPage<DispatchOrder>({ ...dispatchOrderKeys.all(), ...page, newestFirst: true });

/** The orders naming a unit as lead or co-unit, newest number first (at most 100 per page: one batch read). */
export const listDispatchOrdersOfUnit = async (
  unitId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<DispatchOrder>> => {
  const links = await queryPage<{ orderId: string }>({
    ...dispatchOrderKeys.byUnit(unitId),
    ...page,
    newestFirst: true,
  });
  return {
    items: await findDispatchOrders(links.items.map((link) => link.orderId)),
    nextCursor: links.nextCursor,
  };
};

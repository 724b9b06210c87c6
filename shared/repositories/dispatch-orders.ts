import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { dispatchOrderKeys, type ItemKey } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { toRecord } from '../db/records';
import {
  assembleDispatchOrder,
  type DispatchOrder,
  type DispatchOrderHeader,
  type DispatchOrderLineRecord,
} from './records/dispatch-orders';

export type { DispatchOrder, DispatchOrderHeader, DispatchOrderLine } from './records/dispatch-orders';

/**
 * Access patterns: by id with its lines (one Query of the order's partition); its order item alone
 * (number, units; by key); all in number order (GSI1); those naming a unit (GSI2, one unit item per
 * unit in the order's partition); the last number of a year (a counter item). A list reads, beyond its
 * page, one Query per order on it whose lines are items of their own.
 */
export const findDispatchOrder = async (orderId: string): Promise<DispatchOrder | undefined> => {
  const [header, ...lines] = await queryAll<DispatchOrderHeader | DispatchOrderLineRecord>({
    ...dispatchOrderKeys.withLines(orderId),
    consistent: true,
  });
  return header && assembleDispatchOrder(header as DispatchOrderHeader, lines as DispatchOrderLineRecord[]);
};

/** The order item alone, without the lines kept apart: for what needs its number or units. */
export const findDispatchOrderHeader = async (orderId: string): Promise<DispatchOrderHeader | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: dispatchOrderKeys.item(orderId),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<DispatchOrderHeader>(Item) : undefined;
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

/** Order items with their lines: those kept apart read with one Query per order, side by side. */
const withLines = (headers: readonly DispatchOrderHeader[]): Promise<DispatchOrder[]> =>
  Promise.all(
    headers.map(async (header) =>
      assembleDispatchOrder(
        header,
        header.items ? [] : await queryAll<DispatchOrderLineRecord>(dispatchOrderKeys.linesOf(header.id)),
      ),
    ),
  );

/** Orders by id, in the order asked, skipping any that do not exist; 100 keys to a batch read. */
export const findDispatchOrders = async (orderIds: readonly string[]): Promise<DispatchOrder[]> => {
  const found = new Map<string, DispatchOrderHeader>();
  for (let i = 0; i < orderIds.length; i += 100) {
    let request: Record<string, { Keys: ItemKey[] }> | undefined = {
      [tableNames.program]: { Keys: orderIds.slice(i, i + 100).map((id) => dispatchOrderKeys.item(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[tableNames.program] ?? []) {
        const order = toRecord<DispatchOrderHeader>(item);
        found.set(order.id, order);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return withLines(orderIds.flatMap((id) => found.get(id) ?? []));
};

/** Every order, newest number first. */
export const listDispatchOrders = async (page: {
  limit: number;
  cursor?: string;
}): Promise<Page<DispatchOrder>> => {
  const headers = await queryPage<DispatchOrderHeader>({
    ...dispatchOrderKeys.all(),
    ...page,
    newestFirst: true,
  });
  return { items: await withLines(headers.items), nextCursor: headers.nextCursor };
};

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

import { tableNames } from '../config';
import { dispatchOrderKeys } from '../db/keys';
import { getRecord, type TransactItem } from '../db/records';

/*
 * The office's dispatch order of a program day (交办单): every escalation and re-dispatch the office
 * makes that day joins it. A claim item per day names the order, so concurrent first dispatches of
 * the day agree on one order and exactly one of them creates it.
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

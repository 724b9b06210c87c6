import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { deliveryKeys, indexKeysOf } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { toRecord } from '../db/records';
import type { Channel } from '../domain/notifications/subscriptions';

export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'held' | 'suppressed';

/** One event's delivery to one subscription, and what became of it. */
export interface Delivery {
  id: string;
  eventId: string;
  detailType: string;
  subscriptionId: string;
  /** The owner's key (`unit#<id>`…). */
  owner: string;
  channel: Channel;
  /** Where it went, as operators may read it (phone masked, URL without its token). */
  destination: string;
  status: DeliveryStatus;
  reason?: string;
  attempts: number;
  /** Times the same event came again for this subscription and was not sent again. */
  duplicates?: number;
  title: string;
  text: string;
  heldUntil?: string;
  lastError?: string;
  /** While `sending`: until when this attempt holds the delivery. */
  leaseUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStart = Omit<
  Delivery,
  'status' | 'attempts' | 'createdAt' | 'updatedAt' | 'leaseUntil' | 'reason' | 'heldUntil' | 'lastError'
>;

export type Claim = { claimed: true; delivery: Delivery } | { claimed: false; existing: Delivery };

/**
 * Takes a delivery for one attempt: creates it, or takes it back from `failed`, from `held` once
 * its time has come, or from a `sending` whose holder's lease ran out (it died mid-send). Anything
 * else — sent, suppressed, held for later, or another attempt sending right now — is answered with
 * the stored delivery and nothing is changed: that is how one event never notifies twice.
 */
export const claimDelivery = async (
  start: DeliveryStart,
  now: Date,
  leaseSeconds: number,
): Promise<Claim> => {
  const at = now.toISOString();
  const day = at.slice(0, 10);
  const indexes = indexKeysOf(start.id, [
    deliveryKeys.byDay(day, at, start.id),
    deliveryKeys.byEvent(start.eventId),
  ]);
  const fixed = { ...start, ...indexes, entity: 'notificationDelivery' };
  const names: Record<string, string> = { '#status': 'status', '#attempts': 'attempts' };
  const values: Record<string, unknown> = {
    ':sending': 'sending',
    ':failed': 'failed',
    ':held': 'held',
    ':now': at,
    ':lease': new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
    ':one': 1,
  };
  // Fields that describe the delivery are written on creation only (if_not_exists): a later attempt
  // keeps the day it was first tried, so the day index does not move.
  const sets = Object.entries(fixed).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = if_not_exists(#f${i}, :v${i})`;
  });
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: deliveryKeys.item(start.id),
        UpdateExpression: `SET ${[
          ...sets,
          '#status = :sending',
          '#leaseUntil = :lease',
          '#createdAt = if_not_exists(#createdAt, :now)',
          '#updatedAt = :now',
        ].join(', ')} ADD #attempts :one`,
        ConditionExpression: [
          'attribute_not_exists(pk)',
          '#status = :failed',
          '(#status = :held AND #heldUntil <= :now)',
          '(#status = :sending AND #leaseUntil < :now)',
        ].join(' OR '),
        ExpressionAttributeNames: {
          ...names,
          '#leaseUntil': 'leaseUntil',
          '#heldUntil': 'heldUntil',
          '#createdAt': 'createdAt',
          '#updatedAt': 'updatedAt',
        },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { claimed: true, delivery: toRecord<Delivery>(Attributes ?? {}) };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException && error.Item) {
      const { unmarshall } = await import('@aws-sdk/util-dynamodb');
      return { claimed: false, existing: toRecord<Delivery>(unmarshall(error.Item)) };
    }
    throw error;
  }
};

/** Ends an attempt: sent, failed (to be retried), held until a time, or suppressed. */
export const settleDelivery = (
  id: string,
  outcome:
    | { status: 'sent' }
    | { status: 'failed'; lastError: string }
    | { status: 'held'; heldUntil: string }
    | { status: 'suppressed'; reason: string },
  now: Date,
) => {
  const { status, ...fields } = outcome;
  const names: Record<string, string> = {
    '#status': 'status',
    '#updatedAt': 'updatedAt',
    '#leaseUntil': 'leaseUntil',
  };
  const values: Record<string, unknown> = { ':status': status, ':now': now.toISOString() };
  const sets = ['#status = :status', '#updatedAt = :now'];
  Object.entries(fields).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = :v${i}`);
  });
  return documentClient.send(
    new UpdateCommand({
      TableName: tableNames.program,
      Key: deliveryKeys.item(id),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE #leaseUntil`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
};

/** Counts a repeated arrival of a delivery that was not sent again (operators see it on the record). */
export const countDuplicate = (id: string) =>
  documentClient.send(
    new UpdateCommand({
      TableName: tableNames.program,
      Key: deliveryKeys.item(id),
      UpdateExpression: 'ADD #duplicates :one',
      ExpressionAttributeNames: { '#duplicates': 'duplicates' },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );

/**
 * Takes one of a subscription's messages in a rate window; false when the window is full. One
 * conditional ADD: concurrent senders cannot both take the last one.
 */
export const takeRateSlot = async (
  subscriptionId: string,
  window: { name: string; expiresAt: number },
  limit: number,
): Promise<boolean> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: deliveryKeys.rateWindow(subscriptionId, window.name),
        UpdateExpression: 'SET entity = :entity, expiresAt = :expiresAt ADD #count :one',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit,
          ':entity': 'notificationRate',
          ':expiresAt': window.expiresAt,
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

const withoutLease = ({ leaseUntil: _, ...delivery }: Delivery) => delivery;

export const listDeliveriesOfDay = async (
  day: string,
  page: { limit: number; cursor?: string },
  status?: DeliveryStatus,
): Promise<Page<Omit<Delivery, 'leaseUntil'>>> => {
  const result = await queryPage<Delivery>({
    ...deliveryKeys.byDay(day),
    ...page,
    filter: status
      ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } }
      : undefined,
  });
  return { ...result, items: result.items.map(withoutLease) };
};

export const listDeliveriesOfEvent = async (eventId: string, page: { limit: number; cursor?: string }) => {
  const result = await queryPage<Delivery>({ ...deliveryKeys.byEvent(eventId), ...page });
  return { ...result, items: result.items.map(withoutLease) };
};

import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, policyKeys } from '../db/keys';
import { type Page, queryPage, queryPages } from '../db/queries';
import { createRecords, getRecord, type TransactItem } from '../db/records';
import { Conflict } from '../domain/errors';
import type { AwarenessCounts, SurveyCounts } from '../domain/policy-awareness';
import type { PolicyDeliveryRecord, PolicyRecord } from './records/policies';

/**
 * The policy library and its deliveries. A delivery is one item per policy and enterprise (a second
 * delivery of the same policy to the same enterprise is skipped, never counted twice), written with
 * the town's day counter (`delivered`) in one transaction; the acknowledgement sets `acknowledgedAt`
 * once and adds to the same day counter (`acknowledged`). `/stats` sums the counters per town.
 */
export const insertPolicy = (policy: PolicyRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...policyKeys.item(policy.id),
          ...indexKeysOf(policy.id, [policyKeys.all(`${policy.issuedOn}#${policy.id}`)]),
          entity: 'policy',
          ...policy,
        },
        onTaken: () => new Conflict('CONFLICT', `Policy ${policy.id} already exists.`),
      },
    ],
    guard,
  );

export const findPolicy = (policyId: string) => getRecord<PolicyRecord>(policyKeys.item(policyId));

export const listPolicies = (page: { limit: number; cursor?: string }): Promise<Page<PolicyRecord>> =>
  queryPage<PolicyRecord>({ ...policyKeys.all(), ...page, newestFirst: true });

/** Adds to a town's day counters (delivered, acknowledged, and the visits' questionnaire answers). */
export const townAwarenessUpdate = (
  townUnitId: string,
  date: string,
  counters: Partial<Record<keyof (AwarenessCounts & SurveyCounts), number>>,
): TransactItem => {
  const names = Object.keys(counters);
  return {
    Update: {
      TableName: tableNames.program,
      Key: policyKeys.townAwarenessDay(townUnitId, date),
      UpdateExpression: `SET entity = :entity, townUnitId = :town, #date = :date ADD ${names
        .map((_, i) => `#c${i} :v${i}`)
        .join(', ')}`,
      ExpressionAttributeNames: {
        '#date': 'date',
        ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':entity': 'policyAwarenessDay',
        ':town': townUnitId,
        ':date': date,
        ...Object.fromEntries(names.map((name, i) => [`:v${i}`, counters[name as keyof typeof counters]])),
      },
    },
  };
};

const conditionFailed = (error: unknown) => conditionRefused(error, 0);

/** Writes one delivery with its count; false when the enterprise already had the policy. */
export const insertDelivery = async (delivery: PolicyDeliveryRecord): Promise<boolean> => {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableNames.program,
              Item: {
                ...policyKeys.delivery(delivery.policyId, delivery.enterpriseId),
                entity: 'policyDelivery',
                ...delivery,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          townAwarenessUpdate(delivery.townUnitId, delivery.date, { delivered: 1 }),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};

/** The record of a finished delivery request, carrying its guard so a repeat replays the answer. */
export const recordDeliveryRequest = (
  policyId: string,
  requestId: string,
  outcome: { delivered: number; alreadyDelivered: number },
  guard?: CreationGuard,
) =>
  createRecords(
    [
      {
        item: {
          ...policyKeys.deliveryRequest(policyId, requestId),
          entity: 'policyDeliveryRequest',
          policyId,
          ...outcome,
        },
        onTaken: () => new Conflict('CONFLICT', `Delivery request ${requestId} already exists.`),
      },
    ],
    guard,
  );

export const findDelivery = (policyId: string, enterpriseId: string) =>
  getRecord<PolicyDeliveryRecord>(policyKeys.delivery(policyId, enterpriseId));

export const listDeliveries = (policyId: string, page: { limit: number; cursor?: string }) =>
  queryPage<PolicyDeliveryRecord>({ ...policyKeys.deliveriesOf(policyId), ...page });

/** Sets the acknowledgement once (a second is 409) and counts it on the delivery's day. */
export const saveAcknowledgement = async (delivery: PolicyDeliveryRecord, at: string): Promise<void> => {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableNames.program,
              Key: policyKeys.delivery(delivery.policyId, delivery.enterpriseId),
              UpdateExpression: 'SET acknowledgedAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(acknowledgedAt)',
              ExpressionAttributeValues: { ':at': at },
            },
          },
          townAwarenessUpdate(delivery.townUnitId, delivery.date, { acknowledged: 1 }),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error))
      throw new Conflict('ALREADY_ACKNOWLEDGED', 'The enterprise has already acknowledged this policy.');
    throw error;
  }
};

/** A town's counts over a period: one key range query of its day counters. */
export const readTownAwareness = async (
  townUnitId: string,
  from: string,
  to: string,
): Promise<AwarenessCounts & SurveyCounts> => {
  const counts = { delivered: 0, acknowledged: 0, surveyed: 0, surveyedAware: 0 };
  for await (const days of queryPages<Partial<AwarenessCounts & SurveyCounts>>(
    policyKeys.townAwarenessBetween(townUnitId, from, to),
  )) {
    for (const day of days) {
      counts.delivered += Number(day.delivered ?? 0);
      counts.acknowledged += Number(day.acknowledged ?? 0);
      counts.surveyed += Number(day.surveyed ?? 0);
      counts.surveyedAware += Number(day.surveyedAware ?? 0);
    }
  }
  return counts;
};

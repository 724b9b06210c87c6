import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { equalityFilter } from '../db/equality-filter';
import { cadreKeys, type IndexPartition, indexKeysOf, residencyKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord } from '../db/records';
import { Conflict, StaleVersion } from '../domain/errors';
import { isFitSatisfied, isServiceSatisfied } from '../domain/secondments';
import { secondedYearItems } from './assessments';
import { programStatsUpdate } from './program-stats';
import type { EvaluationRecord, ResidencyRecord, ServiceEntryRecord } from './records/residencies';

/**
 * Residencies (驻企挂职). Access patterns: by id (pk; the same partition holds its service log and
 * evaluation); all (GSI1), by batch (GSI2), by cadre (GSI3), by enterprise (GSI4), in creation order.
 * One active residency per cadre is a claim item (`UNIQUE#ACTIVE_RESIDENCY#<cadre>`) written with the
 * residency and deleted with its end, each in one transaction.
 */
const partitionsOf = (residency: Pick<ResidencyRecord, 'batch' | 'cadreId' | 'enterpriseId'>) => [
  residencyKeys.all(),
  residencyKeys.byBatch(residency.batch),
  residencyKeys.byCadre(residency.cadreId),
  residencyKeys.byEnterprise(residency.enterpriseId),
];

export const cadreAlreadyResident = () =>
  new Conflict('CADRE_ALREADY_RESIDENT', 'The cadre already holds an active residency; end it first.');

/**
 * The residency, the cadre's active-residency claim and a seconded-year marker per calendar year
 * the residency spans (by the cadre's unit now; what the excellent quota counts), in one transaction.
 */
export const insertResidency = (residency: ResidencyRecord, cadreUnitId: string, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...residencyKeys.item(residency.id),
          ...indexKeysOf(residency.id, partitionsOf(residency)),
          entity: 'residency',
          ...residency,
        },
        onTaken: () => new Conflict('CONFLICT', `Residency ${residency.id} already exists.`),
      },
      {
        item: {
          ...residencyKeys.activeClaim(residency.cadreId),
          entity: 'activeResidencyClaim',
          ownerId: residency.id,
          cadreId: residency.cadreId,
          enterpriseId: residency.enterpriseId,
        },
        onTaken: cadreAlreadyResident,
      },
      ...secondedYearItems(residency, cadreUnitId).map((item) => ({
        item,
        onTaken: () => new Conflict('CONFLICT', `Residency ${residency.id} already exists.`),
      })),
    ],
    guard,
    [programStatsUpdate(residency.startDate, residency.id, { residencies: 1 })],
  );

export const findResidency = (residencyId: string) =>
  getRecord<ResidencyRecord>(residencyKeys.item(residencyId));

export interface ResidencyFilter {
  batch?: string;
  cadreId?: string;
  enterpriseId?: string;
  status?: ResidencyRecord['status'];
}

/** A cadre has a few residencies, an enterprise a few more, a batch dozens: the narrowest key leads. */
export const residencyQueryPlan = ({ batch, cadreId, enterpriseId, status }: ResidencyFilter) => {
  let partition: IndexPartition;
  let rest: ResidencyFilter;
  if (cadreId) {
    partition = residencyKeys.byCadre(cadreId);
    rest = { batch, enterpriseId, status };
  } else if (enterpriseId) {
    partition = residencyKeys.byEnterprise(enterpriseId);
    rest = { batch, status };
  } else if (batch) {
    partition = residencyKeys.byBatch(batch);
    rest = { status };
  } else {
    partition = residencyKeys.all();
    rest = { status };
  }
  return { ...partition, filter: equalityFilter({ ...rest }) };
};

export const listResidencies = (
  filter: ResidencyFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<ResidencyRecord>> => queryPage<ResidencyRecord>({ ...residencyQueryPlan(filter), ...page });

/** Every residency of a cadre, in creation order (a few in a career). */
export const allResidenciesOf = (cadreId: string): Promise<ResidencyRecord[]> =>
  queryAll<ResidencyRecord>(residencyQueryPlan({ cadreId }));

/** Every residency of a batch (a batch sends tens of cadres). */
export const allResidenciesOfBatch = (batch: string): Promise<ResidencyRecord[]> =>
  queryAll<ResidencyRecord>(residencyQueryPlan({ batch }));

/**
 * Ends an active residency read at `expectedVersion` and deletes the cadre's claim, in one
 * transaction; a residency changed meanwhile is StaleVersion and nothing is written.
 */
export const saveResidencyEnd = async (
  ended: ResidencyRecord,
  expectedVersion: number,
): Promise<ResidencyRecord> => {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableNames.program,
              Key: residencyKeys.item(ended.id),
              UpdateExpression: `SET #status = :ended, endedOn = :endedOn, ${
                ended.endNote === undefined ? '' : 'endNote = :note, '
              }#version = :next, updatedAt = :now`,
              ConditionExpression: '#version = :expected AND #status = :active',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ':ended': 'ended',
                ':active': 'active',
                ':endedOn': ended.endedOn,
                ...(ended.endNote === undefined ? {} : { ':note': ended.endNote }),
                ':next': ended.version,
                ':expected': expectedVersion,
                ':now': ended.updatedAt,
              },
            },
          },
          {
            Delete: {
              TableName: tableNames.program,
              Key: residencyKeys.activeClaim(ended.cadreId),
              ConditionExpression: 'ownerId = :residency',
              ExpressionAttributeValues: { ':residency': ended.id },
            },
          },
        ],
      }),
    );
    return ended;
  } catch (error) {
    if (conditionRefused(error)) throw new StaleVersion();
    throw error;
  }
};

export const insertServiceEntry = (entry: ServiceEntryRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...residencyKeys.service(entry.residencyId, entry.id),
          entity: 'residencyService',
          ...entry,
        },
        onTaken: () => new Conflict('CONFLICT', `Service entry ${entry.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(entry.date, entry.id, { serviceEntries: 1, fundsFen: entry.fundsFen })],
  );

export const listServiceEntries = (residencyId: string, page: { limit: number; cursor?: string }) =>
  queryPage<ServiceEntryRecord>({ ...residencyKeys.servicesOf(residencyId), ...page });

/** Every service log entry of a residency (one residency's log: tens, not thousands). */
export const allServiceEntriesOf = (residencyId: string): Promise<ServiceEntryRecord[]> =>
  queryAll<ServiceEntryRecord>(residencyKeys.servicesOf(residencyId));

/**
 * Stores the residency's one evaluation and, in the same transaction, adds its fit score to the
 * cadre's running fit scores (what matching reads) and counts it in the day's program figures.
 */
export const insertEvaluation = (evaluation: EvaluationRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...residencyKeys.evaluation(evaluation.residencyId),
          entity: 'residencyEvaluation',
          ...evaluation,
        },
        onTaken: () => new Conflict('ALREADY_EVALUATED', 'This residency has already been evaluated.'),
      },
    ],
    guard,
    [
      {
        Update: {
          TableName: tableNames.program,
          Key: cadreKeys.fitScores(evaluation.cadreId),
          UpdateExpression: 'SET entity = :entity, cadreId = :cadre ADD fitScoreSum :fit, evaluations :one',
          ExpressionAttributeValues: {
            ':entity': 'cadreFitScores',
            ':cadre': evaluation.cadreId,
            ':fit': evaluation.fitScore,
            ':one': 1,
          },
        },
      },
      programStatsUpdate(evaluation.date, evaluation.id, {
        evaluations: 1,
        evaluationsFitSatisfied: isFitSatisfied(evaluation.fitScore) ? 1 : 0,
        evaluationsServiceSatisfied: isServiceSatisfied(evaluation.serviceScore) ? 1 : 0,
      }),
    ],
  );

export const findEvaluation = (residencyId: string) =>
  getRecord<EvaluationRecord>(residencyKeys.evaluation(residencyId));

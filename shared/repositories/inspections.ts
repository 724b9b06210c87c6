import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import { indexKeysOf, inspectionKeys, scoringKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { toRecord } from '../db/records';
import type { UnitInspection } from '../domain/rhythm/inspection';
import type { TransactItem } from './issues';

/**
 * Weekly inspection reports. Access patterns: a week's unit rows (pk `INSPECTION#<week>`, sk
 * `UNIT#<unit>`, one key query, paged); the week record (sk `WEEK`) once the report is complete.
 * A row is written once (conditional put) together with the unit's card counts in its quarter's
 * counter item, so neither a re-run nor a concurrent run can count a week twice.
 */

/** A unit's stored row: the inspection plus the week it belongs to. */
export interface InspectionReport extends UnitInspection {
  week: string;
  /** The program date the report was taken for (the first run's, if the week was run again). */
  asOf: string;
  quarter: string;
  createdAt: string;
}

/** A week's completed inspection. */
export interface InspectionWeek {
  week: string;
  asOf: string;
  quarter: string;
  units: number;
  completedAt: string;
}

/** The counter names quarterly scoring reads. */
export interface CardCounts {
  cardsBlue: number;
  cardsYellow: number;
  cardsRed: number;
}

/** ADD the card counts to the unit's quarter counters, with the same SET as the issue transactions'. */
const cardCounterUpdate = (unitId: string, quarter: string, counts: CardCounts): TransactItem => {
  const index = indexKeysOf(unitId, [scoringKeys.countersOfQuarter(quarter, unitId)]);
  return {
    Update: {
      TableName: tableNames.program,
      Key: scoringKeys.unitQuarterCounters(unitId, quarter),
      UpdateExpression:
        'SET unitId = :unitId, quarter = :quarter, gsi1pk = :gpk, gsi1sk = :gsk ' +
        'ADD cardsBlue :blue, cardsYellow :yellow, cardsRed :red',
      ExpressionAttributeValues: {
        ':unitId': unitId,
        ':quarter': quarter,
        ':gpk': index.gsi1pk,
        ':gsk': index.gsi1sk,
        ':blue': counts.cardsBlue,
        ':yellow': counts.cardsYellow,
        ':red': counts.cardsRed,
      },
    },
  };
};

/**
 * Stores a unit's row if the week has none yet, adding its card counts to the quarter's counters in
 * the same transaction (skipped when all are zero: no empty counter items). True when this call
 * stored it; false when the row was there already (nothing written).
 */
export const storeInspectionReport = async (
  report: InspectionReport,
  counts: CardCounts,
): Promise<boolean> => {
  const anyCard = counts.cardsBlue + counts.cardsYellow + counts.cardsRed > 0;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableNames.program,
              Item: {
                ...inspectionKeys.report(report.week, report.unitId),
                entity: 'inspectionReport',
                ...report,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(anyCard ? [cardCounterUpdate(report.unitId, report.quarter, counts)] : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (conditionRefused(error, 0)) return false;
    throw error;
  }
};

export const findInspectionReport = async (week: string, unitId: string) => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: inspectionKeys.report(week, unitId),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<InspectionReport>(Item) : undefined;
};

/** Marks the week complete, once (a later run leaves the first record as it was). */
export const markInspectionWeekComplete = async (record: InspectionWeek): Promise<void> => {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.program,
        Item: { ...inspectionKeys.week(record.week), entity: 'inspectionWeek', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
};

export const findInspectionWeek = async (week: string) => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: inspectionKeys.week(week), ConsistentRead: true }),
  );
  return Item ? toRecord<InspectionWeek>(Item) : undefined;
};

/** A page of a week's unit rows, in unit id order. */
export const listInspectionReports = (
  week: string,
  page: { limit: number; cursor?: string },
): Promise<Page<InspectionReport>> =>
  queryPage<InspectionReport>({
    ...inspectionKeys.reportsOf(week),
    limit: page.limit,
    cursor: page.cursor,
  });

/** Every unit row of a week (the job's own re-read; a week holds one row per unit: O(units)). */
export const allInspectionReports = (week: string): Promise<InspectionReport[]> =>
  queryAll<InspectionReport>(inspectionKeys.reportsOf(week));

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { tableNames } from '../config';
import type { Assessment } from '../contract/assessments';
import type { Residency } from '../contract/residencies';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import {
  assessmentIndexes,
  assessmentKeys,
  cadreIndexes,
  indexAttributes,
  indexKeysOf,
  issueIndexes,
} from '../db/keys';
import { createRecords, getRecord, type Page, queryPage, toRecord } from '../db/records';
import { MS_PER_DAY } from '../domain/calendar/calendar-date';
import { programDayStartMs } from '../domain/calendar/program-date';
import { Conflict } from '../domain/errors';
import type { Issue } from '../domain/issues/issue';

/**
 * Assessments (专项考察). Access patterns: a residency's assessment (its partition, sk ASSESSMENT, so
 * one per residency); by year (GSI1); by unit and year (GSI2, sort `year#id`). The seconded-year
 * markers residencies write (GSI3 by year, sort `unitId#cadreId#residencyId`) answer who was seconded
 * in a year, for the excellent quota.
 */
export const alreadyAssessed = () =>
  new Conflict('ALREADY_ASSESSED', 'This residency has already been assessed.');

export const insertAssessment = (assessment: Assessment, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...assessmentKeys.assessment(assessment.residencyId),
          ...indexKeysOf(assessment.id, [
            assessmentIndexes.byYear(assessment.year),
            assessmentIndexes.byUnit(assessment.unitId, assessment.year, assessment.id),
          ]),
          entity: 'assessment',
          ...assessment,
        },
        onTaken: alreadyAssessed,
      },
    ],
    guard,
  );

export const findAssessment = (residencyId: string) =>
  getRecord<Assessment>(assessmentKeys.assessment(residencyId));

export const listAssessments = (
  filter: { year: string; unitId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<Assessment>> =>
  filter.unitId
    ? queryPage<Assessment>({
        ...assessmentIndexes.byUnit(filter.unitId, filter.year),
        sortPrefix: `${filter.year}#`,
        ...page,
      })
    : queryPage<Assessment>({ ...assessmentIndexes.byYear(filter.year), ...page });

/** Every page of a short list (a residency's services, a cadre's promotions, cases, residencies). */
export const readAll = async <T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<Page<T>>,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

const YEAR_LIMIT = 20;

/** The calendar years from the start date's to the planned end date's (at most 20). */
export const yearsSpanned = (startDate: string, endDate: string): string[] => {
  const first = Number(startDate.slice(0, 4));
  const last = Math.min(Number(endDate.slice(0, 4)), first + YEAR_LIMIT - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
};

/** The seconded-year markers a new residency writes beside itself (cadre's unit at creation). */
export const secondedYearItems = (residency: Residency, cadreUnitId: string) =>
  yearsSpanned(residency.startDate, residency.endDate).map((year) => ({
    ...assessmentKeys.secondedYear(residency.id, year),
    ...indexKeysOf(residency.id, [
      assessmentIndexes.secondedInYear(year, `${cadreUnitId}#${residency.cadreId}#${residency.id}`),
    ]),
    entity: 'secondedYear',
    year,
    unitId: cadreUnitId,
    cadreId: residency.cadreId,
    residencyId: residency.id,
  }));

export interface SecondedMarker {
  year: string;
  unitId: string;
  cadreId: string;
  residencyId: string;
}

/** Who held a residency in the year (one marker per residency), all units or one unit's prefix. */
export const listSecondedInYear = (year: string, unitId?: string): Promise<SecondedMarker[]> =>
  readAll((page) =>
    queryPage<SecondedMarker>({
      ...assessmentIndexes.secondedInYear(year),
      ...(unitId ? { sortPrefix: `${unitId}#` } : {}),
      ...page,
    }),
  );

/** The number of cadres of a unit: a COUNT query on the cadres-by-unit index (no items returned). */
export const countCadresOfUnit = async (unitId: string): Promise<number> => {
  const { index, partition } = cadreIndexes.byUnit(unitId);
  const { pk } = indexAttributes(index);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pk },
        ExpressionAttributeValues: { ':pk': partition },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return count;
};

/**
 * Issues of an enterprise raised with source `resident` between two program dates (Asia/Shanghai,
 * both inclusive). Issue ids are ULIDs and the by-enterprise index sorts by id, so the window is a
 * key range on that index (`BETWEEN` the first and last possible id of the window): only the
 * enterprise's issues of those days are read, and the source is a filter on them.
 */
export const listResidentIssues = async (
  enterpriseId: string,
  from: string,
  to: string,
): Promise<Issue[]> => {
  // A residency that has not started yet has an empty window (and BETWEEN refuses a reversed range).
  if (from > to) return [];
  const { index, partition } = issueIndexes.byEnterprise(enterpriseId);
  const { pk, sk } = indexAttributes(index);
  const low = `${encodeTime(programDayStartMs(from), 10)}${'0'.repeat(16)}`;
  const high = `${encodeTime(programDayStartMs(to) + MS_PER_DAY - 1, 10)}${'Z'.repeat(16)}`;
  const issues: Issue[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
        FilterExpression: '#source = :resident',
        ExpressionAttributeNames: { '#pk': pk, '#sk': sk, '#source': 'source' },
        ExpressionAttributeValues: { ':pk': partition, ':low': low, ':high': high, ':resident': 'resident' },
        ExclusiveStartKey: start,
      }),
    );
    issues.push(...(result.Items ?? []).map((item) => toRecord<Issue>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return issues;
};

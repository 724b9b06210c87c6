import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { enterpriseKeys, type IndexPartition, indexKeysOf, visitKeys } from '../db/keys';
import { type Page, queryPartitionsPage } from '../db/queries';
import { createRecords, type GuardedPut, type TransactItem, toRecord } from '../db/records';
import { programDateOf } from '../domain/calendar';
import { Conflict } from '../domain/errors';
import type { Issue } from '../domain/issues/issue';
import type { LedgerEntry } from '../domain/ledger/hash-chain';
import { raisedBreakdownOf } from '../domain/program-stats';
import { PROGRAM_FIRST_YEAR, type Visit, yearOf } from '../domain/visits/visit';
import { issueCreationPuts } from './issues';
import { townAwarenessUpdate } from './policies';
import { programStatsUpdate } from './program-stats';

/**
 * Visits and grid coverage. Access patterns: visit by id (pk); visits by grid (GSI1), by enterprise
 * (GSI2), by year (GSI4), each newest first by visit date with a date range in the key condition;
 * distinct enterprises visited per grid and year (a counter beside one first-visit marker per
 * enterprise, in the grid-year's partition).
 */
export const visitItem = (visit: Visit) => {
  const sort = visitKeys.sortKey(visit.date, visit.id);
  return {
    ...visitKeys.item(visit.id),
    ...indexKeysOf(visit.id, [
      visitKeys.byGrid(visit.gridId, sort),
      visitKeys.byEnterprise(visit.enterpriseId, sort),
      visitKeys.byYear(yearOf(visit.date), sort),
    ]),
    entity: 'visit',
    ...visit,
  };
};

/** Another visit marked the enterprise visited in the grid-year since we looked: look again and retry. */
export class FirstVisitRaceError extends Error {
  override readonly name = 'FirstVisitRaceError';
}

/** Whether the enterprise has been visited in the grid in the year (strongly consistent). */
export const isVisitedInGridYear = async (gridId: string, year: number, enterpriseId: string) => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: visitKeys.gridYearVisited(gridId, year, enterpriseId),
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
};

export interface VisitWrite {
  visit: Visit;
  issues: readonly { issue: Issue; entry: LedgerEntry }[];
  /** Whether the visit is the enterprise's first in its grid this year, as read before writing. */
  firstInGridYear: boolean;
  /** The questionnaire's answer on knowing the policies, when given: counted in the town's awareness. */
  policyAware?: boolean;
}

/**
 * The program's day figures: the visit on its date, the issues raised at it on the day they are raised
 * (as their ledger says). One update when that is the same day: a transaction may touch an item once.
 */
const dayCounts = ({ visit, issues }: VisitWrite): TransactItem[] => {
  const visitCounts = { visits: 1, questionnaires: visit.questionnaireVersion === null ? 0 : 1 };
  const first = issues[0];
  if (!first) return [programStatsUpdate(visit.date, visit.id, visitCounts)];
  const raisedOn = programDateOf(first.entry.at);
  const raised = { issuesRaised: issues.length, ...raisedBreakdownOf(issues.map(({ issue }) => issue)) };
  return raisedOn === visit.date
    ? [programStatsUpdate(visit.date, visit.id, { ...visitCounts, ...raised })]
    : [programStatsUpdate(visit.date, visit.id, visitCounts), programStatsUpdate(raisedOn, visit.id, raised)];
};

/** The writes that ride along with the visit's records, in this order (failures are read by position). */
const bookkeeping = (write: VisitWrite): TransactItem[] => {
  const { visit, firstInGridYear } = write;
  const year = yearOf(visit.date);
  const marker = visitKeys.gridYearVisited(visit.gridId, year, visit.enterpriseId);
  return [
    // The enterprise is still in the grid the visit is counted for.
    {
      ConditionCheck: {
        TableName: tableNames.program,
        Key: enterpriseKeys.item(visit.enterpriseId),
        ConditionExpression: 'gridId = :gridId',
        ExpressionAttributeValues: { ':gridId': visit.gridId },
      },
    },
    // The first-visit marker: put only if new, otherwise it must still be there as read.
    firstInGridYear
      ? {
          Put: {
            TableName: tableNames.program,
            Item: {
              ...marker,
              entity: 'gridYearVisited',
              gridId: visit.gridId,
              year,
              enterpriseId: visit.enterpriseId,
              firstVisitId: visit.id,
              firstVisitDate: visit.date,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }
      : {
          ConditionCheck: {
            TableName: tableNames.program,
            Key: marker,
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
    ...dayCounts(write),
    ...(write.policyAware === undefined
      ? []
      : [
          townAwarenessUpdate(visit.townUnitId, visit.date, {
            surveyed: 1,
            surveyedAware: write.policyAware ? 1 : 0,
          }),
        ]),
    ...(firstInGridYear
      ? [
          {
            Update: {
              TableName: tableNames.program,
              Key: visitKeys.gridYearCoverage(visit.gridId, year),
              UpdateExpression:
                'SET entity = :entity, gridId = :gridId, #year = :year ADD visitedEnterprises :one',
              ExpressionAttributeNames: { '#year': 'year' },
              ExpressionAttributeValues: {
                ':entity': 'gridYearCoverage',
                ':gridId': visit.gridId,
                ':year': year,
                ':one': 1,
              },
            },
          },
        ]
      : []),
  ];
};

/**
 * The visit, every issue raised at it (each with its first ledger entry), the first-visit marker and
 * coverage counter, and the program's day counters: one transaction, at most once per Idempotency-Key.
 * Throws Conflict when the enterprise moved grid meanwhile, FirstVisitRaceError when the marker changed.
 */
export const insertVisit = async (write: VisitWrite, guard?: CreationGuard) => {
  const puts: GuardedPut[] = [
    {
      item: visitItem(write.visit),
      onTaken: () => new Conflict('CONFLICT', `Visit ${write.visit.id} already exists.`),
    },
    ...write.issues.flatMap(({ issue, entry }) => issueCreationPuts(issue, entry)),
  ];
  try {
    return await createRecords(puts, guard, bookkeeping(write));
  } catch (error) {
    const offset = (guard ? 1 : 0) + puts.length;
    const failed = (position: number) => conditionRefused(error, offset + position);
    if (failed(0)) {
      throw new Conflict(
        'CONFLICT',
        'The enterprise moved to another grid while the visit was logged; retry.',
      );
    }
    if (failed(1)) throw new FirstVisitRaceError(`coverage marker of visit ${write.visit.id}`);
    throw error;
  }
};

export const findVisit = async (visitId: string): Promise<Visit | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: visitKeys.item(visitId) }),
  );
  return Item ? toRecord<Visit>(Item) : undefined;
};

/** Distinct enterprises visited in the grid in the year (0 before the first visit). */
export const readVisitedEnterpriseCount = async (gridId: string, year: number): Promise<number> => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: visitKeys.gridYearCoverage(gridId, year) }),
  );
  return Number(Item?.visitedEnterprises ?? 0);
};

/** Whose visits a caller sees: everyone's, or those of some grids (a cadre's teams'). */
export type VisitScope = { kind: 'all' } | { kind: 'grids'; gridIds: readonly string[] };

export interface VisitFilter {
  gridId?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
}

/** A list's reading plan: partitions one after another, and what to keep of what they hold. */
export interface VisitListPlan {
  partitions: IndexPartition[];
  keep: { gridIds?: readonly string[]; gridId?: string };
}

/**
 * The index partitions a scoped, filtered visit list reads: the enterprise's when one is named (the
 * most selective), else the grid's, else the caller's grids' or every year's in the range, newest
 * year first. A grid outside a cadre's scope reads nothing; grid filters the key cannot carry are
 * kept for after the read.
 */
export const visitListPlan = (scope: VisitScope, filter: VisitFilter, currentYear: number): VisitListPlan => {
  const inScope = (gridId: string) => scope.kind === 'all' || scope.gridIds.includes(gridId);
  const scopeGrids = scope.kind === 'grids' ? { gridIds: scope.gridIds } : {};
  if (filter.gridId && !inScope(filter.gridId)) return { partitions: [], keep: {} };
  if (filter.enterpriseId) {
    return {
      partitions: [visitKeys.byEnterprise(filter.enterpriseId)],
      keep: { ...scopeGrids, ...(filter.gridId ? { gridId: filter.gridId } : {}) },
    };
  }
  if (filter.gridId) return { partitions: [visitKeys.byGrid(filter.gridId)], keep: {} };
  if (scope.kind === 'grids') {
    return { partitions: scope.gridIds.map((gridId) => visitKeys.byGrid(gridId)), keep: {} };
  }
  const last = filter.to ? Math.min(yearOf(filter.to), currentYear) : currentYear;
  const first = filter.from ? Math.max(yearOf(filter.from), PROGRAM_FIRST_YEAR) : PROGRAM_FIRST_YEAR;
  const partitions: IndexPartition[] = [];
  for (let year = last; year >= first; year -= 1) partitions.push(visitKeys.byYear(year));
  return { partitions, keep: {} };
};

const kept = (visit: Visit, keep: VisitListPlan['keep']) =>
  (keep.gridId === undefined || visit.gridId === keep.gridId) &&
  (keep.gridIds === undefined || keep.gridIds.includes(visit.gridId));

/**
 * One page of visits from the plan's partitions, one after another, newest first within the date
 * range (inclusive). At most `limit` index entries are read per page and grid filters apply after the
 * read, so a page may hold fewer items than `limit` while `nextCursor` still leads on.
 */
export const listVisitsIn = (
  plan: VisitListPlan,
  range: { from?: string; to?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<Visit>> =>
  queryPartitionsPage(
    plan.partitions.map(({ index, partition }) => ({
      index,
      partition,
      sortBetween: {
        from: range.from ?? '0000-00-00',
        // Sort keys are `date#id`: `~` sorts after every id character, so the last day is included.
        to: `${range.to ?? '9999-12-31'}#~`,
      },
      newestFirst: true,
    })),
    page,
    (visits: Visit[]) => visits.filter((visit) => kept(visit, plan.keep)),
  );

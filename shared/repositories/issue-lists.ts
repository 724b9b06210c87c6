import { encodeTime } from 'ulid';
import { type IndexPartition, type ItemKey, issueKeys } from '../db/keys';
import { type Page, queryAll, queryPartitionsPage } from '../db/queries';
import { MS_PER_DAY } from '../domain/calendar/calendar-date';
import { programDayStartMs } from '../domain/calendar/program-date';
import type { Issue } from '../domain/issues/issue';
import { type IssueFilter, type IssueListScope, matchesIssueFilter } from '../domain/issues/list-scope';
import { findIssues } from './issues';

/**
 * The index partitions a scoped, filtered list of issues reads, one after another: the caller's own
 * partition, or for those who see everything the most selective one the filters name. None when the
 * filters ask for something outside the scope.
 */
export const issueListPartitions = (scope: IssueListScope, filter: IssueFilter): IndexPartition[] => {
  switch (scope.kind) {
    case 'none':
      return [];
    case 'enterprise':
      return filter.enterpriseId && filter.enterpriseId !== scope.enterpriseId
        ? []
        : [issueKeys.byEnterprise(scope.enterpriseId)];
    case 'unit':
      return filter.unitId && filter.unitId !== scope.unitId ? [] : [issueKeys.byUnit(scope.unitId)];
    case 'grids':
      if (filter.gridId)
        return scope.gridIds.includes(filter.gridId) ? [issueKeys.byGrid(filter.gridId)] : [];
      return scope.gridIds.map((gridId) => issueKeys.byGrid(gridId));
    case 'all':
      if (filter.enterpriseId) return [issueKeys.byEnterprise(filter.enterpriseId)];
      if (filter.unitId) return [issueKeys.byUnit(filter.unitId)];
      if (filter.gridId) return [issueKeys.byGrid(filter.gridId)];
      if (filter.status) return [issueKeys.byStatus(filter.status)];
      // Only assignments are ever overdue.
      if (filter.overdue) return [issueKeys.byStatus('assigned')];
      return [issueKeys.all()];
  }
};

/**
 * The issues index entries stand for, in index order, read whole by key (one BatchGet per 100): a
 * unit's partition holds the issues it leads and link items for those it co-handles, and both are
 * keys in the issue's own partition.
 */
const issuesOf = (entries: readonly ItemKey[]): Promise<Issue[]> =>
  findIssues(entries.map((entry) => issueKeys.idOf(entry)));

/** How many index entries one page of a filtered list may read, per item asked for. */
export const ISSUE_LIST_SCAN_FACTOR = 5;

/**
 * The sort-key range of the issues raised in a period of program days (both included, either end
 * open). Issue ids are ULIDs and every issue list index sorts by id (co-unit links too), so the period
 * is a key condition on any of them: from the first possible id of `from` to the last one of `to`.
 */
export const raisedBetween = (from?: string, to?: string): { from: string; to: string } => ({
  from: from ? `${encodeTime(programDayStartMs(from), 10)}${'0'.repeat(16)}` : '0',
  to: to ? `${encodeTime(programDayStartMs(to) + MS_PER_DAY - 1, 10)}${'Z'.repeat(16)}` : 'ZZ',
});

/**
 * One page of issues from the partitions, newest first within each; a raised-on period narrows every
 * partition by key. The issue indexes hold keys only: each read of entries is followed by one
 * BatchGet of the issues they stand for (co-unit links resolved on the way), in index order, and the
 * other filters apply here, to the whole issue (none could run on the index, which holds no attribute
 * to test). Reading goes on until the page is full or ISSUE_LIST_SCAN_FACTOR × `limit` entries were
 * read, so a selective filter gives fuller pages, every request's reads stay bounded, and
 * `nextCursor` always moves on (a page may still hold fewer items than `limit`, even none, before the
 * list ends with a null cursor).
 */
export const listIssuesIn = (
  partitions: readonly IndexPartition[],
  filter: IssueFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Issue>> => {
  const period = filter.from || filter.to ? { sortBetween: raisedBetween(filter.from, filter.to) } : {};
  return queryPartitionsPage(
    partitions.map(({ index, partition }) => ({ index, partition, newestFirst: true, ...period })),
    page,
    async (entries: ItemKey[]) =>
      (await issuesOf(entries)).filter((issue) => matchesIssueFilter(issue, filter)),
    page.limit * ISSUE_LIST_SCAN_FACTOR,
  );
};

/** The ids of every issue awaiting consultation now (the sparse IGSI3 queue), oldest first: keys only. */
export const listIssueIdsAwaitingConsultation = async (): Promise<string[]> =>
  (await queryAll<ItemKey>(issueKeys.awaitingConsultation())).map((entry) => issueKeys.idOf(entry));

/**
 * Issues of an enterprise raised with source `resident` between two program dates (Asia/Shanghai,
 * both inclusive). Issue ids are ULIDs and the by-enterprise index sorts by id, so the window is a
 * key range on that index (`BETWEEN` the first and last possible id of the window): only the
 * enterprise's issues of those days are read (keys, then the issues by key), and the source is tested
 * on them.
 */
export const listResidentIssues = async (
  enterpriseId: string,
  from: string,
  to: string,
): Promise<Issue[]> => {
  // A residency that has not started yet has an empty window (and BETWEEN refuses a reversed range).
  if (from > to) return [];
  const entries = await queryAll<ItemKey>({
    ...issueKeys.byEnterprise(enterpriseId),
    sortBetween: raisedBetween(from, to),
  });
  return (await issuesOf(entries)).filter((issue) => issue.source === 'resident');
};

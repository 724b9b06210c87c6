import { encodeTime } from 'ulid';
import { equalityFilter } from '../db/equality-filter';
import { type IndexPartition, issueKeys } from '../db/keys';
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

/** A unit's partition holds the issues it leads and link items for those it co-handles. */
type IssueIndexEntry = Issue | { issueId: string; unitId: string };

const resolveLinks = async (entries: readonly IssueIndexEntry[]): Promise<Issue[]> => {
  const linked = entries.flatMap((entry) => ('issueId' in entry ? [entry.issueId] : []));
  const found = new Map((await findIssues(linked)).map((issue) => [issue.id, issue]));
  return entries.flatMap((entry) => {
    if (!('issueId' in entry)) return [entry];
    const issue = found.get(entry.issueId);
    return issue ? [issue] : [];
  });
};

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
 * partition by key. The other filters apply here, after the read, to the whole issue (co-unit links
 * resolved first): the one place to adapt if an index ever projects less than the whole item. Reading
 * goes on until the page is full or ISSUE_LIST_SCAN_FACTOR × `limit` entries were read, so a selective
 * filter gives fuller pages, every request's reads stay bounded, and `nextCursor` always moves on (a
 * page may still hold fewer items than `limit`, even none, before the list ends with a null cursor).
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
    async (entries: IssueIndexEntry[]) =>
      (await resolveLinks(entries)).filter((issue) => matchesIssueFilter(issue, filter)),
    page.limit * ISSUE_LIST_SCAN_FACTOR,
  );
};

/** The ids of every issue awaiting consultation now (the sparse GSI3 queue), oldest first. */
export const listIssueIdsAwaitingConsultation = async (): Promise<string[]> =>
  (await queryAll<{ id: string }>({ ...issueKeys.awaitingConsultation(), fields: ['id'] })).map((item) =>
    String(item.id),
  );

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
  const issues = await queryAll<Issue & { workflowRev?: number }>({
    ...issueKeys.byEnterprise(enterpriseId),
    sortBetween: raisedBetween(from, to),
    filter: equalityFilter({ source: 'resident' }),
  });
  return issues.map(({ workflowRev: _rev, ...issue }) => issue);
};

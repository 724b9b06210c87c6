import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { type IndexPartition, indexAttributes, issueIndexes } from '../db/keys';
import { decodePartitionsCursor, encodePartitionsCursor } from '../db/partitions-cursor';
import { type Page, queryPage } from '../db/records';
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
        : [issueIndexes.byEnterprise(scope.enterpriseId)];
    case 'unit':
      return filter.unitId && filter.unitId !== scope.unitId ? [] : [issueIndexes.byUnit(scope.unitId)];
    case 'grids':
      return scope.gridIds.map((gridId) => issueIndexes.byGrid(gridId));
    case 'all':
      if (filter.enterpriseId) return [issueIndexes.byEnterprise(filter.enterpriseId)];
      if (filter.unitId) return [issueIndexes.byUnit(filter.unitId)];
      if (filter.status) return [issueIndexes.byStatus(filter.status)];
      // Only assignments are ever overdue.
      if (filter.overdue) return [issueIndexes.byStatus('assigned')];
      return [issueIndexes.all()];
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

/**
 * One page of issues from the partitions, newest first within each. At most `limit` index entries are
 * read per page; the filters apply after the read (DynamoDB bills a filtered read like an unfiltered
 * one, and co-unit links must be resolved before they can be filtered), so a page may hold fewer
 * items than `limit` while `nextCursor` still leads on.
 */
export const listIssuesIn = async (
  partitions: readonly IndexPartition[],
  filter: IssueFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Issue>> => {
  if (partitions.length === 0) return { items: [], nextCursor: null };
  const position = decodePartitionsCursor(page.cursor, partitions.length);
  const items: Issue[] = [];
  let budget = page.limit;
  while (budget > 0 && position.partition < partitions.length) {
    const partition = partitions[position.partition] as IndexPartition;
    const read = await queryPage<IssueIndexEntry>({
      index: partition.index,
      partition: partition.partition,
      limit: budget,
      cursor: position.cursor ?? undefined,
      newestFirst: true,
    });
    budget -= read.items.length;
    items.push(...(await resolveLinks(read.items)).filter((issue) => matchesIssueFilter(issue, filter)));
    if (read.nextCursor) {
      position.cursor = read.nextCursor;
    } else {
      position.partition += 1;
      position.cursor = null;
    }
  }
  return {
    items,
    nextCursor: position.partition < partitions.length ? encodePartitionsCursor(position) : null,
  };
};

/** The ids of every issue awaiting consultation now (the sparse GSI3 queue), oldest first. */
export const listIssueIdsAwaitingConsultation = async (): Promise<string[]> => {
  const queue = issueIndexes.awaitingConsultation();
  const attributes = indexAttributes(queue.index);
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        IndexName: queue.index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': attributes.pk, '#id': 'id' },
        ExpressionAttributeValues: { ':pk': queue.partition },
        ProjectionExpression: '#id',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.id));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids;
};

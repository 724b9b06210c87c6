import type { Page } from '../../db/queries';
import { executionLink } from '../../domain/issues/execution-link';
import { type IssueFilter, issueListScope } from '../../domain/issues/list-scope';
import { verifyChain } from '../../domain/ledger/hash-chain';
import { type Viewer, viewerHasRole } from '../../domain/viewer';
import { issueListPartitions, listIssuesIn } from '../../repositories/issue-lists';
import { readLedger } from '../../repositories/issues';
import { executionLinkTemplate } from '../../workflow/execution-arn';
import { reachOf, readVisibleIssue } from './issue-scope';
import { type IssueView, issueView } from './issue-view';

/** Who is shown where an issue's execution is: the service centre's operators and admins. */
const EXECUTION_READERS = ['operator', 'admin'] as const;

/**
 * One issue, or 404 alike for a missing one and one outside the caller's scope. Operators and admins
 * also get `executionLink`, to go from an alarm or a complaint to the execution's history.
 */
export const readIssue = async (
  viewer: Viewer,
  issueId: string,
): Promise<IssueView & { executionLink?: string }> => {
  const issue = await readVisibleIssue(viewer, issueId);
  const link =
    issue.executionArn && viewerHasRole(viewer, EXECUTION_READERS)
      ? executionLink(issue.executionArn, executionLinkTemplate())
      : undefined;
  return { ...issueView(issue), ...(link ? { executionLink: link } : {}) };
};

/**
 * The issues in the caller's scope that pass the filters, newest first: an enterprise's own, a
 * department's unit's (lead and co-handled), a cadre's grids', everyone's for leaders and the service
 * centre. Index queries only: a filter outside the scope gives an empty list, never a scan.
 */
export const listVisibleIssues = async (
  viewer: Viewer,
  filter: IssueFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<IssueView>> => {
  const scope = issueListScope(viewer, await reachOf(viewer));
  const found = await listIssuesIn(issueListPartitions(scope, filter), filter, page);
  return { items: found.items.map(issueView), nextCursor: found.nextCursor };
};

/** The issue's ledger as recorded, and whether its hash chain still verifies from the genesis hash. */
export const readIssueLedger = async (viewer: Viewer, issueId: string) => {
  await readVisibleIssue(viewer, issueId);
  const entries = await readLedger(issueId);
  return {
    items: entries.map(({ seq, at, actor, action, fromStatus, toStatus, data, unitId, hash }) => ({
      seq,
      at,
      actor,
      action,
      fromStatus,
      toStatus,
      data,
      unitId,
      hash,
    })),
    chain: verifyChain(entries),
  };
};

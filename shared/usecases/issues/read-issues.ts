import type { Page } from '../../db/queries';
import { ValidationFailed } from '../../domain/errors';
import { executionLink } from '../../domain/issues/execution-link';
import { visibilityOf } from '../../domain/issues/ledger-visibility';
import { type IssueFilter, issueListScope, periodFilterProblems } from '../../domain/issues/list-scope';
import { actorShownTo } from '../../domain/issues/official-identities';
import { publicTimeline } from '../../domain/issues/timeline';
import { verifyChain } from '../../domain/ledger/hash-chain';
import { type Viewer, viewerHasRole } from '../../domain/viewer';
import { issueListPartitions, listIssuesIn } from '../../repositories/issue-lists';
import { readLedger } from '../../repositories/issues';
import { findUnit } from '../../repositories/units';
import { executionLinkTemplate } from '../../workflow/execution-arn';
import { reachOf, readVisibleIssue } from './issue-scope';
import { type IssueView, issueView } from './issue-view';
import { withUnitSuggestions } from './unit-suggestions';

/** Who is shown where an issue's execution is: the service centre's operators and admins. */
const EXECUTION_READERS = ['operator', 'admin'] as const;

/**
 * One issue, or 404 alike for a missing one and one outside the caller's scope. An enterprise gets
 * the public view; operators and admins also get `executionLink`, to go from an alarm or a complaint
 * to the execution's history. Officials see the unit the category suggests while no unit is chosen.
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
  const [view] = await withUnitSuggestions(viewer, [issueView(issue, viewer)]);
  return { ...(view as IssueView), ...(link ? { executionLink: link } : {}) };
};

/**
 * The issues in the caller's scope that pass the filters, newest first: an enterprise's own, a
 * department's unit's (lead and co-handled), a cadre's grids', everyone's for leaders and the service
 * centre. Index queries only: a filter outside the scope gives an empty list, never a scan; a
 * raised-on period that ends before it starts is a 400.
 */
export const listVisibleIssues = async (
  viewer: Viewer,
  filter: IssueFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<IssueView>> => {
  const problems = periodFilterProblems(filter);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const scope = issueListScope(viewer, await reachOf(viewer));
  const found = await listIssuesIn(issueListPartitions(scope, filter), filter, page);
  const items = await withUnitSuggestions(
    viewer,
    found.items.map((issue) => issueView(issue, viewer)),
  );
  return { items, nextCursor: found.nextCursor };
};

/** The issue's ledger as recorded, and whether its hash chain still verifies from the genesis hash. */
export const readIssueLedger = async (viewer: Viewer, issueId: string) => {
  await readVisibleIssue(viewer, issueId);
  const entries = await readLedger(issueId);
  return {
    items: entries.map(
      ({ seq, at, actor, action, fromStatus, toStatus, data, unitId, visibility, hash }) => ({
        seq,
        at,
        actor: actorShownTo(viewer, actor),
        action,
        fromStatus,
        toStatus,
        data,
        unitId,
        visibility: visibility ?? visibilityOf(action),
        hash,
      }),
    ),
    chain: verifyChain(entries),
  };
};

/**
 * The issue's public steps in plain words (the only history an enterprise gets): from its public
 * ledger entries, with the units' names.
 */
export const readIssueTimeline = async (viewer: Viewer, issueId: string) => {
  await readVisibleIssue(viewer, issueId);
  const entries = await readLedger(issueId);
  const unitIds = new Set(
    entries.flatMap(({ data }) =>
      [data.unitId, data.leadUnitId, ...(Array.isArray(data.coUnitIds) ? data.coUnitIds : [])].filter(
        (value): value is string => typeof value === 'string',
      ),
    ),
  );
  const units = await Promise.all([...unitIds].map((unitId) => findUnit(unitId)));
  const names = new Map(units.flatMap((unit) => (unit ? [[unit.id, unit.name] as const] : [])));
  return { items: publicTimeline(entries, (unitId) => names.get(unitId) ?? unitId) };
};

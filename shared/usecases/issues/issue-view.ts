import type { Issue } from '../../domain/issues/issue';
import { actorShownTo, seesOfficialIdentities } from '../../domain/issues/official-identities';
import { publicIssue, seesInternals } from '../../domain/issues/public-view';
import type { Viewer } from '../../domain/viewer';

/**
 * An issue as `viewer` sees it. Task tokens, the workflow's signals, the bookkeeping revision and the
 * counter tally stay inside; of the workflow only whether its start is still pending and whether it
 * failed show. An enterprise gets the public view (public-view.ts: no internal reasons or notes) and
 * sees neither officials' user ids nor the execution ARN (official-identities.ts).
 */
export const issueView = (issue: Issue & { workflowRev?: number }, viewer: Viewer) => {
  const shown = seesInternals(viewer) ? issue : publicIssue(issue);
  const {
    workflow,
    workflowRev: _rev,
    ledgerHead: _head,
    counted: _counted,
    executionArn,
    raisedBy,
    ...visible
  } = shown as Issue & { workflowRev?: number };
  return {
    ...visible,
    // Issues raised before types existed are problems.
    type: visible.type ?? 'problem',
    raisedBy: actorShownTo(viewer, raisedBy),
    ...(executionArn && seesOfficialIdentities(viewer) ? { executionArn } : {}),
    ...(workflow
      ? { workflow: { startPending: workflow.startPending === true, failed: workflow.failure !== undefined } }
      : {}),
  };
};

export type IssueView = ReturnType<typeof issueView>;

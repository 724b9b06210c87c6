import type { Issue } from '../../domain/issues/issue';
import { publicIssue, seesInternals } from '../../domain/issues/public-view';
import type { Viewer } from '../../domain/viewer';

/**
 * An issue as clients see it. Task tokens, the workflow's signals, the bookkeeping revision and the
 * counter tally stay inside; of the workflow only whether its start is still pending and whether it failed show.
 */
export const issueView = (issue: Issue & { workflowRev?: number }) => {
  const { workflow, workflowRev: _rev, ledgerHead: _head, counted: _counted, ...visible } = issue;
  return {
    ...visible,
    ...(workflow
      ? { workflow: { startPending: workflow.startPending === true, failed: workflow.failure !== undefined } }
      : {}),
  };
};

export type IssueView = ReturnType<typeof issueView>;

/** The issue as this caller may see it: an enterprise gets the public view (no internal reasons or notes). */
export const issueViewFor = (viewer: Viewer, issue: Issue & { workflowRev?: number }): IssueView =>
  issueView(seesInternals(viewer) ? issue : publicIssue(issue));

import type { Issue } from '../../domain/issues/issue';
import { actorShownTo, seesOfficialIdentities } from '../../domain/issues/official-identities';
import type { Viewer } from '../../domain/viewer';

/**
 * An issue as `viewer` sees it. Task tokens, the workflow's signals, the bookkeeping revision and the
 * counter tally stay inside; of the workflow only whether its start is still pending and whether it
 * failed show. An enterprise sees neither officials' user ids nor the execution ARN
 * (official-identities.ts).
 */
export const issueView = (issue: Issue & { workflowRev?: number }, viewer: Viewer) => {
  const {
    workflow,
    workflowRev: _rev,
    ledgerHead: _head,
    counted: _counted,
    executionArn,
    raisedBy,
    unreasonable,
    ...visible
  } = issue;
  const official = seesOfficialIdentities(viewer);
  return {
    ...visible,
    raisedBy: actorShownTo(viewer, raisedBy),
    ...(executionArn && official ? { executionArn } : {}),
    ...(unreasonable
      ? { unreasonable: official ? unreasonable : { reason: unreasonable.reason, on: unreasonable.on } }
      : {}),
    ...(workflow
      ? { workflow: { startPending: workflow.startPending === true, failed: workflow.failure !== undefined } }
      : {}),
  };
};

export type IssueView = ReturnType<typeof issueView>;

import type { IssueStatus } from '../../domain/issues/issue';
import { findIssue } from '../../repositories/issues';
import type { NextStep, StepResult } from '../../workflow/workflow-steps';

const FIRST_STEP: Record<IssueStatus, NextStep | undefined> = {
  open: undefined,
  awaiting_dispatch: 'await_dispatch',
  assigned: 'await_resolution',
  awaiting_consultation: 'await_consultation_decision',
  awaiting_feedback: 'await_verdict',
  closed: 'closed',
};

/**
 * Where a new execution starts: the wait for the decision the issue's status calls for. Until a
 * decision is recorded that status is the one escalation gave it (dispatch or resolution). Decisions
 * recorded before the execution got here are not lost either way: every wait consumes the next
 * recorded decision, and the decision's kind alone picks the wait after it.
 */
export const routeEscalation = async (issueId: string): Promise<StepResult> => {
  const issue = (await findIssue(issueId))?.issue;
  const next = issue?.workflow ? FIRST_STEP[issue.status] : undefined;
  if (!next) throw new Error(`issue ${issueId} has not been escalated to a workflow`);
  return { next };
};

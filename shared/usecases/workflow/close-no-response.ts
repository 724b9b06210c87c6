import type { StepResult } from '../../workflow/workflow-steps';
import { applyWorkflowCommand } from './apply-workflow-command';

/**
 * The workflow's answer to `NoResponse`: the enterprise gave no verdict by the follow-up deadline, so
 * the issue closes as `no_response` (never silently as satisfied). If a verdict got there first, the
 * execution goes back to the verdict wait, which consumes that verdict.
 */
export const closeWithoutResponse = async (issueId: string, at: string): Promise<StepResult> => {
  const closed = await applyWorkflowCommand(issueId, { type: 'close_no_response' }, at);
  return { next: closed ? 'closed' : 'await_verdict' };
};

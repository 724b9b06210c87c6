import { programDateOf } from '../../domain/calendar';
import { findIssue } from '../../repositories/issues';
import type { StepResult } from '../../workflow/workflow-steps';
import { programCalendar } from '../calendar/program-calendar';
import { applyWorkflowCommand } from './apply-workflow-command';

/**
 * The workflow's answer to `Overdue` (督办): the assignment's supervision level goes up by one with its
 * card, or, at the supervision limit, the issue goes on the consultation agenda. Nothing happens when
 * the issue is no longer overdue at `at` (a resolution, return or extension got there first); the
 * execution then waits for the resolution again and finds any recorded decision there.
 */
export const superviseOverdueIssue = async (issueId: string, at: string): Promise<StepResult> => {
  const assignment = (await findIssue(issueId))?.issue.assignment;
  const calendar = await programCalendar();
  const workingDaysOverdue = assignment
    ? calendar.workingDaysOverdue(assignment.dueDate, programDateOf(at))
    : 0;
  if (workingDaysOverdue <= 0) return { next: 'await_resolution' };
  const issue = await applyWorkflowCommand(issueId, { type: 'supervise', workingDaysOverdue }, at);
  return {
    next: issue?.status === 'awaiting_consultation' ? 'await_consultation_decision' : 'await_resolution',
  };
};

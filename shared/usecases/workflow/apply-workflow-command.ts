import { Conflict, InvalidTransition } from '../../domain/errors';
import type { IssueCommand } from '../../domain/issues/commands';
import type { Issue } from '../../domain/issues/issue';
import { IssueBusy } from '../../workflow/workflow-steps';
import { applyIssueCommand } from '../issues/apply-issue-command';
import { WORKFLOW_ACTOR } from './workflow-actor';

/**
 * Applies a command the workflow takes by itself. Undefined when the issue's status no longer allows
 * it: a human decision got there first, which is not an error for an automatic step (the next wait
 * picks that decision up). Contention beyond applyIssueCommand's own retries is IssueBusy, which the
 * state machine retries.
 */
export const applyWorkflowCommand = async (
  issueId: string,
  command: IssueCommand,
  at?: string,
): Promise<Issue | undefined> => {
  try {
    return await applyIssueCommand({ issueId, actor: WORKFLOW_ACTOR, command, at });
  } catch (error) {
    if (error instanceof InvalidTransition) return undefined;
    if (error instanceof Conflict && error.code === 'CONCURRENT_UPDATE') throw new IssueBusy(error.message);
    throw error;
  }
};

import type { Issue } from '../../domain/issues/issue';
import type { Caller } from '../../domain/viewer';
import { executionArnFor } from '../../workflow/execution-arn';
import { actOnIssue } from './act-on-issue';

/**
 * Repairs an issue whose workflow failed (runbook: Workflow executions failed): once the cause is
 * fixed, the service centre puts it on a new execution, which starts at the wait its status calls
 * for, through the same outbox as an escalation. The ledger records the restart and the failure it
 * repairs; of two concurrent restarts one wins, the other meets a workflow that has not failed (409).
 */
export const restartWorkflow = (caller: Caller, issueId: string): Promise<Issue> =>
  actOnIssue(caller, issueId, {
    type: 'restart_workflow',
    executionArnOf: (restart) => executionArnFor(issueId, restart),
  });

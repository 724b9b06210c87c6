import type { WaitKind } from '../../domain/issues/issue';
import { registerWait } from '../../repositories/issue-workflow';
import { findIssue } from '../../repositories/issues';
import { completeWait } from '../../workflow/task-signals';

export interface AwaitDecision {
  issueId: string;
  waitingFor: WaitKind;
  /** The number of the decision this wait consumes: one more than the last one consumed. */
  seq: number;
  taskToken: string;
}

/**
 * A callback wait of the issue's execution: stores its task token on the issue, so that the decision
 * that completes it can find it. If that decision is already recorded (it came before the execution got
 * here), the wait is completed at once with it: `already_decided`.
 */
export const awaitDecision = async ({
  issueId,
  waitingFor,
  seq,
  taskToken,
}: AwaitDecision): Promise<'registered' | 'already_decided'> => {
  if ((await registerWait(issueId, { seq, token: taskToken, waitingFor })) === 'registered') {
    return 'registered';
  }
  const kind = (await findIssue(issueId))?.issue.workflow?.signals[seq - 1];
  // registerWait also refuses an issue that does not exist or has no workflow.
  if (!kind) throw new Error(`issue ${issueId} has no workflow to wait in`);
  await completeWait(taskToken, { seq, kind });
  return 'already_decided';
};

import type { CalendarDate } from '../../domain/calendar';
import type { IssueCommand } from '../../domain/issues/commands';
import type { Actor } from '../../domain/issues/issue';
import type { SweepWait } from '../../domain/issues/sweep-rules';
import { ApiError } from '../../http/errors';
import { type DailyCloseCounts, dailyCloseCountItem } from '../../repositories/daily-close';
import { claimWait, registerWait } from '../../repositories/issue-workflow';
import { findIssue } from '../../repositories/issues';
import { completeWait, failWait } from '../../workflow/task-signals';
import { applyIssueCommand } from '../issues/apply-issue-command';

/** Who the ledger names for the sweep's own transitions. */
export const SWEEP_ACTOR: Actor = { sub: 'job:daily-sweep', role: 'system' };

/**
 * The signal got no further than the claim: the wait goes back on the issue for the next run. If a
 * decision was recorded meanwhile, it found no wait to complete (we held it), so we complete it now.
 */
const releaseWait = async (issueId: string, wait: SweepWait): Promise<void> => {
  if ((await registerWait(issueId, wait)) === 'registered') return;
  const kind = (await findIssue(issueId))?.issue.workflow?.signals[wait.seq - 1];
  if (kind) await completeWait(wait.token, { seq: wait.seq, kind });
};

/** The execution no longer waits (its task timed out or the execution ended): it needs an operator. */
export class WaitingTaskGone extends Error {
  override readonly name = 'WaitingTaskGone';
}

/**
 * Fails a workflow's callback wait with one of the sweep's signals (`Overdue`, `NoResponse`); true
 * once sent. The cause carries `at`, the sweep's instant, which the workflow's automatic step acts at. The wait is claimed first, so that of the sweep and a human decision exactly one
 * completes it; a run that finds the wait claimed already (another run, or a decision) does nothing.
 */
export const signalWait = async (
  issueId: string,
  wait: SweepWait,
  error: 'Overdue' | 'NoResponse',
  cause: { at: string } & Record<string, unknown>,
): Promise<boolean> => {
  if (!(await claimWait(issueId, wait.token))) return false;
  let delivery: Awaited<ReturnType<typeof failWait>>;
  try {
    delivery = await failWait(wait.token, error, JSON.stringify(cause));
  } catch (failure) {
    await releaseWait(issueId, wait);
    throw failure;
  }
  if (delivery === 'task_gone') throw new WaitingTaskGone(`issue ${issueId}: wait ${wait.seq} is gone`);
  return true;
};

/**
 * Applies one of the sweep's own commands at the sweep's instant, counting it in the day's close
 * record in the same transaction. False when the issue moved on since the queue was read.
 */
export const applySweepCommand = async (
  issueId: string,
  command: IssueCommand,
  sweep: { asOf: CalendarDate; at: string; startedAt: string; count: Partial<DailyCloseCounts> },
): Promise<boolean> => {
  try {
    await applyIssueCommand({
      issueId,
      actor: SWEEP_ACTOR,
      command,
      at: sweep.at,
      extraItems: () => [dailyCloseCountItem(sweep.asOf, sweep.count, sweep.startedAt)],
    });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'INVALID_TRANSITION') return false;
    throw error;
  }
};

import type { CalendarDate } from '../../domain/calendar';
import { InvalidTransition } from '../../domain/errors';
import type { IssueCommand } from '../../domain/issues/commands';
import type { Actor } from '../../domain/issues/issue';
import type { SweepWait } from '../../domain/issues/sweep-rules';
import { type DailyCloseCounts, dailyCloseCountItem } from '../../repositories/daily-close';
import { enqueueWaitFailure } from '../../repositories/issue-workflow';
import { applyIssueCommand } from '../issues/apply-issue-command';

/** Who the ledger names for the sweep's own transitions. */
export const SWEEP_ACTOR: Actor = { sub: 'job:daily-sweep', role: 'system' };

/**
 * Fails a workflow's callback wait with one of the sweep's signals (`Overdue`, `NoResponse`); true
 * once enqueued. One conditional write takes the wait off the issue (so that of the sweep and a human
 * decision exactly one answers it) and puts the failure in the outbox, which the table's stream hands
 * to the delivery function; the day's close record counts it in the same transaction (a count written
 * after it could be lost, and a re-run, finding the wait taken, would never add it). The cause carries
 * `at`, the sweep's instant, which the workflow's automatic step acts at. A run that finds the wait
 * taken already (another run, or a decision) does nothing.
 */
export const signalWait = (
  issueId: string,
  wait: SweepWait,
  error: 'Overdue' | 'NoResponse',
  cause: { at: string } & Record<string, unknown>,
  sweep: { asOf: CalendarDate; startedAt: string; count: Partial<DailyCloseCounts> },
): Promise<boolean> =>
  enqueueWaitFailure(
    issueId,
    wait.token,
    { error, cause: JSON.stringify(cause), queuedAt: sweep.startedAt },
    [dailyCloseCountItem(sweep.asOf, sweep.count, sweep.startedAt)],
  );

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
    if (error instanceof InvalidTransition) return false;
    throw error;
  }
};

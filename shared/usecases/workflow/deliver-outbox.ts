import { logger } from '../../observability/logger';
import { clearDelivery, markExecutionStarted } from '../../repositories/issue-workflow';
import { startIssueExecution } from '../../workflow/issue-execution';
import { completeWait, failWait } from '../../workflow/task-signals';

/** What an issue's outbox holds, as one stream record's new image shows it. */
export type Outbox =
  /** A pending start of the issue's execution. */
  | { startPending: true; executionArn: string; delivery?: undefined }
  | { startPending?: undefined; delivery: Delivery };

type Delivery =
  | { token: string; output: { seq: number; kind: string } }
  | { token: string; error: string; cause: string };

/**
 * Sends what the issue's outbox holds to Step Functions, then empties it:
 * - a pending start: StartExecution (idempotent by name), then the flag is cleared;
 * - a wait's answer: SendTaskSuccess (a decision) or SendTaskFailure (an automatic signal), then the
 *   entry is cleared on its token. A task that no longer waits (TaskTimedOut, TaskDoesNotExist,
 *   InvalidToken) cannot take the answer ever: the entry is cleared and logged for an operator.
 * Any other error is thrown, so the stream retries the record. Sending twice is harmless: a start by
 * name is idempotent, and a second answer to the same token finds the task gone.
 */
export const deliverOutbox = async (issueId: string, outbox: Outbox): Promise<void> => {
  if (outbox.startPending) {
    await startIssueExecution(issueId, outbox.executionArn);
    await markExecutionStarted(issueId);
    logger.info('issue execution started', { issueId });
  }
  const delivery = outbox.delivery;
  if (!delivery) return;
  const outcome =
    'output' in delivery
      ? await completeWait(delivery.token, delivery.output)
      : await failWait(delivery.token, delivery.error, delivery.cause);
  await clearDelivery(issueId, delivery.token);
  if (outcome === 'task_gone') {
    logger.warn('workflow answer dropped: the task no longer waits', { issueId });
  } else {
    logger.info('workflow answer delivered', {
      issueId,
      answer: 'output' in delivery ? delivery.output.kind : delivery.error,
    });
  }
};

import { logger } from '../../observability/logger';
import { clearDelivery, markExecutionStarted, type OutboxEntry } from '../../repositories/issue-workflow';
import { startIssueExecution } from '../../workflow/issue-execution';
import { completeWait, failWait } from '../../workflow/task-signals';

/**
 * Sends one outbox entry of the issue to Step Functions, then marks it delivered where it is kept:
 * - a start: StartExecution (idempotent by name), then the issue's pending start is cleared;
 * - a wait's answer: SendTaskSuccess (a decision) or SendTaskFailure (an automatic signal), then the
 *   workflow item's answer is cleared on its token. A task that no longer waits (TaskTimedOut,
 *   TaskDoesNotExist, InvalidToken) cannot take the answer ever: it is cleared and logged for an operator.
 * Any other error is thrown, so the stream retries the record. Sending twice is harmless: a start by
 * name is idempotent, and a second answer to the same token finds the task gone.
 */
export const deliverOutbox = async (issueId: string, entry: OutboxEntry): Promise<void> => {
  if ('start' in entry) {
    await startIssueExecution(issueId, entry.start.executionArn);
    await markExecutionStarted(issueId, entry.start.executionArn);
    logger.info('issue execution started', { issueId });
    return;
  }
  const delivery = entry.answer;
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

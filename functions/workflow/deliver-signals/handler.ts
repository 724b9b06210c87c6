import * as z from 'zod/mini';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';
import { deliverOutbox, type Outbox } from '../../../shared/usecases/workflow/deliver-outbox';
import { answerImage, pendingStartImage } from './schema';

/**
 * The outbox an item carries: a pending start on an issue item, a wait's answer on a workflow item;
 * nothing when it needs no delivery (the filter should not have passed it).
 */
const outboxOf = (item: Record<string, unknown>): { issueId: string; outbox: Outbox } | undefined => {
  const start = z.safeParse(pendingStartImage, item);
  if (start.success) {
    const { id, workflow } = start.data;
    return workflow.startPending
      ? { issueId: id, outbox: { startPending: true, executionArn: workflow.executionArn } }
      : undefined;
  }
  const answer = z.safeParse(answerImage, item);
  if (answer.success && answer.data.delivery) {
    return { issueId: answer.data.issueId, outbox: { delivery: answer.data.delivery } };
  }
  return undefined;
};

/**
 * The program table's stream, filtered to outbox entries (a pending start on an issue item, a wait's
 * answer on its workflow item): each is delivered to Step Functions in order. Delivering again what
 * was delivered already (the stream retries from a failed record) is harmless.
 */
export const handler = tableStreamHandler({
  workOf: outboxOf,
  handle: ({ issueId, outbox }) => deliverOutbox(issueId, outbox),
  failureMessage: 'workflow delivery failed; the stream retries it',
  logFields: ({ issueId }) => ({ issueId }),
});

import * as z from 'zod/mini';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';
import { deliverOutbox } from '../../../shared/usecases/workflow/deliver-outbox';
import { outboxImage } from './schema';

/** The outbox an item carries, or nothing when it needs no delivery (the filter should not have passed it). */
const outboxOf = (item: Record<string, unknown>) => {
  const parsed = z.safeParse(outboxImage, item);
  if (!parsed.success) return undefined;
  const { startPending, executionArn, delivery } = parsed.data.workflow;
  return startPending || delivery
    ? { issueId: parsed.data.id, outbox: { startPending, executionArn, delivery } }
    : undefined;
};

/**
 * The program table's stream, filtered to issue items with an outbox entry (a pending start or a
 * wait's answer): each is delivered to Step Functions in order. Delivering again what was delivered
 * already (the stream retries from a failed record) is harmless.
 */
export const handler = tableStreamHandler({
  workOf: outboxOf,
  handle: ({ issueId, outbox }) => deliverOutbox(issueId, outbox),
  failureMessage: 'workflow delivery failed; the stream retries it',
  logFields: ({ issueId }) => ({ issueId }),
});

import * as z from 'zod/mini';
import type { OutboxEntry } from '../../../shared/repositories/issue-workflow';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';
import { deliverOutbox } from '../../../shared/usecases/workflow/deliver-outbox';
import { outboxEntryImage } from './schema';

/** The outbox entry an item is, or nothing when it is none (the filter should not have passed it). */
const outboxEntryOf = (
  item: Record<string, unknown>,
): { issueId: string; entry: OutboxEntry } | undefined => {
  const parsed = z.safeParse(outboxEntryImage, item);
  if (!parsed.success) return undefined;
  const { issueId, start, answer } = parsed.data;
  if (start) return { issueId, entry: { start } };
  return answer ? { issueId, entry: { answer } } : undefined;
};

/**
 * The program table's stream, filtered to newly put outbox entry items (INSERT only: each entry's one
 * record triggers its one delivery): each is delivered to Step Functions in order. Delivering again
 * what was delivered already (the stream retries from a failed record, the sweep re-queues one that
 * gave up) is harmless.
 */
export const handler = tableStreamHandler({
  workOf: outboxEntryOf,
  handle: ({ issueId, entry }) => deliverOutbox(issueId, entry),
  failureMessage: 'workflow delivery failed; the stream retries it',
  logFields: ({ issueId }) => ({ issueId }),
});

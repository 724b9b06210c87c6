import { type IndexPartition, issueKeys, QUEUE_SHARDS } from '../db/keys';
import { queryPages } from '../db/queries';
import type { Issue } from '../domain/issues/issue';
import { withWorkflowsOf } from './issue-workflow';

/**
 * The sparse work queues of GSI3: open assignments sorted `dueDate#id`, issues awaiting feedback
 * sorted `followUpDeadline#id`, issues awaiting dispatch or consultation. Only issues in the queue's
 * state are in it, so reading a queue whole touches exactly the issues a job must look at, O(open
 * work); nothing here scans. Each job reads each queue once and decides every step from that read
 * (the daily sweep's date ranges are filters on it, not further queries). GSI reads are eventually
 * consistent: callers act through conditional writes.
 */

/** Issues of one queue partition, in sort order, page by page, each page's workflow items read with one BatchGet. */
async function* queueItems(queue: IndexPartition) {
  const pages = queryPages<Issue>({ index: queue.index, partition: queue.partition });
  for await (const page of pages) yield* await withWorkflowsOf(page);
}

const shardsOf = (queueOf: (shard: number) => IndexPartition): IndexPartition[] =>
  Array.from({ length: QUEUE_SHARDS }, (_, shard) => queueOf(shard));

async function* allOf(queues: IndexPartition[]) {
  for (const queue of queues) yield* queueItems(queue);
}

const openAssignments = shardsOf((shard) => issueKeys.openAssignments(shard));
const awaitingFeedback = shardsOf((shard) => issueKeys.awaitingFeedback(shard));

/** Every open assignment (all shards), by due date within a shard. */
export const allOpenAssignments = () => allOf(openAssignments);

/** Every resolved issue awaiting the enterprise's verdict (all shards), by follow-up deadline within a shard. */
export const allAwaitingFeedback = () => allOf(awaitingFeedback);

/** Every issue waiting to be dispatched (first dispatch or after a return). */
export const allAwaitingDispatch = () => allOf([issueKeys.awaitingDispatch()]);

/** Every issue waiting for a consultation. */
export const allAwaitingConsultation = () => allOf([issueKeys.awaitingConsultation()]);

import { type IndexPartition, type ItemKey, issueKeys, QUEUE_SHARDS } from '../db/keys';
import { queryPages } from '../db/queries';
import { queueOf } from './issue-items';
import { withWorkflowsOf } from './issue-workflow';
import { findIssues } from './issues';

/**
 * The sparse work queues of IGSI3: open assignments sorted `dueDate#id`, issues awaiting feedback
 * sorted `followUpDeadline#id`, issues awaiting dispatch or consultation. Only issues in the queue's
 * state are in it, so reading a queue whole touches exactly the issues a job must look at, O(open
 * work); nothing here scans. Each job reads each queue once and decides every step from that read
 * (the daily sweep's date ranges are filters on it, not further queries). GSI reads are eventually
 * consistent: callers act through conditional writes.
 */

/**
 * Issues of one queue partition, in sort order, page by page: the queue holds keys only, so each
 * page of keys is followed by one BatchGet of its issues (per 100) and one of the workflow items of
 * those escalated. An issue that left the queue between the reads is not handed out.
 */
async function* queueItems(queue: IndexPartition) {
  for await (const entries of queryPages<ItemKey>({ index: queue.index, partition: queue.partition })) {
    const issues = await findIssues(entries.map((entry) => issueKeys.idOf(entry)));
    yield* await withWorkflowsOf(issues.filter((issue) => queueOf(issue)?.partition === queue.partition));
  }
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

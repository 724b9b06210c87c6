import { type IndexPartition, issueKeys, QUEUE_SHARDS } from '../db/keys';
import { type Query, queryPages } from '../db/queries';
import type { CalendarDate } from '../domain/calendar';
import type { Issue } from '../domain/issues/issue';

/**
 * The sparse work queues of GSI3, read by date range: open assignments sorted `dueDate#id`, issues
 * awaiting feedback sorted `followUpDeadline#id`. Only issues in the queue's state are in it, so a
 * range read touches exactly the issues a job must look at; nothing here scans. GSI reads are
 * eventually consistent: callers act through conditional writes.
 */

/** A sort-key range over `date#id` keys, or the whole partition. */
type SortRange = { before: CalendarDate } | { from: CalendarDate; through: CalendarDate } | 'whole';

// Ids are ULIDs ([0-9A-Z]); `~` sorts after every one of them, so `date#~` closes the date's keys.
const END_OF_DATE = '#~';

const sortCondition = (range: SortRange): Pick<Query, 'sortBefore' | 'sortBetween'> => {
  if (range === 'whole') return {};
  if ('before' in range) return { sortBefore: range.before };
  return { sortBetween: { from: range.from, to: `${range.through}${END_OF_DATE}` } };
};

/** Issues of one queue partition in the range (and passing the filter), in sort order, page by page. */
async function* queueItems(queue: IndexPartition, range: SortRange, filter?: Query['filter']) {
  const pages = queryPages<Issue & { workflowRev: number }>({
    index: queue.index,
    partition: queue.partition,
    ...sortCondition(range),
    filter,
  });
  for await (const page of pages) {
    for (const { workflowRev: _rev, ...issue } of page) yield issue as Issue;
  }
}

const shardsOf = (queueOf: (shard: number) => IndexPartition): IndexPartition[] =>
  Array.from({ length: QUEUE_SHARDS }, (_, shard) => queueOf(shard));

async function* allOf(queues: IndexPartition[], range: SortRange, filter?: Query['filter']) {
  for (const queue of queues) yield* queueItems(queue, range, filter);
}

const openAssignments = shardsOf((shard) => issueKeys.openAssignments(shard));
const awaitingFeedback = shardsOf((shard) => issueKeys.awaitingFeedback(shard));

/** Open assignments due before `asOf`: the overdue ones. */
export const assignmentsDueBefore = (asOf: CalendarDate) => allOf(openAssignments, { before: asOf });

/** Open assignments due from `from` through `through`, both included. */
export const assignmentsDueBetween = (from: CalendarDate, through: CalendarDate) =>
  allOf(openAssignments, { from, through });

/** Resolved issues whose follow-up deadline passed before `asOf`. */
export const followUpsDueBefore = (asOf: CalendarDate) => allOf(awaitingFeedback, { before: asOf });

/**
 * Issues with an undelivered outbox entry: an execution not started, or a wait's answer not sent.
 * They can be in any work queue, so this reads the queues whole and keeps the few with one:
 * O(open work) once a day, never O(all issues).
 */
export const issuesWithOutbox = () =>
  allOf(
    [...openAssignments, ...awaitingFeedback, issueKeys.awaitingDispatch(), issueKeys.awaitingConsultation()],
    'whole',
    {
      expression: 'attribute_exists(#workflow.#startPending) OR attribute_exists(#workflow.#delivery)',
      names: { '#workflow': 'workflow', '#startPending': 'startPending', '#delivery': 'delivery' },
    },
  );

/** Every open assignment (all shards, whole partitions): the weekly inspection's snapshot, O(open work). */
export const allOpenAssignments = () => allOf(openAssignments, 'whole');

/** Every issue waiting to be dispatched (first dispatch or after a return). */
export const allAwaitingDispatch = () => allOf([issueKeys.awaitingDispatch()], 'whole');

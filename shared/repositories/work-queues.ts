import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { type IndexPartition, indexAttributes, issueIndexes, QUEUE_SHARDS } from '../db/keys';
import { toRecord } from '../db/records';
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

const keyCondition = (range: SortRange): { expression: string; values: Record<string, string> } => {
  if (range === 'whole') return { expression: '#pk = :pk', values: {} };
  if ('before' in range)
    return { expression: '#pk = :pk AND #sk < :before', values: { ':before': range.before } };
  return {
    expression: '#pk = :pk AND #sk BETWEEN :from AND :through',
    values: { ':from': range.from, ':through': `${range.through}${END_OF_DATE}` },
  };
};

interface Filter {
  expression: string;
  names: Record<string, string>;
}

/** Issues of one queue partition in the range (and passing the filter), in sort order, page by page. */
async function* queueItems(queue: IndexPartition, range: SortRange, filter?: Filter): AsyncGenerator<Issue> {
  const attributes = indexAttributes(queue.index);
  const condition = keyCondition(range);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        IndexName: queue.index,
        KeyConditionExpression: condition.expression,
        FilterExpression: filter?.expression,
        ExpressionAttributeNames: {
          '#pk': attributes.pk,
          ...(range === 'whole' ? {} : { '#sk': attributes.sk }),
          ...filter?.names,
        },
        ExpressionAttributeValues: { ':pk': queue.partition, ...condition.values },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { workflowRev: _rev, ...issue } = toRecord<Issue & { workflowRev: number }>(item);
      yield issue;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

const shardsOf = (queueOf: (shard: number) => IndexPartition): IndexPartition[] =>
  Array.from({ length: QUEUE_SHARDS }, (_, shard) => queueOf(shard));

async function* allOf(queues: IndexPartition[], range: SortRange, filter?: Filter) {
  for (const queue of queues) yield* queueItems(queue, range, filter);
}

const openAssignments = shardsOf((shard) => issueIndexes.openAssignments(shard));
const awaitingFeedback = shardsOf((shard) => issueIndexes.awaitingFeedback(shard));

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
    [
      ...openAssignments,
      ...awaitingFeedback,
      issueIndexes.awaitingDispatch(),
      issueIndexes.awaitingConsultation(),
    ],
    'whole',
    {
      expression: 'attribute_exists(#workflow.#startPending) OR attribute_exists(#workflow.#delivery)',
      names: { '#workflow': 'workflow', '#startPending': 'startPending', '#delivery': 'delivery' },
    },
  );

/** Every open assignment (all shards, whole partitions): the weekly inspection's snapshot, O(open work). */
export const allOpenAssignments = () => allOf(openAssignments, 'whole');

/** Every issue waiting to be dispatched (first dispatch or after a return). */
export const allAwaitingDispatch = () => allOf([issueIndexes.awaitingDispatch()], 'whole');

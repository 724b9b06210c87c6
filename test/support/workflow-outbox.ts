import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { handler as deliverSignals } from '../../functions/workflow/deliver-signals/handler';
import { tableNames } from '../../shared/config';
import { newDynamoClient } from '../../shared/db/client';
import { issueKeys } from '../../shared/db/keys';
import { enqueueWaitFailure } from '../../shared/repositories/issue-workflow';
import { streamRecordOf } from './stream-records';

/** The stream reads the table, not through the program's client: faults injected there miss it. */
const streamReader = DynamoDBDocumentClient.from(newDynamoClient());

type PartitionItem = Record<string, unknown> & { pk: string; sk: string };
type OutboxEntryItem = PartitionItem & {
  start?: { executionArn: string };
  answer?: { token: string };
};

/**
 * The outbox entry items of an issue still waiting for delivery, as the stream would hold them: an
 * entry whose truth is still there (the issue's pending start of that execution, the workflow item's
 * answer with that token), the newest one per truth (an older one for the same truth is one whose
 * delivery gave up and was put again by the sweep's requeue). The one place a fault test knows
 * where the outbox lives (shared/repositories/workflow-items.ts).
 */
const pendingEntries = (items: readonly PartitionItem[]): OutboxEntryItem[] => {
  const issue = items.find((item) => item.sk === issueKeys.item('').sk) as
    | { workflow?: { startPending?: boolean; executionArn?: string } }
    | undefined;
  const workflow = items.find((item) => item.sk === issueKeys.workflow('').sk) as
    | { delivery?: { token: string } }
    | undefined;
  const entries = items.filter((item) => item.entity === 'issueOutbox') as OutboxEntryItem[];
  const newest = new Map<string, OutboxEntryItem>();
  for (const entry of entries) {
    const truth = entry.start
      ? issue?.workflow?.startPending && issue.workflow.executionArn === entry.start.executionArn
      : entry.answer && workflow?.delivery?.token === entry.answer.token;
    if (!truth) continue;
    const kind = entry.start ? 'start' : 'answer';
    const seen = newest.get(kind);
    if (!seen || seen.sk < entry.sk) newest.set(kind, entry);
  }
  return [...newest.values()];
};

/**
 * What the table's stream would hand the delivery function for an issue: the INSERT record of each
 * outbox entry still to deliver (the stream hands a record again only while its handling fails). It
 * sends whatever is pending to Step Functions (mocked by the caller) and answers the batch failures
 * the stream would retry. The partition is read beside the program's DynamoDB client, so a fault
 * injected there reaches only the delivery itself.
 */
export const deliverPending = async (issueId: string) => {
  const { Items = [] } = await streamReader.send(
    new QueryCommand({
      TableName: tableNames.program,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': issueKeys.item(issueId).pk },
      ConsistentRead: true,
    }),
  );
  const records = pendingEntries(Items as PartitionItem[]).map((item) => streamRecordOf(item));
  return deliverSignals({ Records: records });
};

/**
 * The daily sweep's answer to a registered wait (`Overdue`), put in the outbox as the sweep puts it,
 * without a sweep run (which needs tables of its own: faults-daily-sweep.test.ts).
 */
export const signalOverdue = (issueId: string, taskToken: string): Promise<boolean> =>
  enqueueWaitFailure(issueId, taskToken, {
    error: 'Overdue',
    cause: JSON.stringify({ at: new Date().toISOString() }),
    queuedAt: new Date().toISOString(),
  });

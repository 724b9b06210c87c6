import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { handler as deliverSignals } from '../../functions/workflow/deliver-signals/handler';
import { tableNames } from '../../shared/config';
import { newDynamoClient } from '../../shared/db/client';
import { issueKeys } from '../../shared/db/keys';
import { enqueueWaitFailure } from '../../shared/repositories/issue-workflow';

let sequence = 1;

/** The stream reads the table, not through the program's client: faults injected there miss it. */
const streamReader = DynamoDBDocumentClient.from(newDynamoClient());

/**
 * What the table's stream would hand the delivery function for an issue: a record of every item in
 * its partition, as it is now (the function picks the ones that carry an outbox entry). The one
 * place a fault test knows where the outbox lives; it sends whatever is pending to Step Functions
 * (mocked by the caller) and answers the batch failures the stream would retry. The partition is read
 * beside the program's DynamoDB client, so a fault injected there reaches only the delivery itself.
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
  const records = Items.map(
    (item): DynamoDBRecord => ({
      eventID: `event-${sequence}`,
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
        NewImage: marshall(item, { removeUndefinedValues: true }) as never,
        SequenceNumber: String(sequence++),
        StreamViewType: 'NEW_IMAGE',
      },
    }),
  );
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
  });

import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

let sequence = 1;

/** A program-table stream record as Lambda delivers it: the item's new image in attribute-value form. */
export const streamRecordOf = (
  item: Record<string, unknown>,
  eventName: 'INSERT' | 'MODIFY' = 'INSERT',
): DynamoDBRecord => ({
  eventID: `event-${sequence}`,
  eventName,
  eventSource: 'aws:dynamodb',
  eventSourceARN: 'arn:aws:dynamodb:cn-north-1:000000000000:table/program/stream/2026-01-01T00:00:00.000',
  dynamodb: {
    Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
    NewImage: marshall(item, { removeUndefinedValues: true }) as never,
    SequenceNumber: String(sequence++),
    StreamViewType: 'NEW_IMAGE',
  },
});

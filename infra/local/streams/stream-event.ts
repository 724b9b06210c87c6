import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { typedImage } from './empty-maps';

/** Binary attribute values arrive from the SDK as bytes; Lambda hands them over base64-encoded. */
const asJson = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(asJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asJson(inner)]));
  }
  return value;
};

/**
 * One stream record as Lambda delivers it to a function: the record's fields as the Streams API
 * answers them, with the creation time in epoch seconds, binary values in base64, and the stream's
 * ARN as `eventSourceARN`, and empty maps typed as AWS types them (DynamoDB Local drops their type).
 */
export const lambdaStreamRecord = (record: _Record, streamArn: string): DynamoDBRecord => {
  const { ApproximateCreationDateTime, NewImage, OldImage, ...rest } = record.dynamodb ?? {};
  const dynamodb = {
    ...rest,
    ...(NewImage ? { NewImage: typedImage(NewImage) } : {}),
    ...(OldImage ? { OldImage: typedImage(OldImage) } : {}),
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    dynamodb: {
      ...(asJson(dynamodb) as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
    },
    eventSourceARN: streamArn,
  };
};

export const streamEvent = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

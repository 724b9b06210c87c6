import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type NativeAttributeValue, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../observability/logger';

/** What one consumer of the program table's stream does with a record. */
export interface TableStreamConsumer<Work> {
  /**
   * The work a record carries, read from its new image (unmarshalled), or undefined for a record
   * that is not for this consumer (its event filter should not have passed it).
   */
  workOf: (newImage: Record<string, NativeAttributeValue>, record: DynamoDBRecord) => Work | undefined;
  /** Does the work; a throw is a failure of this record. Runs again when the stream retries. */
  handle: (work: Work) => Promise<void>;
  /** Logged when `handle` fails, with `logFields(work)`: what an operator needs to find the record. */
  failureMessage: string;
  logFields: (work: Work) => Record<string, unknown>;
}

/**
 * A Lambda handler for a table stream mapping with ReportBatchItemFailures (see
 * infra/constructs/stream-consumer.ts): records are handled one at a time, in order. On the first
 * failure the rest of the batch is left too and that record is reported, so the stream retries from
 * it and order is kept; handling must therefore be safe to repeat.
 */
export const tableStreamHandler =
  <Work>(consumer: TableStreamConsumer<Work>) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (!image) continue;
      let work: Work | undefined;
      try {
        work = consumer.workOf(unmarshall(image as Record<string, AttributeValue>), record);
      } catch (error) {
        // An image this consumer cannot read is that record's failure, not the whole batch's: the
        // records before it are done, and the stream retries it alone until its failure destination.
        logger.error(`${consumer.failureMessage} (unreadable record)`, {
          ...recordFields(record),
          error: error as Error,
        });
        return failedAt(record);
      }
      if (work === undefined) continue;
      try {
        await consumer.handle(work);
      } catch (error) {
        logger.error(consumer.failureMessage, { ...consumer.logFields(work), error: error as Error });
        return failedAt(record);
      }
    }
    return { batchItemFailures: [] };
  };

const failedAt = (record: DynamoDBRecord): DynamoDBBatchResponse => ({
  batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }],
});

const recordFields = (record: DynamoDBRecord): Record<string, unknown> => ({
  eventId: record.eventID,
  sequenceNumber: record.dynamodb?.SequenceNumber,
});

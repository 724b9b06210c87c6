import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { logger } from '../../../shared/observability/logger';
import { deliverOutbox } from '../../../shared/usecases/workflow/deliver-outbox';
import { outboxImage } from './schema';

/** The outbox a record carries, or nothing when the record needs no delivery (the filter should not have passed it). */
const outboxOf = (record: DynamoDBRecord) => {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const parsed = z.safeParse(outboxImage, unmarshall(image as Record<string, AttributeValue>));
  if (!parsed.success) return undefined;
  const { startPending, delivery } = parsed.data.workflow;
  return startPending || delivery
    ? { issueId: parsed.data.id, outbox: { startPending, delivery } }
    : undefined;
};

/**
 * The program table's stream, filtered to issue items with an outbox entry (a pending start or a
 * wait's answer): each record is delivered to Step Functions in order. On the first failure the rest
 * of the batch is left too, and that record is reported, so the stream retries from it
 * (ReportBatchItemFailures); delivering again what was delivered already is harmless.
 */
export const deliverSignals = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const found = outboxOf(record);
    if (!found) continue;
    try {
      await deliverOutbox(found.issueId, found.outbox);
    } catch (error) {
      logger.error('workflow delivery failed; the stream retries it', {
        issueId: found.issueId,
        error: error as Error,
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => deliverSignals(event);

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { inspectionEvent } from '../../../shared/events/inspection-events';
import { logger } from '../../../shared/observability/logger';
import type { InspectionReport } from '../../../shared/repositories/inspections';

/**
 * The program table's stream, filtered to newly stored weekly inspection rows: each becomes one
 * `WeeklyInspectionReported` event on the program's bus, in order. On the first failure the record
 * is reported and the stream retries from it (ReportBatchItemFailures); a row sent twice carries the
 * same event id both times.
 */
export const publishReports =
  (publish: PublishEvents) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (!image || record.eventName !== 'INSERT') continue;
      const item = unmarshall(image as Record<string, AttributeValue>);
      if (item.entity !== 'inspectionReport') continue;
      const programEvent = inspectionEvent(item as InspectionReport);
      try {
        const failed = await publish([programEvent]);
        if (failed.length > 0) throw new Error(`EventBridge did not take ${programEvent.id}`);
      } catch (error) {
        logger.error('publishing a report failed; the stream retries it', {
          eventId: programEvent.id,
          error: error as Error,
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };

export const handler = publishReports(publishToEventBus);

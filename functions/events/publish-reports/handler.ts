import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { inspectionEvent } from '../../../shared/events/inspection-events';
import type { InspectionReport } from '../../../shared/repositories/inspections';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';

/**
 * The program table's stream, filtered to newly stored weekly inspection rows: each becomes one
 * `WeeklyInspectionReported` event on the program's bus, in order. A row sent twice (the stream
 * retries from a failed one) carries the same event id both times.
 */
export const publishReports = (publish: PublishEvents) =>
  tableStreamHandler({
    workOf: (item, record) =>
      record.eventName === 'INSERT' && item.entity === 'inspectionReport'
        ? inspectionEvent(item as InspectionReport)
        : undefined,
    handle: async (programEvent) => {
      const failed = await publish([programEvent]);
      if (failed.length > 0) throw new Error(`EventBridge did not take ${programEvent.id}`);
    },
    failureMessage: 'publishing a report failed; the stream retries it',
    logFields: (programEvent) => ({ eventId: programEvent.id }),
  });

export const handler = publishReports(publishToEventBus);

import { programFactsOf } from '../../../shared/domain/notifications/program-facts';
import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { inspectionEvent } from '../../../shared/events/inspection-events';
import type { InspectionReport } from '../../../shared/repositories/inspections';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';

/**
 * The program table's stream, filtered to the rows that are program facts: newly stored weekly
 * inspection rows (`WeeklyInspectionReported`), consultations (their agenda), residencies started
 * and ended, published ranking revisions. Each becomes its events on the program's bus, in order. A
 * row sent twice (the stream retries from a failed one) carries the same event ids both times.
 */
export const publishReports = (publish: PublishEvents) =>
  tableStreamHandler({
    workOf: (item, record) => {
      const inserted = record.eventName === 'INSERT';
      const events =
        item.entity === 'inspectionReport'
          ? inserted
            ? [inspectionEvent(item as InspectionReport)]
            : []
          : programFactsOf(item, inserted);
      return events.length > 0 ? events : undefined;
    },
    handle: async (events) => {
      const failed = await publish(events);
      if (failed.length > 0) throw new Error(`EventBridge did not take ${failed.join(', ')}`);
    },
    failureMessage: 'publishing program events failed; the stream retries them',
    logFields: (events) => ({ eventIds: events.map((event) => event.id) }),
  });

export const handler = publishReports(publishToEventBus);

import { programFactsOf } from '../../../shared/domain/notifications/program-facts';
import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { inspectionEvent } from '../../../shared/events/inspection-events';
import { streamEventPublisher } from '../../../shared/events/stream-publisher';
import type { InspectionReport } from '../../../shared/repositories/inspections';

/**
 * The program table's stream, filtered to the rows that are program facts: newly stored weekly
 * inspection rows (`WeeklyInspectionReported`), consultations (their agenda), residencies started
 * and ended, published ranking revisions. Each becomes its events on the program's bus, in order. A
 * row sent twice (the stream retries from a failed one) carries the same event ids both times.
 */
export const publishReports = (publish: PublishEvents) =>
  streamEventPublisher(publish, 'program events', (item, record) => {
    const inserted = record.eventName === 'INSERT';
    if (item.entity !== 'inspectionReport') return programFactsOf(item, inserted);
    return inserted ? [inspectionEvent(item as InspectionReport)] : undefined;
  });

export const handler = publishReports(publishToEventBus);

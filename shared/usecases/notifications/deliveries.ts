import type { DeliveryStatus } from '../../repositories/notification-deliveries';
import { listDeliveriesOfDay, listDeliveriesOfEvent } from '../../repositories/notification-deliveries';

/** Operators read every delivery of a day (UTC, today by default) or every delivery of one event. */
export const listDeliveries = (query: {
  date?: string;
  eventId?: string;
  status?: DeliveryStatus;
  limit: number;
  cursor?: string;
}) =>
  query.eventId
    ? listDeliveriesOfEvent(query.eventId, query)
    : listDeliveriesOfDay(query.date ?? new Date().toISOString().slice(0, 10), query, query.status);

import type { EventBridgeEvent } from 'aws-lambda';
import { enqueueOnChannelQueues } from '../../../shared/notifications/channel-queues';
import { logger } from '../../../shared/observability/logger';
import { type EnqueueMessages, routeEvent } from '../../../shared/usecases/notifications/route-event';

/** Where messages link to: the web client's base URL (`NOTIFY_LINK_BASE`). */
const linkBase = process.env.NOTIFY_LINK_BASE ?? 'https://qinqing.example.invalid';

/**
 * The bus's rule target for every program event: one message per subscription that hears it, on
 * that channel's queue. A throw makes Lambda retry the event (asynchronous invocation), then the
 * rule target's dead-letter queue keeps it; a re-run queues the same delivery ids again, which the
 * delivery function drops.
 */
export const routeEvents =
  (enqueue: EnqueueMessages) =>
  async (event: EventBridgeEvent<string, Record<string, unknown>>): Promise<void> => {
    const messages = await routeEvent(
      { detailType: event['detail-type'], time: event.time, detail: event.detail },
      enqueue,
      linkBase,
    );
    logger.info('event routed', {
      eventId: event.detail.id,
      detailType: event['detail-type'],
      messages: messages.length,
    });
  };

export const handler = routeEvents(enqueueOnChannelQueues);

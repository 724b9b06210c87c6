import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { MAX_ATTEMPTS, retryDelaySeconds } from '../../../shared/domain/notifications/delivery-rules';
import type { QueuedMessage, SendMessage } from '../../../shared/notifications/channel-port';
import { backOff, requeue } from '../../../shared/notifications/channel-queues';
import { channelSenders, configuredSmsProvider } from '../../../shared/notifications/channels';
import { logger } from '../../../shared/observability/logger';
import {
  DEFAULT_DELIVERY_SETTINGS,
  deliverMessage,
} from '../../../shared/usecases/notifications/deliver-message';

const settings = {
  ...DEFAULT_DELIVERY_SETTINGS,
  ratePerHour: Number(process.env.NOTIFY_RATE_PER_HOUR ?? DEFAULT_DELIVERY_SETTINGS.ratePerHour),
};
const retryBaseSeconds = Number(process.env.NOTIFY_RETRY_BASE_SECONDS ?? 30);

export interface QueueControl {
  requeue: (message: QueuedMessage, delaySeconds: number) => Promise<unknown>;
  backOff: (channel: QueuedMessage['channel'], receiptHandle: string, seconds: number) => Promise<unknown>;
}

/**
 * The channel queues' consumer. Each message is delivered at most once (deliverMessage); a held SMS
 * is queued again with a delay until its quiet hours end (hop by hop: SQS delays 15 minutes at most)
 * and this copy acknowledged; a failure is reported as a batch item failure after its visibility is
 * set to the backoff for its attempt, so the queue brings it back later, and after MAX_ATTEMPTS
 * receives the queue's redrive policy moves it to the channel's dead-letter queue.
 */
export const deliverNotifications =
  (send: SendMessage, queues: QueueControl, now: () => Date = () => new Date()) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const message = JSON.parse(record.body) as QueuedMessage;
      const attempt = Number(record.attributes.ApproximateReceiveCount ?? 1);
      try {
        const result = await deliverMessage(message, send, now(), settings);
        if (result.outcome === 'held')
          await queues.requeue(message, (result.until.getTime() - now().getTime()) / 1000);
        logger.info('notification handled', {
          deliveryId: message.deliveryId,
          channel: message.channel,
          ...result,
        });
      } catch (error) {
        // After the last attempt there is nothing to wait for: visible at once, the queue dead-letters it.
        const delay = attempt >= MAX_ATTEMPTS ? 0 : retryDelaySeconds(attempt, retryBaseSeconds);
        logger.warn('notification failed; the queue retries it', {
          deliveryId: message.deliveryId,
          channel: message.channel,
          attempt,
          lastAttempt: attempt >= MAX_ATTEMPTS,
          retryInSeconds: delay,
          error: error as Error,
        });
        await queues.backOff(message.channel, record.receiptHandle, delay).catch((cause: unknown) =>
          logger.warn('could not set the backoff; the queue visibility timeout applies', {
            error: cause as Error,
          }),
        );
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };

export const handler = deliverNotifications(channelSenders(configuredSmsProvider()), { requeue, backOff });

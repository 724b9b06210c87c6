import type { SQSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const deliverMessage = vi.fn();
vi.mock('../../../../shared/usecases/notifications/deliver-message', () => ({
  DEFAULT_DELIVERY_SETTINGS: { ratePerHour: 30, leaseSeconds: 60 },
  deliverMessage: (...args: unknown[]) => deliverMessage(...args),
}));

const { deliverNotifications } = await import('../../../../functions/notifications/deliver/handler');

const record = (messageId: string, receiveCount: number) => ({
  messageId,
  receiptHandle: `receipt-${messageId}`,
  body: JSON.stringify({ deliveryId: messageId, channel: 'webhook' }),
  attributes: { ApproximateReceiveCount: String(receiveCount) },
});

const event = (...records: ReturnType<typeof record>[]) => ({ Records: records }) as unknown as SQSEvent;

describe('the channel queues’ consumer', () => {
  const queues = { requeue: vi.fn(async () => ({})), backOff: vi.fn(async () => ({})) };
  const now = new Date('2026-12-05T15:00:00Z');
  const handler = deliverNotifications(vi.fn(), queues, () => now);

  beforeEach(() => {
    deliverMessage.mockReset();
    queues.requeue.mockClear();
    queues.backOff.mockClear();
  });

  it('reports only the failed message, after setting its backoff by attempt; the others are acknowledged', async () => {
    deliverMessage.mockImplementation(async (message: { deliveryId: string }) => {
      if (message.deliveryId === 'bad') throw new Error('503');
      return { outcome: 'sent' };
    });
    const result = await handler(event(record('good', 1), record('bad', 3), record('also-good', 1)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(queues.backOff).toHaveBeenCalledWith('webhook', 'receipt-bad', 120);
  });

  it('lets the last attempt go to the dead-letter queue at once', async () => {
    deliverMessage.mockRejectedValue(new Error('503'));
    const result = await handler(event(record('bad', 5)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(queues.backOff).toHaveBeenCalledWith('webhook', 'receipt-bad', 0);
  });

  it('queues a held SMS again with a delay until its release, and acknowledges this copy', async () => {
    deliverMessage.mockResolvedValue({ outcome: 'held', until: new Date('2026-12-06T00:00:00Z') });
    const result = await handler(event(record('night', 1)));
    expect(result.batchItemFailures).toEqual([]);
    expect(queues.requeue).toHaveBeenCalledWith(expect.objectContaining({ deliveryId: 'night' }), 9 * 3600);
  });
});

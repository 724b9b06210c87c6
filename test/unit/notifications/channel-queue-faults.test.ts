import { SendMessageBatchCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QueuedMessage } from '../../../shared/notifications/channel-port';
import { enqueueOnChannelQueues } from '../../../shared/notifications/channel-queues';

/**
 * SQS faults while the router queues an event's messages (issue 15 §6). Nothing may be lost: a
 * refused or partly refused send throws, so Lambda retries the event and, past its retries, the rule
 * target's dead-letter queue keeps it (infra/constructs/notifications.ts); the retry queues the same
 * delivery ids, which the delivery function sends once.
 */
const sqs = mockClient(SQSClient);
process.env.QUEUE_URL_WEBHOOK = 'https://sqs.cn-north-1.amazonaws.com.cn/000000000000/webhook';

const message = (n: number): QueuedMessage => ({
  deliveryId: `D${n}`,
  eventId: 'E1',
  detailType: 'IssueEscalated',
  time: '2026-03-10T00:00:00.000Z',
  subscriptionId: `S${n}`,
  channel: 'webhook',
  title: '问题已交办',
  text: '问题已交办',
  params: {},
  link: 'https://qinqing.example.invalid/issues/I1',
  detail: { id: 'E1' },
});
const messages = Array.from({ length: 12 }, (_, n) => message(n));

const throttled = () =>
  new SQSServiceException({
    name: 'RequestThrottled',
    $fault: 'client',
    message: 'throttled',
    $metadata: { httpStatusCode: 400 },
  });

const deliveryIdsSent = () =>
  sqs
    .commandCalls(SendMessageBatchCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => (JSON.parse(String(entry.MessageBody)) as QueuedMessage).deliveryId);

beforeEach(() => sqs.reset());

describe('queueing notifications when SQS fails', () => {
  it('throws when a send is refused, and the retry queues every message', async () => {
    sqs.on(SendMessageBatchCommand).rejects(throttled());
    await expect(enqueueOnChannelQueues(messages)).rejects.toThrow('throttled');

    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    await enqueueOnChannelQueues(messages);

    expect(deliveryIdsSent()).toEqual(messages.map((queued) => queued.deliveryId));
  });

  it('throws when SQS takes a batch only in part (Failed entries), naming how many it refused', async () => {
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '3', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
    });

    await expect(enqueueOnChannelQueues(messages)).rejects.toThrow(
      '1 messages were not queued on webhook: try again',
    );
  });
});

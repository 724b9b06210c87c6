import {
  ChangeMessageVisibilityCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { CHANNELS, type Channel } from '../domain/notifications/subscriptions';
import type { QueuedMessage } from './channel-port';

const client = new SQSClient({});

/** Each channel's queue, by the variables the Notifications construct sets (`QUEUE_URL_SMS`…). */
export const queueUrlOf = (channel: Channel, env: NodeJS.ProcessEnv = process.env): string => {
  const url = env[`QUEUE_URL_${channel.toUpperCase()}`];
  if (!url) throw new Error(`Missing environment variable QUEUE_URL_${channel.toUpperCase()}`);
  return url;
};

/** SendMessageBatch takes ten at most. */
const BATCH = 10;

/** Queues messages on their channels' queues; throws if any was not taken (the caller is retried). */
export const enqueueOnChannelQueues = async (messages: readonly QueuedMessage[]): Promise<void> => {
  for (const channel of CHANNELS) {
    const mine = messages.filter((message) => message.channel === channel);
    for (let i = 0; i < mine.length; i += BATCH) {
      const batch = mine.slice(i, i + BATCH);
      const { Failed = [] } = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrlOf(channel),
          Entries: batch.map((message, n) => ({ Id: String(n), MessageBody: JSON.stringify(message) })),
        }),
      );
      if (Failed.length > 0)
        throw new Error(`${Failed.length} messages were not queued on ${channel}: ${Failed[0]?.Message}`);
    }
  }
};

/** Brings a message back after `delaySeconds` (at most 15 minutes, SQS's longest delay). */
export const requeue = (message: QueuedMessage, delaySeconds: number) =>
  client.send(
    new SendMessageCommand({
      QueueUrl: queueUrlOf(message.channel),
      MessageBody: JSON.stringify(message),
      DelaySeconds: Math.max(0, Math.min(900, Math.ceil(delaySeconds))),
    }),
  );

/** Makes a failed message visible again only after `seconds`: the backoff before its next attempt. */
export const backOff = (channel: Channel, receiptHandle: string, seconds: number) =>
  client.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrlOf(channel),
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: seconds,
    }),
  );

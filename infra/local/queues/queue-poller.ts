import type { LocalQueues } from './local-queues';
import type { QueueMapping } from './queue-definitions';

export interface QueuePollerContext {
  queues: LocalQueues;
  invoke(functionLogicalId: string, event: unknown): Promise<unknown>;
  queueArn(name: string): string;
  region: string;
  log?: (line: string) => void;
  pollIntervalMs?: number;
}

/** The batch Lambda hands a function for an SQS source. */
const sqsEvent = (
  mapping: QueueMapping,
  context: QueuePollerContext,
  messages: ReturnType<LocalQueues['receive']>,
) => ({
  Records: messages.map((message) => ({
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: message.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: context.queueArn(mapping.queueName),
    awsRegion: context.region,
  })),
});

/**
 * One SQS event source mapping, as Lambda runs it: receive a batch, invoke the function, delete
 * what succeeded. A throw leaves the whole batch to reappear after its visibility timeout; with
 * ReportBatchItemFailures only the reported messages stay (the function may have changed their
 * visibility: its backoff). The queue's redrive policy then dead-letters what keeps failing.
 */
export const pollQueue = (mapping: QueueMapping, context: QueuePollerContext) => {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const stats = { batches: 0, delivered: 0, failed: 0, lastError: undefined as string | undefined };
  const label = `[sqs] ${mapping.queueName} → ${mapping.functionLogicalId}`;

  const once = async () => {
    const messages = context.queues.receive(mapping.queueName, mapping.batchSize);
    if (messages.length === 0) return;
    stats.batches++;
    let failedIds: Set<string>;
    try {
      const result = (await context.invoke(
        mapping.functionLogicalId,
        sqsEvent(mapping, context, messages),
      )) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
      failedIds = new Set(
        mapping.reportBatchItemFailures
          ? (result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier)
          : [],
      );
    } catch (error) {
      stats.lastError = `${(error as Error).name}: ${(error as Error).message}`;
      context.log?.(`${label}: batch failed: ${stats.lastError}`);
      failedIds = new Set(messages.map((message) => message.messageId));
    }
    for (const message of messages) {
      if (failedIds.has(message.messageId)) {
        stats.failed++;
        continue;
      }
      // A function may have deleted or re-sent it itself; a receipt no longer valid is nothing to delete.
      try {
        context.queues.delete(mapping.queueName, message.receiptHandle);
      } catch {
        // Already gone: nothing to delete.
      }
      stats.delivered++;
    }
  };

  const loop = () => {
    if (stopped) return;
    running = once()
      .catch((error: Error) => context.log?.(`${label}: ${error.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, context.pollIntervalMs ?? 50);
      });
  };
  loop();
  return {
    mapping,
    stats: () => ({ ...stats }),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
};

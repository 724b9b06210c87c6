import { listenJsonProtocolEndpoint } from '../http/json-protocol-endpoint';
import { type LocalQueues, QueueDoesNotExist, ReceiptHandleIsInvalid } from './local-queues';

interface Request {
  QueueUrl?: string;
  QueueName?: string;
  MessageBody?: string;
  DelaySeconds?: number;
  ReceiptHandle?: string;
  VisibilityTimeout?: number;
  MaxNumberOfMessages?: number;
  Entries?: { Id: string; MessageBody?: string; DelaySeconds?: number; ReceiptHandle?: string }[];
}

/** The queue a URL names: its last path segment (`…/<account>/<name>`), as SQS reads it. */
const nameOf = (queueUrl: string | undefined) => queueUrl?.split('/').filter(Boolean).at(-1) ?? '';

const error = (type: string, message: string, status = 400) => ({
  status,
  body: { __type: `com.amazonaws.sqs#${type}`, message },
});

/**
 * The operations the functions use, in SQS's JSON protocol (AWS JSON 1.0, `AmazonSQS.<Operation>`):
 * SendMessage, SendMessageBatch, ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueUrl.
 * The SDK checks MD5OfMessageBody, so it is given. Others answer UnsupportedOperation.
 */
export const sqsOperations = (queues: LocalQueues, queueUrl: (name: string) => string) => {
  const operations: Record<string, (request: Request) => unknown> = {
    SendMessage: (request) => {
      const item = queues.send(nameOf(request.QueueUrl), request.MessageBody ?? '', request.DelaySeconds);
      return { MessageId: item.messageId, MD5OfMessageBody: item.md5OfBody };
    },
    SendMessageBatch: (request) => {
      const name = nameOf(request.QueueUrl);
      const Successful = (request.Entries ?? []).map((entry) => {
        const item = queues.send(name, entry.MessageBody ?? '', entry.DelaySeconds);
        return { Id: entry.Id, MessageId: item.messageId, MD5OfMessageBody: item.md5OfBody };
      });
      return { Successful, Failed: [] };
    },
    ReceiveMessage: (request) => ({
      Messages: queues
        .receive(nameOf(request.QueueUrl), request.MaxNumberOfMessages ?? 1, request.VisibilityTimeout)
        .map((item) => ({
          MessageId: item.messageId,
          ReceiptHandle: item.receiptHandle,
          Body: item.body,
          MD5OfBody: item.md5OfBody,
          Attributes: {
            ApproximateReceiveCount: String(item.receiveCount),
            SentTimestamp: String(item.sentAt),
          },
        })),
    }),
    DeleteMessage: (request) => {
      queues.delete(nameOf(request.QueueUrl), request.ReceiptHandle ?? '');
      return {};
    },
    ChangeMessageVisibility: (request) => {
      queues.changeVisibility(
        nameOf(request.QueueUrl),
        request.ReceiptHandle ?? '',
        request.VisibilityTimeout ?? 0,
      );
      return {};
    },
    GetQueueUrl: (request) => {
      if (!queues.has(request.QueueName ?? ''))
        throw new QueueDoesNotExist(`The specified queue ${request.QueueName} does not exist`);
      return { QueueUrl: queueUrl(request.QueueName ?? '') };
    },
  };
  return (target: string, body: string): { status: number; body: unknown } => {
    const operation = operations[target.replace(/^AmazonSQS\./, '')];
    if (!operation) return error('UnsupportedOperation', `${target} is not emulated`);
    try {
      return { status: 200, body: operation(JSON.parse(body || '{}') as Request) };
    } catch (caught) {
      if (caught instanceof QueueDoesNotExist) return error('QueueDoesNotExist', caught.message);
      if (caught instanceof ReceiptHandleIsInvalid) return error('ReceiptHandleIsInvalid', caught.message);
      if (caught instanceof SyntaxError) return error('InvalidParameterValue', 'Malformed request body');
      throw caught;
    }
  };
};

export const listenSqsEndpoint = (handle: ReturnType<typeof sqsOperations>) =>
  listenJsonProtocolEndpoint('application/x-amz-json-1.0', (target, body) => {
    const reply = handle(target, body);
    return { status: reply.status, body: JSON.stringify(reply.body) };
  });

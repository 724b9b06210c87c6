import { describe, expect, it } from 'vitest';
import { localQueues, md5Of } from '../../../infra/local/queues/local-queues';
import { pollQueue } from '../../../infra/local/queues/queue-poller';
import { sqsOperations } from '../../../infra/local/queues/sqs-endpoint';

const definitions = [
  {
    logicalId: 'Work',
    name: 'work',
    visibilityTimeoutSeconds: 30,
    delaySeconds: 0,
    redrive: { deadLetterQueue: 'dead', maxReceiveCount: 3 },
  },
  { logicalId: 'Dead', name: 'dead', visibilityTimeoutSeconds: 30, delaySeconds: 0 },
];

const clock = () => {
  let time = 1_000_000;
  return { now: () => time, advance: (seconds: number) => (time += seconds * 1000) };
};

describe('local SQS queues', () => {
  it('hides a received message for the visibility timeout and brings it back unless deleted', () => {
    const time = clock();
    const queues = localQueues(definitions, { now: time.now });
    queues.send('work', 'a');
    const [first] = queues.receive('work', 10);
    expect(first?.receiveCount).toBe(1);
    expect(queues.receive('work', 10)).toEqual([]);
    time.advance(30);
    const [again] = queues.receive('work', 10);
    expect(again?.messageId).toBe(first?.messageId);
    expect(again?.receiveCount).toBe(2);
    queues.delete('work', again?.receiptHandle ?? '');
    time.advance(60);
    expect(queues.receive('work', 10)).toEqual([]);
  });

  it('honours a changed visibility (backoff) and a send delay, scaled by the time scale', () => {
    const time = clock();
    const queues = localQueues(definitions, { now: time.now, timeScale: 0.5 });
    queues.send('work', 'later', 10);
    time.advance(4.9);
    expect(queues.receive('work', 1)).toEqual([]);
    time.advance(0.1);
    const [message] = queues.receive('work', 1);
    queues.changeVisibility('work', message?.receiptHandle ?? '', 120);
    time.advance(59);
    expect(queues.receive('work', 1)).toEqual([]);
    time.advance(1);
    expect(queues.receive('work', 1)).toHaveLength(1);
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue instead of receiving it again', () => {
    const time = clock();
    const queues = localQueues(definitions, { now: time.now });
    queues.send('work', 'poison');
    queues.send('work', 'fine');
    for (let i = 0; i < 3; i++) {
      const received = queues.receive('work', 1);
      expect(received[0]?.body).toBe('poison');
      time.advance(30);
    }
    const next = queues.receive('work', 10);
    expect(next.map((message) => message.body)).toEqual(['fine']);
    expect(queues.snapshot('dead').messages.map((message) => message.body)).toEqual(['poison']);
  });

  it('answers the SDK’s JSON protocol with the MD5 the SDK checks, and QueueDoesNotExist for an unknown queue', () => {
    const queues = localQueues(definitions);
    const handle = sqsOperations(queues, (name) => `http://local/000000000000/${name}`);
    const sent = handle(
      'AmazonSQS.SendMessage',
      JSON.stringify({ QueueUrl: 'http://local/000000000000/work', MessageBody: '{"x":1}' }),
    );
    expect(sent.body).toMatchObject({ MD5OfMessageBody: md5Of('{"x":1}') });
    const batch = handle(
      'AmazonSQS.SendMessageBatch',
      JSON.stringify({
        QueueUrl: 'http://local/000000000000/work',
        Entries: [{ Id: '0', MessageBody: 'b' }],
      }),
    );
    expect(batch.body).toMatchObject({ Successful: [{ Id: '0' }], Failed: [] });
    expect(
      handle('AmazonSQS.SendMessage', JSON.stringify({ QueueUrl: 'http://local/0/nope', MessageBody: 'x' })),
    ).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist' },
    });
  });

  it('runs a mapping as Lambda does: deletes what succeeded, keeps the reported failures for a retry', async () => {
    const queues = localQueues(definitions);
    queues.send('work', 'ok');
    queues.send('work', 'fail');
    const seen: string[] = [];
    const poller = pollQueue(
      {
        logicalId: 'M',
        queueName: 'work',
        functionLogicalId: 'Fn',
        batchSize: 10,
        reportBatchItemFailures: true,
      },
      {
        queues,
        region: 'cn-north-1',
        queueArn: (name) => `arn:aws-cn:sqs:cn-north-1:000000000000:${name}`,
        pollIntervalMs: 5,
        invoke: async (_fn, event) => {
          const records = (event as { Records: { messageId: string; body: string }[] }).Records;
          seen.push(...records.map((record) => record.body));
          return {
            batchItemFailures: records
              .filter((record) => record.body === 'fail')
              .map((record) => ({ itemIdentifier: record.messageId })),
          };
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await poller.stop();
    expect(seen).toEqual(['ok', 'fail']);
    expect(queues.snapshot('work').messages.map((message) => message.body)).toEqual(['fail']);
    expect(poller.stats()).toMatchObject({ delivered: 1, failed: 1 });
  });
});

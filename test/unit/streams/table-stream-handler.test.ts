import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';

const record = (item: Record<string, unknown> | undefined, seq: string): DynamoDBRecord => ({
  eventName: 'MODIFY',
  dynamodb: { SequenceNumber: seq, ...(item ? { NewImage: marshall(item) as never } : {}) },
});

const consumer = (failOn?: string) => {
  const handled: string[] = [];
  const handler = tableStreamHandler({
    workOf: (item) => (typeof item.id === 'string' ? item.id : undefined),
    handle: async (id: string) => {
      if (id === failOn) throw new Error(`cannot handle ${id}`);
      handled.push(id);
    },
    failureMessage: 'handling failed',
    logFields: (id) => ({ id }),
  });
  return { handled, handler };
};

describe('tableStreamHandler', () => {
  it('handles the records that carry work, in order, passing the others by', async () => {
    const { handled, handler } = consumer();
    const result = await handler({
      Records: [
        record({ id: 'a' }, '1'),
        record(undefined, '2'),
        record({ other: 1 }, '3'),
        record({ id: 'b' }, '4'),
      ],
    });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(handled).toEqual(['a', 'b']);
  });

  it('stops at the first failure and reports that record, so the stream retries from it', async () => {
    const { handled, handler } = consumer('b');
    const result = await handler({
      Records: [record({ id: 'a' }, '1'), record({ id: 'b' }, '2'), record({ id: 'c' }, '3')],
    });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(handled).toEqual(['a']);
  });

  it('reports an unreadable image as that record’s failure, after handling the records before it', async () => {
    const { handled, handler } = consumer();
    const unreadable: DynamoDBRecord = {
      eventName: 'MODIFY',
      dynamodb: { SequenceNumber: '2', NewImage: { id: { Q: 'no such type' } } as never },
    };
    const result = await handler({
      Records: [record({ id: 'a' }, '1'), unreadable, record({ id: 'c' }, '3')],
    });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(handled).toEqual(['a']);
  });
});

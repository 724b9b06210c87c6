import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { memoryDeadLetters } from '../../../infra/local/dead-letters/dead-letters';
import { matchesPattern, parseFilterPattern } from '../../../infra/local/streams/filter-pattern';
import { type StreamMapping, streamMappings } from '../../../infra/local/streams/stream-mappings';
import { startStreamPoller } from '../../../infra/local/streams/stream-poller';
import { localTable } from '../../../infra/local/template/tables';
import type { StackTemplate } from '../../../infra/local/template/types';
import { apiStack, dataStack } from '../../support/local-template-fixture';
import { fakeStream } from './fake-stream';

/** The outbox filters exactly as the delivery function's mapping declares them (infra/constructs/issue-workflow.ts). */
const OUTBOX_PATTERNS = [
  '{"eventName":["INSERT","MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["issue"]},"workflow":{"M":{"delivery":{"M":{"token":{"S":[{"exists":true}]}}}}}}}}',
  '{"eventName":["INSERT","MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["issue"]},"workflow":{"M":{"startPending":{"BOOL":[true]}}}}}}',
];

const withMapping: StackTemplate = {
  ...apiStack,
  template: {
    Resources: {
      ...apiStack.template.Resources,
      DeliverMapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          EventSourceArn: {
            'Fn::ImportValue': 'Qinqing-test-Data:ExportsOutputFnGetAttProgramTable49512687StreamArn18C9FFA2',
          },
          FunctionName: { Ref: 'ApiunitsFunction449702D4' },
          BatchSize: 2,
          MaximumRetryAttempts: 3,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          FilterCriteria: { Filters: OUTBOX_PATTERNS.map((Pattern) => ({ Pattern })) },
          StartingPosition: 'TRIM_HORIZON',
        },
      },
    },
  },
};

const region = 'cn-north-1';
const accountId = '000000000000';
const namer = localTable(region, accountId);
const scope = {
  stacks: [dataStack, withMapping],
  region,
  accountId,
  namers: { 'AWS::DynamoDB::Table': namer },
};

/** A stream record as the Streams API answers it. */
const streamRecord = (sequence: number, item: Record<string, unknown>, eventName = 'MODIFY') => ({
  eventID: `e${sequence}`,
  eventName: eventName as 'MODIFY',
  eventSource: 'aws:dynamodb',
  awsRegion: region,
  dynamodb: {
    ApproximateCreationDateTime: new Date('2026-03-02T02:00:00Z'),
    Keys: marshall({ pk: item.pk, sk: item.sk }),
    NewImage: marshall(item),
    SequenceNumber: String(sequence),
    StreamViewType: 'NEW_IMAGE' as const,
  },
});
const issue = (id: string, workflow: Record<string, unknown>) => ({
  pk: `ISSUE#${id}`,
  sk: 'ISSUE',
  entity: 'issue',
  id,
  workflow: { signals: [], ...workflow },
});

describe('local streams: the template’s event source mappings', () => {
  it('reads a DynamoDB stream mapping: its table, function, batch, retries and filters', () => {
    const [mapping] = streamMappings(withMapping, scope);

    expect(mapping).toMatchObject({
      logicalId: 'DeliverMapping',
      tableName: 'ProgramTable49512687',
      functionLogicalId: 'ApiunitsFunction449702D4',
      batchSize: 2,
      maximumRetryAttempts: 3,
      reportBatchItemFailures: true,
    });
    expect(mapping?.filters).toHaveLength(2);
  });

  it('refuses a filter rule local mode would not apply as Lambda does', () => {
    expect(() =>
      parseFilterPattern('{"dynamodb":{"Keys":{"pk":{"S":[{"anything-but":"x"}]}}}}', 'M'),
    ).toThrow(/does not understand the filter rule/);
  });
});

describe('local streams: filter patterns as Lambda applies them', () => {
  const patterns = OUTBOX_PATTERNS.map((pattern) => parseFilterPattern(pattern, 'test'));
  const passes = (record: ReturnType<typeof streamRecord>) =>
    patterns.some((pattern) => matchesPattern(pattern, JSON.parse(JSON.stringify(record))));

  it('passes issue items with a wait’s answer or a pending start', () => {
    expect(
      passes(
        streamRecord(1, issue('I1', { delivery: { token: 't', output: { seq: 1, kind: 'resolved' } } })),
      ),
    ).toBe(true);
    expect(passes(streamRecord(2, issue('I1', { startPending: true }), 'INSERT'))).toBe(true);
  });

  it('drops everything else', () => {
    expect(passes(streamRecord(3, issue('I1', {})))).toBe(false);
    expect(passes(streamRecord(4, issue('I1', { startPending: false })))).toBe(false);
    expect(passes(streamRecord(5, { ...issue('I1', { startPending: true }), entity: 'unit' }))).toBe(false);
  });
});

describe('local streams: the poller', () => {
  const mapping = (): StreamMapping => {
    const [found] = streamMappings(withMapping, scope);
    if (!found) throw new Error('no mapping');
    return found;
  };
  const pending = (id: string) => issue(id, { startPending: true });

  /** A poller on a fake stream, recording what the function got, in order. */
  const poll = async (
    stream: ReturnType<typeof fakeStream>,
    options: { batchSize?: number; invoke?: (event: DynamoDBStreamEvent) => Promise<unknown> } = {},
  ) => {
    const delivered: string[] = [];
    const lines: string[] = [];
    const deadLetters = memoryDeadLetters();
    const invoke = vi.fn(async (_: string, event: unknown) => {
      const outcome = await (options.invoke ?? (async () => ({ batchItemFailures: [] })))(
        event as DynamoDBStreamEvent,
      );
      delivered.push(
        ...(event as DynamoDBStreamEvent).Records.map((record) => record.dynamodb?.SequenceNumber ?? ''),
      );
      return outcome;
    });
    const poller = await startStreamPoller({
      client: stream.client,
      mapping: { ...mapping(), ...(options.batchSize ? { batchSize: options.batchSize } : {}) },
      invoke,
      log: (line) => lines.push(line),
      intervalMs: 2,
      deadLetters,
    });
    return { poller, invoke, delivered, lines, deadLetters };
  };

  it('hands the records its filters pass to the function, shaped as Lambda delivers them, and retries a failed one', async () => {
    const stream = fakeStream();
    const events: DynamoDBStreamEvent[] = [];
    const { poller, invoke } = await poll(stream, {
      // The first attempt reports the second record failed.
      invoke: async (event) => {
        events.push(event);
        return events.length === 1
          ? { batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber ?? '' }] }
          : { batchItemFailures: [] };
      },
    });
    stream.put(issue('I1', {}));
    const second = stream.put(pending('I2'));
    const third = stream.put(issue('I3', { delivery: { token: 't', error: 'Overdue', cause: '{}' } }));
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 2_000 });
    await poller.stop();

    expect(invoke.mock.calls[0]?.[0]).toBe('ApiunitsFunction449702D4');
    expect(events[0]?.Records.map((record) => record.dynamodb?.SequenceNumber)).toEqual([second, third]);
    expect(events[0]?.Records[0]).toMatchObject({
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      eventSourceARN: expect.stringContaining(':table/program/stream/'),
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-03-02T02:00:00Z') / 1000,
        NewImage: { id: { S: 'I2' }, workflow: { M: { startPending: { BOOL: true } } } },
      },
    });
    // From the failed record on, nothing before it again.
    expect(events[1]?.Records.map((record) => record.dynamodb?.SequenceNumber)).toEqual([third]);
  });

  it('gives a record up after the mapping’s retries and keeps it as a dead letter, with the event to redrive', async () => {
    const stream = fakeStream();
    const { poller, invoke, lines, deadLetters } = await poll(stream, {
      batchSize: 1,
      invoke: async () => {
        throw new Error('Step Functions is unreachable');
      },
    });
    const failing = stream.put(pending('I1'));
    await vi.waitFor(
      () => expect(lines.some((line) => line.includes(`record ${failing} dead-lettered`))).toBe(true),
      {
        timeout: 5_000,
      },
    );
    await poller.stop();

    // One attempt and three retries.
    expect(invoke).toHaveBeenCalledTimes(4);
    const [letter] = await deadLetters.list();
    expect(letter).toMatchObject({
      source: 'stream',
      origin: 'DeliverMapping',
      functionLogicalId: 'ApiunitsFunction449702D4',
      error: 'Error: Step Functions is unreachable',
      attempts: 4,
    });
    expect((letter?.event as DynamoDBStreamEvent | undefined)?.Records[0]?.dynamodb?.SequenceNumber).toBe(
      failing,
    );
    expect(poller.status()).toMatchObject({ deadLettered: 1, delivered: 0 });
  });

  it('leaves out what the stream held before it started', async () => {
    const stream = fakeStream();
    stream.put(pending('before-1'));
    stream.put(pending('before-2'));
    const { poller, delivered } = await poll(stream);
    const after = stream.put(pending('after'));
    await vi.waitFor(() => expect(delivered).toEqual([after]), { timeout: 2_000 });
    await poller.stop();
  });

  it('recovers when DynamoDB Local calls the first record of an empty shard trimmed (another table wrote in between)', async () => {
    const stream = fakeStream();
    const { poller, delivered, lines } = await poll(stream);
    // The newcomer's path: the idempotency and ledger tables are written before the program table.
    stream.writeElsewhere(3);
    const first = stream.put(pending('I1'));
    const second = stream.put(pending('I2'));
    await vi.waitFor(() => expect(delivered).toEqual([first, second]), { timeout: 2_000 });
    const third = stream.put(pending('I3'));
    await vi.waitFor(() => expect(delivered).toEqual([first, second, third]), { timeout: 2_000 });
    await poller.stop();

    expect(lines).toContainEqual(
      expect.stringMatching(
        /TrimmedDataAccessException on shard-1; recovered with a fresh iterator from the shard's first record/,
      ),
    );
    expect(poller.status()).toMatchObject({ recoveries: 1, delivered: 3 });
    expect(poller.status().failingSince).toBeUndefined();
  });

  it('takes a fresh iterator after the last record read when one expires: nothing lost, nothing twice', async () => {
    const stream = fakeStream();
    const { poller, delivered, lines } = await poll(stream);
    const first = stream.put(pending('I1'));
    await vi.waitFor(() => expect(delivered).toEqual([first]), { timeout: 2_000 });
    stream.expireIterators();
    const second = stream.put(pending('I2'));
    await vi.waitFor(() => expect(delivered).toEqual([first, second]), { timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await poller.stop();

    expect(delivered).toEqual([first, second]);
    expect(lines).toContainEqual(
      expect.stringContaining(
        `ExpiredIteratorException on shard-1; recovered with a fresh iterator after record ${first}`,
      ),
    );
  });

  it('reads a closed shard to its end and its child from its first record', async () => {
    const stream = fakeStream();
    const { poller, delivered } = await poll(stream);
    const inParent = stream.put(pending('I1'));
    stream.roll();
    stream.writeElsewhere(2);
    const inChild = stream.put(pending('I2'));
    await vi.waitFor(() => expect(delivered).toEqual([inParent, inChild]), { timeout: 3_000 });
    await poller.stop();
    expect(poller.status()).toMatchObject({ shards: 1, delivered: 2 });
  });

  it('says where it went when the record it stood after was trimmed away', async () => {
    const stream = fakeStream();
    const { poller, delivered, lines } = await poll(stream);
    const first = stream.put(pending('I1'));
    await vi.waitFor(() => expect(delivered).toEqual([first]), { timeout: 2_000 });
    const second = stream.put(pending('I2'));
    stream.trim(1);
    stream.expireIterators();
    await vi.waitFor(() => expect(delivered).toEqual([first, second]), { timeout: 2_000 });
    await poller.stop();
    expect(lines).toContainEqual(expect.stringContaining(`record ${first} was trimmed`));
  });
});

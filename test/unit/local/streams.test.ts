import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { matchesPattern, parseFilterPattern } from '../../../infra/local/streams/filter-pattern';
import { type StreamMapping, streamMappings } from '../../../infra/local/streams/stream-mappings';
import { startStreamPoller } from '../../../infra/local/streams/stream-poller';
import { localTable } from '../../../infra/local/template/tables';
import type { StackTemplate } from '../../../infra/local/template/types';
import { apiStack, dataStack } from '../../support/local-template-fixture';

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

  const streams = () => {
    const client = new DynamoDBStreamsClient({ region });
    const mock = mockClient(client);
    mock.on(ListStreamsCommand).resolves({ Streams: [{ StreamArn: 'arn:stream/1', StreamLabel: '1' }] });
    mock.on(DescribeStreamCommand).resolves({
      StreamDescription: {
        Shards: [{ ShardId: 's1', SequenceNumberRange: { StartingSequenceNumber: '1' } }],
      },
    });
    mock.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-0' });
    mock
      .on(GetRecordsCommand)
      .resolves({ Records: [], NextShardIterator: 'it-2' })
      .on(GetRecordsCommand, { ShardIterator: 'it-0' })
      .resolves({
        Records: [
          streamRecord(10, issue('I1', {})),
          streamRecord(11, issue('I2', { startPending: true })),
          streamRecord(12, issue('I3', { delivery: { token: 't', error: 'Overdue', cause: '{}' } })),
        ],
        NextShardIterator: 'it-1',
      });
    return { client, mock };
  };

  it('hands the records its filters pass to the function, shaped as Lambda delivers them, and retries a failed one', async () => {
    const { client } = streams();
    const events: DynamoDBStreamEvent[] = [];
    const invoke = vi.fn(async (_: string, event: unknown) => {
      events.push(event as DynamoDBStreamEvent);
      // The first attempt reports the second record failed.
      return events.length === 1
        ? { batchItemFailures: [{ itemIdentifier: '12' }] }
        : { batchItemFailures: [] };
    });

    const poller = await startStreamPoller({
      client,
      mapping: mapping(),
      invoke,
      log: () => {},
      intervalMs: 5,
    });
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 2_000 });
    await poller.stop();

    expect(invoke.mock.calls[0]?.[0]).toBe('ApiunitsFunction449702D4');
    expect(events[0]?.Records.map((record) => record.dynamodb?.SequenceNumber)).toEqual(['11', '12']);
    expect(events[0]?.Records[0]).toMatchObject({
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      eventSourceARN: 'arn:stream/1',
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-03-02T02:00:00Z') / 1000,
        NewImage: { id: { S: 'I2' }, workflow: { M: { startPending: { BOOL: true } } } },
      },
    });
    // From the failed record on, nothing before it again.
    expect(events[1]?.Records.map((record) => record.dynamodb?.SequenceNumber)).toEqual(['12']);
  });

  it('gives a record up after the mapping’s retries, as Lambda would send it to the failure destination', async () => {
    const { client } = streams();
    const lines: string[] = [];
    const invoke = vi.fn(async (_: string, _event: unknown): Promise<unknown> => {
      throw new Error('Step Functions is unreachable');
    });

    const poller = await startStreamPoller({
      client,
      mapping: { ...mapping(), batchSize: 1 },
      invoke,
      log: (line) => lines.push(line),
      intervalMs: 1,
    });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('record 11 dropped'))).toBe(true), {
      timeout: 5_000,
    });
    await poller.stop();

    // One attempt and three retries for record 11.
    const attemptsOn11 = invoke.mock.calls.filter(
      ([, event]) => (event as DynamoDBStreamEvent).Records[0]?.dynamodb?.SequenceNumber === '11',
    );
    expect(attemptsOn11).toHaveLength(4);
  });
});

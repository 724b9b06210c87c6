import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handler, publishReports } from '../../../../functions/events/publish-reports/handler';
import { emptyUnitInspection } from '../../../../shared/domain/rhythm/inspection';

const eventBridge = mockClient(EventBridgeClient);

const row = (unitId: string) => ({
  pk: 'INSPECTION#2026-W48',
  sk: `UNIT#${unitId}`,
  entity: 'inspectionReport',
  ...emptyUnitInspection(unitId),
  card: 'red',
  cards: {
    blue: { count: 0, issueIds: [] },
    yellow: { count: 0, issueIds: [] },
    red: { count: 1, issueIds: ['I1'] },
  },
  week: '2026-W48',
  asOf: '2026-11-23',
  quarter: '2026Q4',
  createdAt: '2026-11-23T00:30:05.000Z',
});

const record = (
  item: Record<string, unknown>,
  seq: string,
  eventName: DynamoDBRecord['eventName'] = 'INSERT',
) =>
  ({
    eventName,
    dynamodb: {
      SequenceNumber: seq,
      NewImage: marshall(item, { removeUndefinedValues: true }),
    },
  }) as DynamoDBRecord;

const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

beforeEach(() => {
  eventBridge.reset();
});

describe('the report publisher', () => {
  it('puts one WeeklyInspectionReported event per new row on the bus, with its stable id', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });

    const result = await handler(streamEvent(record(row('U1'), '1'), record(row('U2'), '2')));

    expect(result).toEqual({ batchItemFailures: [] });
    const entries = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.[0]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      EventBusName: 'program-events',
      Source: 'qinqing.program',
      DetailType: 'WeeklyInspectionReported',
      Time: new Date('2026-11-23T00:00:00+08:00'),
    });
    expect(JSON.parse(entries[0]?.Detail ?? '{}')).toEqual({
      id: 'weekly-inspection/2026-W48/U1',
      week: '2026-W48',
      asOf: '2026-11-23',
      quarter: '2026Q4',
      unitId: 'U1',
      card: 'red',
      open: 0,
      overdue: 0,
      dueSoon: 0,
      workingDaysOverdue: { total: 0, max: 0 },
      returns: 0,
      reReviews: 0,
      cards: { blue: 0, yellow: 0, red: 1 },
    });
  });

  it('ignores anything but newly inserted inspection rows', async () => {
    const publish = vi.fn(async () => []);
    await publishReports(publish)(
      streamEvent(record(row('U1'), '1', 'MODIFY'), record({ ...row('U2'), entity: 'issue' }, '2')),
    );
    expect(publish).not.toHaveBeenCalled();
  });

  it('reports the first row EventBridge did not take, so the stream retries from it', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] })
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });

    const result = await handler(
      streamEvent(record(row('U1'), '1'), record(row('U2'), '2'), record(row('U3'), '3')),
    );

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });
});

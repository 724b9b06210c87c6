import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/events/publish-issue-events/handler';

const eventBridge = mockClient(EventBridgeClient);

const ledgerItem = (seq: number, action: string, toStatus: string, data: Record<string, unknown>) => ({
  pk: 'ISSUE#I1',
  sk: `SEQ#${String(seq).padStart(10, '0')}`,
  issueId: 'I1',
  seq,
  at: '2026-12-05T02:00:00.000Z',
  actor: { sub: 'operator-1', role: 'operator' },
  action,
  fromStatus: 'open',
  toStatus,
  data,
  unitId: 'U1',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
});

const record = (item: Record<string, unknown>, seq: string) =>
  ({ eventName: 'INSERT', dynamodb: { SequenceNumber: seq, NewImage: marshall(item) } }) as DynamoDBRecord;

const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

beforeEach(() => eventBridge.reset());

describe('the issue event publisher (ledger stream)', () => {
  it('publishes an entry’s events with stable ids, the same ids when the stream delivers it again', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }] });
    const escalation = record(
      ledgerItem(2, 'escalated', 'assigned', { unitId: 'U1', dueDate: '2026-12-18' }),
      '7',
    );
    expect(await handler(streamEvent(escalation))).toEqual({ batchItemFailures: [] });
    expect(await handler(streamEvent(escalation))).toEqual({ batchItemFailures: [] });
    const details = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? [])
      .map((entry) => [entry.DetailType, JSON.parse(entry.Detail ?? '{}').id]);
    expect(details).toEqual([
      ['IssueEscalated', 'issue/I1/2/IssueEscalated'],
      ['IssueAssigned', 'issue/I1/2/IssueAssigned'],
      ['IssueEscalated', 'issue/I1/2/IssueEscalated'],
      ['IssueAssigned', 'issue/I1/2/IssueAssigned'],
    ]);
  });

  it('skips bookkeeping entries and reports the record EventBridge did not take, so the stream retries from it', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }, { EventId: 'b' }] });
    const progress = record(ledgerItem(3, 'progress_reported', 'assigned', { note: '已联系企业' }), '8');
    const resolution = record(
      ledgerItem(4, 'resolved', 'awaiting_feedback', { resolution: '已办', unitId: 'U1' }),
      '9',
    );
    expect(await handler(streamEvent(progress, resolution))).toEqual({
      batchItemFailures: [{ itemIdentifier: '9' }],
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });
});

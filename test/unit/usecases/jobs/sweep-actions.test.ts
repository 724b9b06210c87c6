import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { dailyCloseKeys, issueKeys } from '../../../../shared/db/keys';
import type { SweepWait } from '../../../../shared/domain/issues/sweep-rules';
import { signalWait } from '../../../../shared/usecases/jobs/sweep-actions';

const ddb = mockClient(DynamoDBDocumentClient);

const wait: SweepWait = { seq: 2, token: 'token-2', waitingFor: 'resolution' };
const cause = { at: '2026-03-10T00:00:00+08:00', workingDaysOverdue: 1 };
const sweep = { asOf: '2026-03-10', startedAt: '2026-03-10T01:00:00.000Z', count: { overdueSignals: 1 } };
const conditionFailed = () =>
  new TransactionCanceledException({
    message: 'condition',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
  });

beforeEach(() => {
  ddb.reset();
  ddb.on(TransactWriteCommand).resolves({});
});

describe('signalling a wait', () => {
  it('takes the wait off the issue, puts its failure in the outbox and counts it, in one transaction', async () => {
    expect(await signalWait('I1', wait, 'Overdue', cause, sweep)).toBe(true);

    // Found by fault injection: the count used to be a write of its own after the signal; when it
    // failed, the day's record stayed one short for good (a re-run finds the wait taken).
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const [signal, entry, count] =
      ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(signal?.Update).toMatchObject({
      Key: issueKeys.workflow('I1'),
      UpdateExpression: 'REMOVE #wait SET delivery = :delivery, rev = rev + :one',
      ConditionExpression: '#wait.#token = :token',
      ExpressionAttributeValues: {
        ':token': 'token-2',
        ':delivery': { token: 'token-2', error: 'Overdue', cause: JSON.stringify(cause) },
        ':one': 1,
      },
    });
    // The outbox entry item whose one stream record delivers the failure.
    expect(entry?.Put).toMatchObject({
      Item: {
        entity: 'issueOutbox',
        issueId: 'I1',
        answer: { token: 'token-2', error: 'Overdue', cause: JSON.stringify(cause) },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(entry?.Put?.Item?.sk).toMatch(/^WORKFLOW#OUTBOX#/);
    expect(count?.Update?.Key).toEqual(dailyCloseKeys.day('2026-03-10'));
    expect(count?.Update?.ExpressionAttributeValues).toMatchObject({ ':c0': 1 });
  });

  it('does nothing when the wait is taken already (another run, or a decision took it)', async () => {
    ddb.on(TransactWriteCommand).rejects(conditionFailed());

    expect(await signalWait('I1', wait, 'NoResponse', cause, sweep)).toBe(false);
  });

  it('lets other failures through, so the run lists the issue and a re-run retries it', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));

    await expect(signalWait('I1', wait, 'Overdue', cause, sweep)).rejects.toThrow('throttled');
  });
});

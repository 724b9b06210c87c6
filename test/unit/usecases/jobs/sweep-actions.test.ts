import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { issueKeys } from '../../../../shared/db/keys';
import type { SweepWait } from '../../../../shared/domain/issues/sweep-rules';
import { signalWait } from '../../../../shared/usecases/jobs/sweep-actions';

const ddb = mockClient(DynamoDBDocumentClient);

const wait: SweepWait = { seq: 2, token: 'token-2', waitingFor: 'resolution' };
const cause = { at: '2026-03-10T00:00:00+08:00', workingDaysOverdue: 1 };
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'condition', $metadata: {} });

beforeEach(() => {
  ddb.reset();
  ddb.on(UpdateCommand).resolves({});
});

describe('signalling a wait', () => {
  it('takes the wait off the issue and puts its failure in the outbox, in one conditional write', async () => {
    expect(await signalWait('I1', wait, 'Overdue', cause)).toBe(true);

    expect(ddb).toHaveReceivedCommandTimes(UpdateCommand, 1);
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      Key: issueKeys.item('I1'),
      UpdateExpression:
        'REMOVE workflow.#wait SET workflow.delivery = :delivery, workflowRev = workflowRev + :one',
      ConditionExpression: 'workflow.#wait.#token = :token',
      ExpressionAttributeValues: {
        ':token': 'token-2',
        ':delivery': { token: 'token-2', error: 'Overdue', cause: JSON.stringify(cause) },
        ':one': 1,
      },
    });
  });

  it('does nothing when the wait is taken already (another run, or a decision took it)', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());

    expect(await signalWait('I1', wait, 'NoResponse', cause)).toBe(false);
  });

  it('lets other failures through, so the run lists the issue and a re-run retries it', async () => {
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));

    await expect(signalWait('I1', wait, 'Overdue', cause)).rejects.toThrow('throttled');
  });
});

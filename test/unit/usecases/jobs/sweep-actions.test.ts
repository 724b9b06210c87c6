import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../../../shared/db/keys';
import type { SweepWait } from '../../../../shared/domain/issues/sweep-rules';
import { signalWait, WaitingTaskGone } from '../../../../shared/usecases/jobs/sweep-actions';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const wait: SweepWait = { seq: 2, token: 'token-2', waitingFor: 'resolution' };
const cause = { at: '2026-03-10T00:00:00+08:00', workingDaysOverdue: 1 };
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'condition', $metadata: {} });
const named = (name: string) => Object.assign(new Error(name), { name });

const claim = { UpdateExpression: 'REMOVE workflow.#wait SET workflowRev = workflowRev + :one' };
const putBack = { UpdateExpression: 'SET workflow.#wait = :wait, workflowRev = workflowRev + :one' };

beforeEach(() => {
  ddb.reset();
  sfn.reset();
  ddb.on(UpdateCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
});

describe('signalling a wait', () => {
  it('claims the wait by its token, then fails it with the signal and its cause', async () => {
    expect(await signalWait('I1', wait, 'Overdue', cause)).toBe(true);

    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      ...claim,
      Key: keys.issue('I1'),
      ConditionExpression: 'workflow.#wait.#token = :token',
      ExpressionAttributeValues: { ':token': 'token-2', ':one': 1 },
    });
    expect(sfn).toHaveReceivedCommandWith(SendTaskFailureCommand, {
      taskToken: 'token-2',
      error: 'Overdue',
      cause: JSON.stringify(cause),
    });
  });

  it('sends nothing when the wait is claimed already (another run, or a decision took it)', async () => {
    ddb.on(UpdateCommand, claim).rejects(conditionFailed());

    expect(await signalWait('I1', wait, 'NoResponse', cause)).toBe(false);

    expect(sfn).not.toHaveReceivedAnyCommand();
  });

  it('reports a task that no longer exists, so an operator sees the execution needs repair', async () => {
    sfn.on(SendTaskFailureCommand).rejects(named('TaskTimedOut'));

    await expect(signalWait('I1', wait, 'Overdue', cause)).rejects.toBeInstanceOf(WaitingTaskGone);
    expect(ddb).not.toHaveReceivedCommandWith(UpdateCommand, putBack);
  });

  it('puts the wait back when the signal could not be sent, so the next run sends it', async () => {
    sfn.on(SendTaskFailureCommand).rejects(named('ThrottlingException'));

    await expect(signalWait('I1', wait, 'Overdue', cause)).rejects.toThrow('ThrottlingException');

    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      ...putBack,
      ExpressionAttributeValues: { ':wait': wait, ':seq': 2, ':one': 1 },
    });
    expect(sfn).not.toHaveReceivedCommand(SendTaskSuccessCommand);
  });

  it('completes the wait with a decision recorded while the sweep held it', async () => {
    sfn.on(SendTaskFailureCommand).rejects(named('ThrottlingException'));
    ddb.on(UpdateCommand, putBack).rejects(conditionFailed());
    ddb.on(GetCommand).resolves({
      Item: {
        id: 'I1',
        workflowRev: 3,
        workflow: { executionArn: 'a', signals: ['dispatched', 'resolved'] },
      },
    });

    await expect(signalWait('I1', wait, 'Overdue', cause)).rejects.toThrow('ThrottlingException');

    expect(sfn).toHaveReceivedCommandWith(SendTaskSuccessCommand, {
      taskToken: 'token-2',
      output: JSON.stringify({ seq: 2, kind: 'resolved' }),
    });
  });
});

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/workflow/deliver-signals/handler';
import { issueKeys } from '../../../../shared/db/keys';
import { streamRecordOf } from '../../../support/stream-records';

const STATE_MACHINE = 'arn:aws:states:cn-north-1:000000000000:stateMachine:issues';
process.env.ISSUE_STATE_MACHINE_ARN = STATE_MACHINE;

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const named = (name: string) => Object.assign(new Error(name), { name });
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'condition', $metadata: {} });

let entries = 0;
/** An outbox entry item as its put writes it: a start or a wait's answer. */
const outboxEntry = (issueId: string, entry: Record<string, unknown>) => {
  const entryId = `E${entries++}`;
  return { ...issueKeys.outboxEntry(issueId, entryId), entity: 'issueOutbox', issueId, entryId, ...entry };
};
const start = (id: string, executionArn = `${STATE_MACHINE}:${id}`) =>
  streamRecordOf(outboxEntry(id, { start: { executionArn } }));
const answer = (id: string, delivery: Record<string, unknown>) =>
  streamRecordOf(outboxEntry(id, { answer: delivery }));
const decision = (id: string, token = `token-${id}`) =>
  answer(id, { token, output: { seq: 1, kind: 'dispatched' } });
const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

const clearing = (id: string, token: string) => ({
  Key: issueKeys.workflow(id),
  UpdateExpression: 'REMOVE delivery SET rev = rev + :one',
  ConditionExpression: 'delivery.#token = :token',
  ExpressionAttributeValues: { ':token': token, ':one': 1 },
});

beforeEach(() => {
  ddb.reset();
  sfn.reset();
  ddb.on(UpdateCommand).resolves({});
  sfn.on(SendTaskSuccessCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
  sfn.on(StartExecutionCommand).resolves({ executionArn: `${STATE_MACHINE}:I1`, startDate: new Date() });
});

describe('delivering the outbox from the program table stream', () => {
  it('completes the wait with a recorded decision, then clears it on its token', async () => {
    const result = await handler(event(decision('I1')));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sfn).toHaveReceivedCommandWith(SendTaskSuccessCommand, {
      taskToken: 'token-I1',
      output: JSON.stringify({ seq: 1, kind: 'dispatched' }),
    });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, clearing('I1', 'token-I1'));
  });

  it('fails the wait with an automatic signal and its cause', async () => {
    const cause = JSON.stringify({ at: '2026-03-10T00:00:00+08:00' });
    await handler(event(answer('I2', { token: 't2', error: 'Overdue', cause })));

    expect(sfn).toHaveReceivedCommandWith(SendTaskFailureCommand, {
      taskToken: 't2',
      error: 'Overdue',
      cause,
    });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, clearing('I2', 't2'));
  });

  it('starts a pending execution named after the issue, then clears the flag', async () => {
    const result = await handler(event(start('I3')));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn: STATE_MACHINE,
      name: 'I3',
      input: JSON.stringify({ issueId: 'I3', signal: { seq: 0, kind: 'escalated' } }),
    });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      Key: issueKeys.item('I3'),
      UpdateExpression: 'REMOVE workflow.startPending',
      ConditionExpression: 'workflow.startPending = :true AND workflow.executionArn = :arn',
      ExpressionAttributeValues: { ':true': true, ':arn': `${STATE_MACHINE}:I3` },
    });
  });

  it('starts a restarted issue’s new execution by its own name', async () => {
    const result = await handler(event(start('I3', `${STATE_MACHINE}:I3-r1`)));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn: STATE_MACHINE,
      name: 'I3-r1',
    });
  });

  it('marks a start delivered once: a repeated start finds the flag cleared and succeeds all the same', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    ddb.on(UpdateCommand).rejects(conditionFailed());

    const result = await handler(event(start('I11')));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddb).toHaveReceivedCommandTimes(UpdateCommand, 1);
  });

  it('treats a start that already happened as started', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));

    const result = await handler(event(start('I3')));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, {
      UpdateExpression: 'REMOVE workflow.startPending',
    });
  });

  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])(
    'clears an answer the task can never take (%s) instead of retrying it',
    async (error) => {
      sfn.on(SendTaskSuccessCommand).rejects(named(error));

      const result = await handler(event(decision('I4')));

      expect(result).toEqual({ batchItemFailures: [] });
      expect(ddb).toHaveReceivedCommandWith(UpdateCommand, clearing('I4', 'token-I4'));
    },
  );

  it('reports the record of a transient failure, keeps its answer, and leaves the records after it for the retry', async () => {
    sfn.on(SendTaskSuccessCommand, { taskToken: 'token-I5' }).rejects(named('ThrottlingException'));
    const failing = decision('I5');

    const result = await handler(event(decision('I6'), failing, decision('I7')));

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: failing.dynamodb?.SequenceNumber }] });
    expect(ddb).toHaveReceivedCommandWith(UpdateCommand, clearing('I6', 'token-I6'));
    expect(ddb).not.toHaveReceivedCommandWith(UpdateCommand, { Key: issueKeys.workflow('I5') });
    expect(sfn).not.toHaveReceivedCommandWith(SendTaskSuccessCommand, { taskToken: 'token-I7' });
  });

  it.each(['ThrottlingException', 'ServiceUnavailable', 'TimeoutError'])(
    'keeps a pending start when StartExecution fails (%s): the record is retried and starts it once',
    async (error) => {
      sfn.on(StartExecutionCommand).rejects(named(error));
      const pending = start('I10');

      const failed = await handler(event(pending));

      expect(failed).toEqual({ batchItemFailures: [{ itemIdentifier: pending.dynamodb?.SequenceNumber }] });
      expect(ddb).not.toHaveReceivedAnyCommand();

      sfn.reset();
      sfn.on(StartExecutionCommand).resolves({ executionArn: `${STATE_MACHINE}:I10`, startDate: new Date() });
      const retried = await handler(event(pending));

      expect(retried).toEqual({ batchItemFailures: [] });
      expect(sfn).toHaveReceivedCommandTimes(StartExecutionCommand, 1);
      expect(ddb).toHaveReceivedCommandTimes(UpdateCommand, 1);
    },
  );

  it('is harmless when the same record comes again: the task is gone and the outbox cleared already', async () => {
    const again = decision('I8');
    await handler(event(again));
    sfn.on(SendTaskSuccessCommand).rejects(named('TaskTimedOut'));
    ddb.on(UpdateCommand).rejects(conditionFailed());

    const result = await handler(event(again));

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sfn).toHaveReceivedCommandTimes(SendTaskSuccessCommand, 2);
  });

  it('ignores records with nothing to deliver', async () => {
    const result = await handler(
      event(
        streamRecordOf(outboxEntry('I9', {})),
        streamRecordOf({
          ...issueKeys.workflow('I9'),
          entity: 'issueWorkflow',
          issueId: 'I9',
          delivery: { token: 't' },
        }),
        streamRecordOf({
          pk: 'UNIT#U1',
          sk: 'UNIT',
          entity: 'unit',
          id: 'U1',
          workflow: { startPending: true },
        }),
        {
          eventName: 'REMOVE',
          dynamodb: { Keys: marshall(issueKeys.item('I9')) as never, SequenceNumber: '1' },
        },
      ),
    );

    expect(result).toEqual({ batchItemFailures: [] });
    expect(sfn).not.toHaveReceivedAnyCommand();
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});

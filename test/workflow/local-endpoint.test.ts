import {
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { executionArnFor } from '../../shared/workflow/execution-arn';
import { startIssueExecution } from '../../shared/workflow/issue-execution';
import { sfnClient } from '../../shared/workflow/sfn-client';
import { completeWait } from '../../shared/workflow/task-signals';
import { describeExecution, escalate, on, raiseIssue, waitingFor } from './issue-driver';

/** The local Step Functions endpoint answers like the service, through @aws-sdk/client-sfn. */
describe('local Step Functions endpoint', () => {
  const stateMachineArn = () => process.env.ISSUE_STATE_MACHINE_ARN ?? '';

  it('starts an execution once per name: the same input again is the same execution, other input is refused', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);
    const first = await describeExecution(issueId);

    await startIssueExecution(issueId, executionArnFor(issueId));
    const again = await sfnClient.send(
      new StartExecutionCommand({ stateMachineArn: stateMachineArn(), name: issueId, input: first.input }),
    );
    const other = sfnClient.send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineArn(),
        name: issueId,
        input: '{"other":true}',
      }),
    );

    expect(again).toMatchObject({ executionArn: executionArnFor(issueId), startDate: first.startDate });
    await expect(other).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    const listed = await sfnClient.send(
      new ListExecutionsCommand({ stateMachineArn: stateMachineArn(), statusFilter: 'RUNNING' }),
    );
    expect(listed.executions?.filter((execution) => execution.name === issueId)).toHaveLength(1);
  });

  it('answers SendTaskSuccess for an unknown token with TaskDoesNotExist, for a malformed one with InvalidToken', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);
    // Well-formed, but no task waits on it.
    const unknown = `local-task-${'A'.repeat(43)}`;

    await expect(completeWait(unknown, { seq: 1, kind: 'dispatched' })).resolves.toBe('task_gone');
    await expect(
      sfnClient.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      sfnClient.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
    expect((await describeExecution(issueId)).status).toBe('RUNNING');
  });

  it('numbers history events in order, each pointing at the one before', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);

    const { events = [] } = await sfnClient.send(
      new GetExecutionHistoryCommand({ executionArn: executionArnFor(issueId) }),
    );

    expect(events[0]).toMatchObject({ id: 1, previousEventId: 0, type: 'ExecutionStarted' });
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'TaskStateEntered',
    ]);
    expect(events[5]?.timestamp).toBeInstanceOf(Date);
  });
});

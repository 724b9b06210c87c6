import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { executionNameOf, stateMachineArn } from './execution-arn';
import { sfnClient } from './sfn-client';

/** What every execution starts with: the issue and how many decisions it has consumed (none). */
export interface IssueExecutionInput {
  issueId: string;
  signal: { seq: number; kind: string };
}

/**
 * Starts the issue's execution (the one its ARN names). StartExecution with the same name and input
 * is idempotent, so a retry after a lost answer is safe; the same name with other input means it was
 * started already.
 */
export const startIssueExecution = async (issueId: string, executionArn: string): Promise<void> => {
  const input: IssueExecutionInput = { issueId, signal: { seq: 0, kind: 'escalated' } };
  try {
    await sfnClient.send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineArn(),
        name: executionNameOf(executionArn),
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
};

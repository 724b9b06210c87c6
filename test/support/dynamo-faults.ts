import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { documentClient } from '../../shared/db/client';

/**
 * What the SDK throws once its own retries are spent (aws-sdk-client-mock replaces `send`, so these
 * stand for the last attempt's error), and the status a client must then get.
 */
export const FAULTS = {
  throttling: {
    status: 503,
    error: () =>
      new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: { attempts: 3 } }),
  },
  timeout: {
    status: 503,
    error: () => Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
  },
  serviceError: {
    status: 503,
    error: () =>
      new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } }),
  },
  /** Only a transaction can lose a race: the other commands pass this fault by. */
  transactionConflict: {
    status: 409,
    error: () =>
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }],
      }),
  },
  /**
   * A transaction that met another one, its reasons naming a condition failure beside the conflict
   * (the first write's, without the item it found): a lost race all the same, never a refusal.
   */
  mixedCancellation: {
    status: 409,
    error: (writes = 2) =>
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: Array.from({ length: Math.max(writes, 2) }, (_, i) => ({
          Code: i === 0 ? 'ConditionalCheckFailed' : 'TransactionConflict',
        })),
      }),
  },
} as const;

/** Faults only a transaction can meet: the other commands pass them by. */
const TRANSACTION_FAULTS: readonly FaultName[] = ['transactionConflict', 'mixedCancellation'];

export type FaultName = keyof typeof FAULTS;

/** Whether only a transaction can meet the fault: a run that sends none passes it by. */
export const onlyTransactionsMeet = (fault: FaultName): boolean => TRANSACTION_FAULTS.includes(fault);

/** Every command the repositories send through the document client. */
const COMMANDS = [
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
] as const;

/**
 * Puts the shared document client behind aws-sdk-client-mock: every command goes to DynamoDB Local as
 * before, except the one `failAt` names (counted from 1 per `arm`), which throws the fault instead, or
 * with `afterWrite`, reaches DynamoDB and then throws (a timeout whose write did happen).
 */
export const dynamoFaults = () => {
  const realSend = documentClient.send.bind(documentClient) as (command: unknown) => Promise<unknown>;
  const mock = mockClient(documentClient);
  let plan: { failAt: number; fault: FaultName; afterWrite: boolean } | undefined;
  let sent: string[] = [];
  let eligibleSeen = 0;
  let failed: string | undefined;
  let failedInput: unknown;

  for (const Command of COMMANDS) {
    mock.on(Command as never).callsFake(async (input: unknown) => {
      const command = new (Command as new (input: unknown) => object)(input);
      sent.push(Command.name);
      if (!plan || (TRANSACTION_FAULTS.includes(plan.fault) && Command !== TransactWriteCommand)) {
        return realSend(command);
      }
      eligibleSeen += 1;
      if (eligibleSeen !== plan.failAt) return realSend(command);
      failed = Command.name;
      failedInput = input;
      if (plan.afterWrite) await realSend(command);
      throw FAULTS[plan.fault].error((input as { TransactItems?: unknown[] }).TransactItems?.length);
    });
  }

  return {
    /** Fails the `failAt`-th command of what runs next (the `failAt`-th transaction for a conflict). */
    arm(failAt: number, fault: FaultName, afterWrite = false) {
      plan = { failAt, fault, afterWrite };
      sent = [];
      eligibleSeen = 0;
      failed = undefined;
      failedInput = undefined;
    },
    /** Lets everything through again; says which command failed, if any did. */
    disarm() {
      plan = undefined;
      return { failed, failedInput, sent: [...sent] };
    },
    restore: () => mock.restore(),
  };
};

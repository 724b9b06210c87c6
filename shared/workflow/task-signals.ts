import { SendTaskFailureCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { logger } from '../observability/logger';
import { sfnClient } from './sfn-client';

/** What a callback wait returns to the execution: the n-th decision and its kind. */
export interface SignalOutput {
  seq: number;
  kind: string;
}

/** Errors that mean the waiting task no longer exists: retrying cannot help. */
const TERMINAL = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export type Delivery = 'delivered' | 'task_gone';

const send = async (deliver: () => Promise<unknown>): Promise<Delivery> => {
  try {
    await deliver();
    return 'delivered';
  } catch (error) {
    if (TERMINAL.has((error as Error).name)) {
      logger.warn('callback task no longer waiting', { error: (error as Error).name });
      return 'task_gone';
    }
    throw error;
  }
};

export const completeWait = (token: string, output: SignalOutput) =>
  send(() =>
    sfnClient.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })),
  );

/** Ends a wait with a named error the state machine catches (e.g. `Overdue`, `NoResponse`). */
export const failWait = (token: string, error: string, cause: string) =>
  send(() => sfnClient.send(new SendTaskFailureCommand({ taskToken: token, error, cause })));

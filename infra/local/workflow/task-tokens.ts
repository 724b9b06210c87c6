import { randomBytes } from 'node:crypto';

/** The errors Step Functions answers SendTask* with, by their API names. */
export class TaskTokenError extends Error {
  constructor(
    override readonly name: 'TaskDoesNotExist' | 'InvalidToken' | 'InvalidOutput',
    message: string,
  ) {
    super(message);
  }
}

/** A task failure as the state machine sees it: Catch and Retry match `name`, the cause is the message. */
export const taskFailure = (error: string, cause: string): Error => {
  const failure = new Error(cause);
  failure.name = error;
  return failure;
};

const TOKEN_PREFIX = 'local-task-';
const TOKEN_PATTERN = /^local-task-[0-9A-Za-z_-]{43}$/;

interface Waiting {
  resolve(output: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The callback tasks that wait now, by task token. An entry leaves when the task is completed,
 * failed, times out, or its invocation fails, so SendTask* for a finished task answers as Step
 * Functions does (TaskDoesNotExist) and nothing accumulates.
 */
export const taskTokenRegistry = () => {
  const waiting = new Map<string, Waiting>();

  const take = (token: string): Waiting => {
    if (!TOKEN_PATTERN.test(token)) throw new TaskTokenError('InvalidToken', 'Invalid Token');
    const entry = waiting.get(token);
    if (!entry) throw new TaskTokenError('TaskDoesNotExist', 'Task does not exist anymore');
    waiting.delete(token);
    clearTimeout(entry.timer);
    return entry;
  };

  return {
    mint: (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`,

    /**
     * Waits for SendTaskSuccess/Failure on `token`. Registered before the task's function runs, since
     * that function may complete the wait itself. The timer mirrors the Task's TimeoutSeconds so that an
     * expired entry goes away (the engine has failed the state with States.Timeout by then).
     */
    wait(token: string, timeoutSeconds: number): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(token);
          reject(taskFailure('States.Timeout', 'The task timed out'));
        }, timeoutSeconds * 1000);
        timer.unref();
        waiting.set(token, { resolve, reject, timer });
      });
    },

    /** The task ended otherwise (its function failed): nobody may complete it any more. */
    forget(token: string): void {
      const entry = waiting.get(token);
      if (entry) clearTimeout(entry.timer);
      waiting.delete(token);
    },

    succeed(token: string, output: string): void {
      let parsed: unknown;
      try {
        parsed = JSON.parse(output);
      } catch {
        throw new TaskTokenError('InvalidOutput', 'The output is not valid JSON');
      }
      take(token).resolve(parsed);
    },

    fail(token: string, error = '', cause = ''): void {
      take(token).reject(taskFailure(error, cause));
    },

    /**
     * Local mode stops: every wait ends, failed, so that neither its timer nor the engine's own timer
     * for the Task (cleared only once the task settles) keeps the process alive.
     */
    clear(): void {
      for (const entry of waiting.values()) {
        clearTimeout(entry.timer);
        entry.reject(taskFailure('States.Runtime', 'Local mode stopped'));
      }
      waiting.clear();
    },
  };
};
export type TaskTokenRegistry = ReturnType<typeof taskTokenRegistry>;

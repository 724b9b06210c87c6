import { randomUUID } from 'node:crypto';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { executionHistory } from './execution-history';
import { withLocalTimeouts } from './local-timeouts';
import { installPromiseWithResolvers } from './promise-with-resolvers';
import type { LocalStateMachineDefinition } from './state-machines';
import { type InvokeFunction, planTasks, taskOverrides } from './task-overrides';
import { taskTokenRegistry } from './task-tokens';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What DescribeExecution tells about an execution, plus its history. */
export interface LocalExecution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  history: readonly HistoryEvent[];
}

/** The errors Step Functions answers with, by their API names. */
export class ExecutionRequestError extends Error {
  constructor(
    override readonly name:
      | 'ExecutionAlreadyExists'
      | 'ExecutionDoesNotExist'
      | 'StateMachineDoesNotExist'
      | 'InvalidName'
      | 'InvalidExecutionInput',
    message: string,
  ) {
    super(message);
  }
}

// Step Functions' rule: 1–80 characters, none of whitespace, brackets, wildcards, these specials, controls.
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

const END_STATUS = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimeout: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
} as const satisfies Record<string, ExecutionStatus>;

/**
 * Runs the template's state machines with aws-local-stepfunctions, in memory: a restart forgets running
 * executions (the issues they carry stay in DynamoDB). Callback tasks wait in a token registry that
 * SendTaskSuccess/SendTaskFailure resolve; every Task runs the real handler in-process.
 */
export const executionEngine = (machines: readonly LocalStateMachineDefinition[], invoke: InvokeFunction) => {
  installPromiseWithResolvers();
  const tokens = taskTokenRegistry();
  const runnable = new Map(
    machines.map((deployed) => {
      const machine = { ...deployed, definition: withLocalTimeouts(deployed.definition) };
      const engine = new StateMachine(machine.definition as unknown as StateMachineDefinition);
      return [machine.arn, { machine, plans: planTasks(machine), engine }];
    }),
  );
  const executions = new Map<string, LocalExecution & { abort(): void }>();

  const run = (
    record: LocalExecution & { abort(): void },
    target: NonNullable<ReturnType<typeof runnable.get>>,
  ) => {
    // The token `$$.Task.Token` gives the Task being entered; its override takes it (see taskOverrides).
    let pendingToken: string | undefined;
    const execution = target.engine.run(JSON.parse(record.input), {
      noThrowOnAbort: true,
      context: {
        Execution: { Id: record.executionArn, Name: record.name },
        StateMachine: { Id: target.machine.arn, Name: target.machine.name },
        Task: {
          get Token() {
            pendingToken ??= tokens.mint();
            return pendingToken;
          },
        },
      },
      overrides: {
        taskResourceLocalHandlers: taskOverrides(target.plans, {
          invoke,
          tokens,
          takeToken: () => {
            const token = pendingToken;
            pendingToken = undefined;
            return token;
          },
        }),
      },
    });
    record.abort = execution.abort;
    // The outcome is read from the event log, which also carries it for aborts and timeouts.
    execution.result.catch(() => {});
    const history = executionHistory();
    record.history = history.events;
    void (async () => {
      for await (const event of execution.eventLogs) {
        history.record(event);
        if (!(event.type in END_STATUS)) continue;
        record.status = END_STATUS[event.type as keyof typeof END_STATUS];
        record.stopDate = new Date(event.timestamp);
        if (event.type === 'ExecutionSucceeded') record.output = JSON.stringify(event.output ?? null);
        if (event.type === 'ExecutionFailed') {
          record.error = event.Error;
          record.cause = String(event.Cause ?? '');
        }
      }
    })();
  };

  const find = (executionArn: string) => {
    const execution = executions.get(executionArn);
    if (!execution)
      throw new ExecutionRequestError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  };
  const snapshot = ({ abort: _abort, ...execution }: LocalExecution & { abort(): void }): LocalExecution => ({
    ...execution,
    history: [...execution.history],
  });

  return {
    stateMachines: machines,

    /**
     * Like StartExecution: a name is unique per state machine; the same name and input while that
     * execution runs answers with it again, anything else with that name is ExecutionAlreadyExists.
     */
    start(request: { stateMachineArn: string; name?: string; input?: string }) {
      const target = runnable.get(request.stateMachineArn);
      if (!target) {
        throw new ExecutionRequestError(
          'StateMachineDoesNotExist',
          `State Machine Does Not Exist: '${request.stateMachineArn}'`,
        );
      }
      const name = request.name ?? randomUUID();
      if (!EXECUTION_NAME.test(name))
        throw new ExecutionRequestError('InvalidName', `Invalid Name: '${name}'`);
      const input = request.input ?? '{}';
      try {
        JSON.parse(input);
      } catch {
        throw new ExecutionRequestError('InvalidExecutionInput', 'Invalid State Machine Execution Input');
      }
      const executionArn = `${target.machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
      const existing = executions.get(executionArn);
      if (existing) {
        if (existing.status === 'RUNNING' && existing.input === input) {
          return { executionArn, startDate: existing.startDate };
        }
        throw new ExecutionRequestError(
          'ExecutionAlreadyExists',
          `Execution Already Exists: '${executionArn}'`,
        );
      }
      const record: LocalExecution & { abort(): void } = {
        executionArn,
        stateMachineArn: target.machine.arn,
        name,
        input,
        status: 'RUNNING',
        startDate: new Date(),
        history: [],
        abort: () => {},
      };
      executions.set(executionArn, record);
      run(record, target);
      return { executionArn, startDate: record.startDate };
    },

    sendTaskSuccess: (taskToken: string, output: string) => tokens.succeed(taskToken, output),
    sendTaskFailure: (taskToken: string, error?: string, cause?: string) =>
      tokens.fail(taskToken, error, cause),

    describe: (executionArn: string): LocalExecution => snapshot(find(executionArn)),

    /** Newest first, as ListExecutions answers. */
    list(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): LocalExecution[] {
      return [...executions.values()]
        .filter(
          (execution) => !filter.stateMachineArn || execution.stateMachineArn === filter.stateMachineArn,
        )
        .filter((execution) => !filter.status || execution.status === filter.status)
        .reverse()
        .map(snapshot);
    },

    stop(): void {
      for (const execution of executions.values()) if (execution.status === 'RUNNING') execution.abort();
      tokens.clear();
    },
  };
};
export type ExecutionEngine = ReturnType<typeof executionEngine>;

import { LocalModeError } from '../local-mode-error';
import type { AslState } from './asl';
import type { LocalStateMachineDefinition } from './state-machines';
import { type TaskTokenRegistry, taskFailure } from './task-tokens';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type TaskOverride = (input: JsonValue) => Promise<JsonValue>;

/** Runs a template function in-process, as LocalModuleContext.invoke does. */
export type InvokeFunction = (functionLogicalId: string, event: unknown) => Promise<unknown>;

/** How a Task calls Lambda: the optimized integration (with or without a callback) or a bare function ARN. */
type Integration = 'invoke' | 'callback' | 'function';

const integrationOf = (resource: string): Integration | undefined => {
  if (/^arn:[\w-]+:states:::lambda:invoke$/.test(resource)) return 'invoke';
  if (/^arn:[\w-]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'callback';
  if (/^arn:[\w-]+:lambda:/.test(resource)) return 'function';
  return undefined;
};

/** A function error as Step Functions reports it: the error type as Error, Lambda's JSON as Cause. */
const functionError = (error: unknown): Error => {
  const thrown = error instanceof Error ? error : new Error(String(error));
  return taskFailure(thrown.name, JSON.stringify({ errorType: thrown.name, errorMessage: thrown.message }));
};

const asJson = (value: unknown): JsonValue => (value === undefined ? null : (value as JsonValue));

interface TaskPlan {
  stateName: string;
  integration: Integration;
  functionLogicalId: string;
  timeoutSeconds: number;
}

/** Each Task of a definition, checked once at start: every one must call a function local mode runs. */
export const planTasks = (machine: LocalStateMachineDefinition): TaskPlan[] =>
  Object.entries(machine.definition.States).flatMap(([stateName, state]: [string, AslState]) => {
    if (state.Type === 'Map' || state.Type === 'Parallel') {
      throw new LocalModeError(
        `State machine ${machine.logicalId}: ${state.Type} states are not run locally`,
      );
    }
    if (state.Type !== 'Task') return [];
    const integration = integrationOf(state.Resource ?? '');
    if (!integration) {
      throw new LocalModeError(`Task "${stateName}" uses ${state.Resource}, which local mode does not run`);
    }
    const parameters = state.Parameters as { FunctionName?: unknown } | undefined;
    const functionArn = integration === 'function' ? state.Resource : parameters?.FunctionName;
    const functionLogicalId =
      typeof functionArn === 'string' ? machine.functionsByArn.get(functionArn) : undefined;
    if (!functionLogicalId) {
      throw new LocalModeError(`Task "${stateName}" invokes a function that has no local:entry`);
    }
    return [{ stateName, integration, functionLogicalId, timeoutSeconds: Number(state.TimeoutSeconds) }];
  });

/**
 * The engine's Task overrides for one execution: each calls the real handler in-process, in the
 * shape the Task's integration gives (the invoke response, the payload alone, or for a callback the
 * output a SendTaskSuccess delivers). `takeToken` hands over the task token the Parameters just read
 * from `$$.Task.Token`.
 */
export const taskOverrides = (
  plans: readonly TaskPlan[],
  deps: { invoke: InvokeFunction; tokens: TaskTokenRegistry; takeToken(): string | undefined },
): Record<string, TaskOverride> =>
  Object.fromEntries(
    plans.map(({ stateName, integration, functionLogicalId, timeoutSeconds }) => {
      const call = async (payload: unknown) => {
        try {
          return asJson(await deps.invoke(functionLogicalId, payload));
        } catch (error) {
          throw functionError(error);
        }
      };
      const override: TaskOverride = async (input) => {
        const payload = (input as { Payload?: JsonValue } | null)?.Payload;
        if (integration === 'function') return call(input);
        if (integration === 'invoke') {
          return { Payload: await call(payload), StatusCode: 200, ExecutedVersion: '$LATEST' };
        }
        const token = deps.takeToken();
        if (!token) throw taskFailure('States.Runtime', `Task "${stateName}" passes no $$.Task.Token`);
        const completed = deps.tokens.wait(token, timeoutSeconds);
        // The function may fail the task before it returns; the rejection is awaited below.
        completed.catch(() => {});
        try {
          await call(payload);
        } catch (error) {
          deps.tokens.forget(token);
          throw error;
        }
        return asJson(await completed);
      };
      return [stateName, override];
    }),
  );

import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { StateMachine } from 'aws-local-stepfunctions';

/** One event of aws-local-stepfunctions' execution log (the library does not export the type). */
export type EngineEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * An engine event as Step Functions' GetExecutionHistory states it, without id numbers. Retry and
 * catch bookkeeping has no event of its own there (they show as a TaskFailed and what follows), and
 * neither does the failure of a Fail state (the ExecutionFailed after it carries the error).
 */
const detailsOf = (event: EngineEvent): Omit<HistoryEvent, 'id' | 'previousEventId'> | undefined => {
  const timestamp = new Date(event.timestamp);
  switch (event.type) {
    case 'ExecutionStarted':
      return {
        timestamp,
        type: 'ExecutionStarted',
        executionStartedEventDetails: { input: json(event.input) },
      };
    case 'ExecutionSucceeded':
      return {
        timestamp,
        type: 'ExecutionSucceeded',
        executionSucceededEventDetails: { output: json(event.output) },
      };
    case 'ExecutionFailed':
      return {
        timestamp,
        type: 'ExecutionFailed',
        executionFailedEventDetails: { error: event.Error, cause: String(event.Cause ?? '') },
      };
    case 'ExecutionAborted':
      return { timestamp, type: 'ExecutionAborted', executionAbortedEventDetails: {} };
    case 'ExecutionTimeout':
      return { timestamp, type: 'ExecutionTimedOut', executionTimedOutEventDetails: {} };
    case 'StateEntered':
      return {
        timestamp,
        type: `${event.state.type}StateEntered` as HistoryEventType,
        stateEnteredEventDetails: { name: event.state.name, input: json(event.state.input) },
      };
    case 'StateExited':
      return {
        timestamp,
        type: `${event.state.type}StateExited` as HistoryEventType,
        stateExitedEventDetails: { name: event.state.name, output: json(event.state.output) },
      };
    case 'StateFailed':
      return event.state.type === 'Task'
        ? {
            timestamp,
            type: 'TaskFailed',
            taskFailedEventDetails: {
              resourceType: 'lambda',
              resource: 'invoke',
              error: event.Error,
              cause: String(event.Cause ?? ''),
            },
          }
        : undefined;
    default:
      return undefined;
  }
};

/** An execution's history as it grows: numbered events, each pointing at the one before. */
export const executionHistory = () => {
  const events: HistoryEvent[] = [];
  return {
    events: events as readonly HistoryEvent[],
    record(event: EngineEvent): HistoryEvent | undefined {
      const details = detailsOf(event);
      if (!details) return undefined;
      const recorded = { ...details, id: events.length + 1, previousEventId: events.length };
      events.push(recorded);
      return recorded;
    },
  };
};

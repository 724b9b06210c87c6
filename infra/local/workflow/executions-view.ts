import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { LocalExecution } from './execution-engine';

/** One visit of a state, as the console's graph inspector shows it. */
interface StateVisit {
  state: string;
  type: string;
  enteredAt: Date;
  exitedAt?: Date;
  input?: unknown;
  output?: unknown;
  error?: { error?: string; cause?: string };
}

const parsed = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));

/** The states an execution went through, in order, from its history. */
const stateVisits = (history: readonly HistoryEvent[]): StateVisit[] => {
  const visits: StateVisit[] = [];
  for (const event of history) {
    const entered = event.stateEnteredEventDetails;
    const exited = event.stateExitedEventDetails;
    const current = visits[visits.length - 1];
    if (entered?.name && event.timestamp) {
      visits.push({
        state: entered.name,
        type: String(event.type).replace(/StateEntered$/, ''),
        enteredAt: event.timestamp,
        input: parsed(entered.input),
      });
    } else if (exited && current && event.timestamp) {
      current.exitedAt = event.timestamp;
      current.output = parsed(exited.output);
    } else if (event.taskFailedEventDetails && current) {
      current.error = {
        error: event.taskFailedEventDetails.error,
        cause: event.taskFailedEventDetails.cause,
      };
    }
  }
  return visits;
};

/** An execution in the list: status, timing, and the path it took (without payloads). */
export const executionSummary = (execution: LocalExecution) => ({
  name: execution.name,
  executionArn: execution.executionArn,
  status: execution.status,
  startDate: execution.startDate,
  stopDate: execution.stopDate,
  ...(execution.error === undefined ? {} : { error: execution.error }),
  states: stateVisits(execution.history).map(({ state, enteredAt, exitedAt, error }) => ({
    state,
    enteredAt,
    exitedAt,
    ...(error ? { error: error.error } : {}),
  })),
});

/** One execution with its input, output and every state's input and output. */
export const executionDetail = (execution: LocalExecution) => ({
  ...executionSummary(execution),
  input: parsed(execution.input),
  output: parsed(execution.output),
  cause: execution.cause,
  states: stateVisits(execution.history),
});

import type { ExecutionEngine, ExecutionStatus, LocalExecution } from './execution-engine';
import { ExecutionRequestError } from './execution-engine';
import { TaskTokenError } from './task-tokens';

/** One answer of the Step Functions JSON 1.0 protocol. */
export interface SfnReply {
  status: number;
  body: unknown;
}

type Request = Record<string, unknown>;

const text = (request: Request, field: string): string | undefined => {
  const value = request[field];
  return typeof value === 'string' ? value : undefined;
};

/** Pages a list the way the API does: `maxResults` (default 100 here) and an opaque `nextToken`. */
const page = <T>(items: readonly T[], request: Request, key: string) => {
  const offset = Number(text(request, 'nextToken') ?? 0);
  const size = typeof request.maxResults === 'number' && request.maxResults > 0 ? request.maxResults : 100;
  const slice = items.slice(offset, offset + size);
  return { [key]: slice, ...(offset + size < items.length ? { nextToken: String(offset + size) } : {}) };
};

const summaryOf = (execution: LocalExecution) => ({
  executionArn: execution.executionArn,
  stateMachineArn: execution.stateMachineArn,
  name: execution.name,
  status: execution.status,
  startDate: execution.startDate,
  ...(execution.stopDate ? { stopDate: execution.stopDate } : {}),
});

const describe = (execution: LocalExecution) => ({
  ...summaryOf(execution),
  input: execution.input,
  inputDetails: { included: true },
  ...(execution.output === undefined ? {} : { output: execution.output, outputDetails: { included: true } }),
  ...(execution.error === undefined ? {} : { error: execution.error, cause: execution.cause }),
});

const operations: Record<string, (engine: ExecutionEngine, request: Request) => unknown> = {
  StartExecution: (engine, request) =>
    engine.start({
      stateMachineArn: text(request, 'stateMachineArn') ?? '',
      name: text(request, 'name'),
      input: text(request, 'input'),
    }),
  SendTaskSuccess: (engine, request) => {
    engine.sendTaskSuccess(text(request, 'taskToken') ?? '', text(request, 'output') ?? '');
    return {};
  },
  SendTaskFailure: (engine, request) => {
    engine.sendTaskFailure(text(request, 'taskToken') ?? '', text(request, 'error'), text(request, 'cause'));
    return {};
  },
  DescribeExecution: (engine, request) => describe(engine.describe(text(request, 'executionArn') ?? '')),
  GetExecutionHistory: (engine, request) => {
    const events = engine.describe(text(request, 'executionArn') ?? '').history;
    return page(request.reverseOrder === true ? [...events].reverse() : events, request, 'events');
  },
  ListExecutions: (engine, request) =>
    page(
      engine
        .list({
          stateMachineArn: text(request, 'stateMachineArn'),
          status: text(request, 'statusFilter') as ExecutionStatus | undefined,
        })
        .map(summaryOf),
      request,
      'executions',
    ),
};

/**
 * Answers one request of the protocol `@aws-sdk/client-sfn` speaks (`X-Amz-Target:
 * AWSStepFunctions.<Operation>`, JSON body), so handlers reach the local engine through
 * AWS_ENDPOINT_URL_SFN alone. Errors carry the API's error names in `__type`, which the SDK turns into
 * its exception classes (ExecutionAlreadyExists, TaskDoesNotExist, …).
 */
export const handleSfnRequest = (engine: ExecutionEngine, target: string, body: string): SfnReply => {
  const operation = operations[target.replace(/^AWSStepFunctions\./, '')];
  if (!operation) {
    return {
      status: 400,
      body: { __type: 'UnknownOperationException', message: `Local mode does not run ${target}` },
    };
  }
  try {
    return { status: 200, body: operation(engine, body ? (JSON.parse(body) as Request) : {}) };
  } catch (error) {
    if (error instanceof ExecutionRequestError || error instanceof TaskTokenError) {
      return { status: 400, body: { __type: error.name, message: error.message } };
    }
    if (error instanceof SyntaxError) {
      return {
        status: 400,
        body: { __type: 'SerializationException', message: 'The body is not valid JSON' },
      };
    }
    throw error;
  }
};

/** The protocol's JSON: timestamps are epoch seconds (with milliseconds as the fraction). */
export const protocolJson = (body: unknown): string =>
  JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });

import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchLocalRoute } from '../../../infra/local/http/local-routes';
import type { LocalRoute } from '../../../infra/local/local-module';
import type { AslDefinition } from '../../../infra/local/workflow/asl';
import { type ExecutionEngine, executionEngine } from '../../../infra/local/workflow/execution-engine';
import { executionsRoutes } from '../../../infra/local/workflow/executions-routes';
import { MAX_LOCAL_TIMEOUT_SECONDS, withLocalTimeouts } from '../../../infra/local/workflow/local-timeouts';
import { handleSfnRequest, protocolJson } from '../../../infra/local/workflow/sfn-protocol';
import type { LocalStateMachineDefinition } from '../../../infra/local/workflow/state-machines';
import { taskTokenRegistry } from '../../../infra/local/workflow/task-tokens';
import { refusalOf } from '../../support/refusal';

const ARN = 'arn:aws-cn:states:cn-north-1:000000000000:stateMachine:Orders';
const FUNCTION_ARN = 'arn:aws-cn:lambda:cn-north-1:000000000000:function:Waiter';

/** A callback wait on one function, then success; a failure named `Late` is caught. */
const machine = (timeoutSeconds = 31_536_000): LocalStateMachineDefinition => ({
  logicalId: 'Orders',
  name: 'Orders',
  arn: ARN,
  functionsByArn: new Map([[FUNCTION_ARN, 'WaiterFunction']]),
  definition: {
    StartAt: 'Wait for it',
    States: {
      'Wait for it': {
        Type: 'Task',
        Resource: 'arn:aws-cn:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: FUNCTION_ARN,
          Payload: { 'order.$': '$.order', 'token.$': '$$.Task.Token' },
        },
        TimeoutSeconds: timeoutSeconds,
        ResultPath: '$.answer',
        Catch: [{ ErrorEquals: ['Late'], ResultPath: '$.late', Next: 'Done' }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
});

const tokensSeen: string[] = [];
let engine: ExecutionEngine | undefined;

const start = (
  invoke = async (_id: string, event: unknown) => void tokensSeen.push((event as { token: string }).token),
) => {
  engine = executionEngine([machine()], invoke);
  return engine;
};

const eventually = async <T>(probe: () => T | undefined): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
};

const call = (target: string, body: unknown) =>
  handleSfnRequest(engine as ExecutionEngine, `AWSStepFunctions.${target}`, JSON.stringify(body));

afterEach(() => {
  engine?.stop();
  tokensSeen.length = 0;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('local engine', () => {
  it('runs a callback task: the function gets a fresh task token, SendTaskSuccess resumes with its output', async () => {
    start();
    const { executionArn } = call('StartExecution', {
      stateMachineArn: ARN,
      name: 'o-1',
      input: '{"order":7}',
    }).body as { executionArn: string };
    const token = await eventually(() => tokensSeen[0]);

    expect(call('SendTaskSuccess', { taskToken: token, output: '{"ok":true}' })).toEqual({
      status: 200,
      body: {},
    });
    const done = await eventually(() => {
      const execution = engine?.describe(executionArn);
      return execution?.status === 'SUCCEEDED' ? execution : undefined;
    });

    expect(JSON.parse(done.output ?? '')).toEqual({ order: 7, answer: { ok: true } });
    expect(call('SendTaskSuccess', { taskToken: token, output: '{}' }).body).toMatchObject({
      __type: 'TaskDoesNotExist',
    });
  });

  it('fails a callback task with the error SendTaskFailure names, so Catch matches it', async () => {
    start();
    call('StartExecution', { stateMachineArn: ARN, name: 'o-2', input: '{"order":8}' });
    const token = await eventually(() => tokensSeen[0]);

    call('SendTaskFailure', { taskToken: token, error: 'Late', cause: 'too late' });
    const done = await eventually(() => {
      const execution = engine?.describe(`${ARN.replace(':stateMachine:', ':execution:')}:o-2`);
      return execution?.status === 'SUCCEEDED' ? execution : undefined;
    });

    expect(JSON.parse(done.output ?? '')).toMatchObject({ late: { Error: 'Late', Cause: 'too late' } });
    expect(done.history.map((event) => event.type)).toContain('TaskFailed');
  });

  it('fails the task with the function error when the function throws, and forgets its token', async () => {
    start(async (_id, event) => {
      tokensSeen.push((event as { token: string }).token);
      throw new RangeError('no such order');
    });
    call('StartExecution', { stateMachineArn: ARN, name: 'o-3', input: '{"order":9}' });
    const failed = await eventually(() => {
      const [execution] = engine?.list() ?? [];
      return execution?.status === 'FAILED' ? execution : undefined;
    });

    expect(failed.error).toBe('RangeError');
    expect(JSON.parse(failed.cause ?? '')).toEqual({
      errorType: 'RangeError',
      errorMessage: 'no such order',
    });
    expect(call('SendTaskSuccess', { taskToken: tokensSeen[0], output: '{}' }).body).toMatchObject({
      __type: 'TaskDoesNotExist',
    });
  });

  it('stops with nothing left to keep the process alive: waiting tasks end, and the timers of their waits', async () => {
    // The wait's timers are the long ones (the Task's TimeoutSeconds); `eventually` polls every 5 ms.
    const waitTimers = new Set<unknown>();
    const cleared = new Set<unknown>();
    const setTimer = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
      const timer = setTimer(handler, ms);
      if ((ms ?? 0) >= 60_000) waitTimers.add(timer);
      return timer;
    }) as typeof setTimeout);
    const clearTimer = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((timer) => {
      cleared.add(timer);
      clearTimer(timer);
    });
    start();
    call('StartExecution', { stateMachineArn: ARN, name: 'o-4', input: '{"order":10}' });
    await eventually(() => tokensSeen[0]);
    expect(waitTimers.size).toBe(2); // the token registry's and the engine's own for the Task

    engine?.stop();
    await new Promise((resolve) => setImmediate(resolve));

    expect([...waitTimers].filter((timer) => !cleared.has(timer))).toEqual([]);
    expect(engine?.list()[0]?.status).toBe('ABORTED');
  });

  it('starts once per name: same input while running is the same execution; other input or a bad name is refused', () => {
    start();
    const first = call('StartExecution', { stateMachineArn: ARN, name: 'o-4', input: '{"order":1}' });
    const again = call('StartExecution', { stateMachineArn: ARN, name: 'o-4', input: '{"order":1}' });

    expect(again).toEqual(first);
    expect(
      call('StartExecution', { stateMachineArn: ARN, name: 'o-4', input: '{"order":2}' }).body,
    ).toMatchObject({
      __type: 'ExecutionAlreadyExists',
    });
    expect(call('StartExecution', { stateMachineArn: ARN, name: 'a b' }).body).toMatchObject({
      __type: 'InvalidName',
    });
    expect(call('StartExecution', { stateMachineArn: `${ARN}x` }).body).toMatchObject({
      __type: 'StateMachineDoesNotExist',
    });
    expect(call('DescribeExecution', { executionArn: `${ARN}:nope` }).body).toMatchObject({
      __type: 'ExecutionDoesNotExist',
    });
    expect(
      handleSfnRequest(engine as ExecutionEngine, 'AWSStepFunctions.CreateStateMachine', '{}').body,
    ).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('pages lists with maxResults and nextToken', () => {
    start();
    for (const name of ['p-1', 'p-2', 'p-3'])
      call('StartExecution', { stateMachineArn: ARN, name, input: '{}' });

    const first = call('ListExecutions', { stateMachineArn: ARN, maxResults: 2 }).body as {
      executions: { name: string }[];
      nextToken: string;
    };
    const second = call('ListExecutions', { stateMachineArn: ARN, maxResults: 2, nextToken: first.nextToken })
      .body as { executions: { name: string }[]; nextToken?: string };

    expect(first.executions.map((execution) => execution.name)).toEqual(['p-3', 'p-2']);
    expect(second.executions.map((execution) => execution.name)).toEqual(['p-1']);
    expect(second.nextToken).toBeUndefined();
  });

  it('shows executions to the operator at /_local/executions and /_local/executions/{name}', async () => {
    start();
    call('StartExecution', { stateMachineArn: ARN, name: 'v-1', input: '{"order":3}' });
    // The history is written as the engine's event log is read, a moment after the task started.
    await eventually(() => (engine?.list()[0]?.history.length ?? 0) >= 2 || undefined);
    const routes = executionsRoutes(engine as ExecutionEngine);
    const request = {
      method: 'GET',
      url: '/',
      headers: {},
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      protocol: 'HTTP/1.1',
    };

    const list = JSON.parse(String((await routes[0]?.handle(request, {}))?.body));
    const one = JSON.parse(String((await routes[1]?.handle(request, { name: 'v-1' }))?.body));

    expect(list.executions).toEqual([
      expect.objectContaining({
        name: 'v-1',
        status: 'RUNNING',
        states: [expect.objectContaining({ state: 'Wait for it' })],
      }),
    ]);
    expect(one).toMatchObject({
      name: 'v-1',
      input: { order: 3 },
      states: [{ state: 'Wait for it', type: 'Task' }],
    });
    expect(await refusalOf(Promise.resolve(routes[1]?.handle(request, { name: 'v-2' })))).toMatchObject({
      statusCode: 404,
    });
  });
});

describe('task token registry', () => {
  it('refuses malformed tokens, unknown ones, and output that is not JSON (the task keeps waiting)', async () => {
    const tokens = taskTokenRegistry();
    const token = tokens.mint();
    const waiting = tokens.wait(token, 60);

    expect(() => tokens.succeed('garbage', '{}')).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
    expect(() => tokens.succeed(tokens.mint(), '{}')).toThrow(
      expect.objectContaining({ name: 'TaskDoesNotExist' }),
    );
    expect(() => tokens.succeed(token, '{not json')).toThrow(
      expect.objectContaining({ name: 'InvalidOutput' }),
    );
    tokens.succeed(token, '{"done":1}');
    await expect(waiting).resolves.toEqual({ done: 1 });
  });

  it('times a wait out as States.Timeout and forgets it', async () => {
    vi.useFakeTimers();
    const tokens = taskTokenRegistry();
    const token = tokens.mint();
    const waiting = tokens.wait(token, 5);

    vi.advanceTimersByTime(5_000);

    await expect(waiting).rejects.toMatchObject({ name: 'States.Timeout' });
    expect(() => tokens.fail(token, 'Late')).toThrow(expect.objectContaining({ name: 'TaskDoesNotExist' }));
  });
});

describe('local timeouts', () => {
  it('caps Task timeouts Node cannot time (and the engine’s 60 s default) below 24.8 days, leaving short ones', () => {
    const definition: AslDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', TimeoutSeconds: 31_536_000 },
        B: { Type: 'Task', TimeoutSeconds: 30 },
        C: { Type: 'Task' },
        D: { Type: 'Succeed' },
      },
    };

    const local = withLocalTimeouts(definition).States;

    expect(MAX_LOCAL_TIMEOUT_SECONDS * 1000).toBeLessThan(2 ** 31 - 1);
    expect(local.A?.TimeoutSeconds).toBe(MAX_LOCAL_TIMEOUT_SECONDS);
    expect(local.B?.TimeoutSeconds).toBe(30);
    expect(local.C?.TimeoutSeconds).toBe(MAX_LOCAL_TIMEOUT_SECONDS);
    expect(local.D).toEqual({ Type: 'Succeed' });
    expect(definition.States.A?.TimeoutSeconds).toBe(31_536_000);
  });
});

describe('local routes and protocol JSON', () => {
  const route = (path: string): LocalRoute => ({
    method: 'GET',
    path,
    handle: async () => ({ statusCode: 200 }),
  });

  it('matches literal paths exactly and {name} segments as decoded parameters', () => {
    const routes = [route('/_local/executions'), route('/_local/executions/{name}')];

    expect(matchLocalRoute(routes, 'GET', '/_local/executions')?.route).toBe(routes[0]);
    expect(matchLocalRoute(routes, 'GET', '/_local/executions/a%20b')?.pathParameters).toEqual({
      name: 'a b',
    });
    expect(matchLocalRoute(routes, 'GET', '/_local/executions/')).toBeUndefined();
    expect(matchLocalRoute(routes, 'POST', '/_local/executions')).toBeUndefined();
  });

  it('writes timestamps as epoch seconds, as the SDK reads them', () => {
    expect(protocolJson({ startDate: new Date('2026-03-02T01:00:00.500Z') })).toBe(
      '{"startDate":1772413200.5}',
    );
  });
});

import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { FunctionDefinition } from '../template/functions';

const callbacksUnsupported = () => {
  throw new Error('Local mode runs async handlers only; return a value instead of calling done/succeed/fail');
};

/** The Lambda context one invocation gets: a fresh request id and a deadline from the function's Timeout. */
export const lambdaContext = (
  definition: FunctionDefinition,
  target: { region: string; accountId: string },
): Context => {
  const deadline = Date.now() + definition.timeoutSeconds * 1000;
  const partition = target.region.startsWith('cn-') ? 'aws-cn' : 'aws';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: definition.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:${partition}:lambda:${target.region}:${target.accountId}:function:${definition.functionName}`,
    memoryLimitInMB: String(definition.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${definition.functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: callbacksUnsupported,
    fail: callbacksUnsupported,
    succeed: callbacksUnsupported,
  };
};

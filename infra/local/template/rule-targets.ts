import { isRecord, resourcesOfType, type StackTemplate } from './types';

/** Lambda's default for asynchronous invocations without an EventInvokeConfig. */
const DEFAULT_ASYNC_RETRY_ATTEMPTS = 2;

/** How often Lambda retries a failed asynchronous invocation of the function (its EventInvokeConfig). */
export const asyncRetryAttempts = (stack: StackTemplate, functionLogicalId: string): number => {
  const config = resourcesOfType(stack, 'AWS::Lambda::EventInvokeConfig').find(([, resource]) => {
    const name = resource.Properties?.FunctionName;
    return isRecord(name) && name.Ref === functionLogicalId;
  })?.[1];
  const attempts = config?.Properties?.MaximumRetryAttempts;
  return typeof attempts === 'number' ? attempts : DEFAULT_ASYNC_RETRY_ATTEMPTS;
};

/** `{Fn::GetAtt: [X, 'Arn']}` (or `'X.Arn'`) names the function X. */
export const functionOfArn = (arn: unknown): string | undefined => {
  if (!isRecord(arn)) return undefined;
  const getAtt = arn['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
};

/** A rule target that asks for something other than the event itself. */
export const hasCustomInput = (target: unknown): boolean =>
  isRecord(target) && ('Input' in target || 'InputPath' in target || 'InputTransformer' in target);

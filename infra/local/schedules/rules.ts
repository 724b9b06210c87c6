import { LocalModeError } from '../local-mode-error';
import { functionDefinitions } from '../template/functions';
import { asyncRetryAttempts, functionOfArn, hasCustomInput } from '../template/rule-targets';
import { isRecord, resourcesOfType, type StackTemplate } from '../template/types';

/** An EventBridge rule on a schedule and the functions it invokes. */
export interface ScheduleDefinition {
  ruleLogicalId: string;
  /** As EventBridge names it: the rule's Name, else (locally) its logical id. */
  ruleName: string;
  /** `cron(...)` or `rate(...)`, exactly as in the template. */
  expression: string;
  functionLogicalIds: string[];
  /** Per target function: how often Lambda retries a failed asynchronous invocation (its EventInvokeConfig). */
  retryAttempts: Record<string, number>;
}

/**
 * The stack's enabled scheduled rules. Locally a rule delivers the scheduled event itself to a
 * function that runs from its TypeScript entry; anything else a template asks of a rule (another kind
 * of target, a custom input) fails the start rather than being quietly left out.
 */
export const scheduleDefinitions = (stack: StackTemplate): ScheduleDefinition[] => {
  const localFunctions = new Set(functionDefinitions(stack).map((definition) => definition.logicalId));
  return resourcesOfType(stack, 'AWS::Events::Rule').flatMap(([ruleLogicalId, rule]) => {
    const properties = rule.Properties ?? {};
    if (typeof properties.ScheduleExpression !== 'string' || properties.State === 'DISABLED') return [];
    const targets = Array.isArray(properties.Targets) ? properties.Targets : [];
    const functionLogicalIds = targets.map((target: unknown) => {
      const functionLogicalId = isRecord(target) ? functionOfArn(target.Arn) : undefined;
      if (!functionLogicalId || !localFunctions.has(functionLogicalId)) {
        throw new LocalModeError(
          `Rule ${ruleLogicalId}: local mode fires schedules at functions with local:entry metadata only`,
        );
      }
      if (hasCustomInput(target)) {
        throw new LocalModeError(
          `Rule ${ruleLogicalId}: local mode sends the scheduled event, not a custom input`,
        );
      }
      return functionLogicalId;
    });
    return [
      {
        ruleLogicalId,
        ruleName: typeof properties.Name === 'string' ? properties.Name : ruleLogicalId,
        expression: properties.ScheduleExpression,
        functionLogicalIds,
        retryAttempts: Object.fromEntries(
          functionLogicalIds.map((id) => [id, asyncRetryAttempts(stack, id)] as const),
        ),
      },
    ];
  });
};

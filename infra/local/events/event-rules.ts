import { LocalModeError } from '../local-mode-error';
import { type FilterPattern, parseFilterPattern } from '../streams/filter-pattern';
import { asyncRetryAttempts, functionOfArn, hasCustomInput } from '../template/rule-targets';
import { isRecord, resourcesOfType, type StackTemplate } from '../template/types';

/** An EventBridge rule with an event pattern, on a bus of the template, and its Lambda targets. */
export interface EventRule {
  ruleLogicalId: string;
  busName: string;
  pattern: FilterPattern;
  targets: { functionLogicalId: string; retryAttempts: number }[];
}

const busNameOf = (stack: StackTemplate, value: unknown): string => {
  if (typeof value === 'string') return value;
  const ref = isRecord(value) ? value.Ref : undefined;
  const bus = typeof ref === 'string' ? stack.template.Resources?.[ref] : undefined;
  const name = bus?.Properties?.Name;
  return typeof name === 'string' ? name : String(ref ?? 'default');
};

/**
 * The stack's enabled rules with an event pattern. Locally a rule delivers matching events to the
 * functions it targets (in-process, asynchronously, as EventBridge invokes Lambda); a target of
 * another kind, or with a custom input, fails the start rather than being quietly left out.
 */
export const eventRules = (stack: StackTemplate): EventRule[] =>
  resourcesOfType(stack, 'AWS::Events::Rule').flatMap(([ruleLogicalId, rule]) => {
    const properties = rule.Properties ?? {};
    if (!isRecord(properties.EventPattern) || properties.State === 'DISABLED') return [];
    // Events AWS services emit themselves (e.g. `aws.states` execution status changes) do not exist
    // locally, so rules on them have nothing to deliver (GET /_local/executions shows failures).
    const sources = properties.EventPattern.source;
    if (Array.isArray(sources) && sources.length > 0 && sources.every((s) => String(s).startsWith('aws.')))
      return [];
    const targets = (Array.isArray(properties.Targets) ? properties.Targets : []).map((target: unknown) => {
      const functionLogicalId = isRecord(target) ? functionOfArn(target.Arn) : undefined;
      const resource = functionLogicalId ? stack.template.Resources?.[functionLogicalId] : undefined;
      if (!functionLogicalId || resource?.Type !== 'AWS::Lambda::Function') {
        throw new LocalModeError(
          `Rule ${ruleLogicalId}: local mode delivers events to Lambda functions only`,
        );
      }
      if (hasCustomInput(target)) {
        throw new LocalModeError(`Rule ${ruleLogicalId}: local mode delivers the event, not a custom input`);
      }
      return { functionLogicalId, retryAttempts: asyncRetryAttempts(stack, functionLogicalId) };
    });
    return [
      {
        ruleLogicalId,
        busName: busNameOf(stack, properties.EventBusName),
        pattern: parseFilterPattern(JSON.stringify(properties.EventPattern), `Rule ${ruleLogicalId}`),
        targets,
      },
    ];
  });

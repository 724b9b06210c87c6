import type { DeadLetterSink } from '../dead-letters/dead-letters';
import { matchesPattern } from '../streams/filter-pattern';
import type { RecordedEvent } from './event-bus-endpoint';
import type { EventRule } from './event-rules';

export interface RuleTargetsContext {
  invoke(functionLogicalId: string, event: unknown): Promise<unknown>;
  deadLetters: DeadLetterSink;
  region: string;
  accountId: string;
  log?: (line: string) => void;
  /** Lambda waits minutes between retries of an asynchronous invocation; locally a second does. */
  retryDelayMs?: number;
}

/** The event as EventBridge hands it to a Lambda target. */
export const lambdaEventOf = (
  event: RecordedEvent,
  context: Pick<RuleTargetsContext, 'region' | 'accountId'>,
) => ({
  version: '0',
  id: event.id,
  'detail-type': event.detailType,
  source: event.source,
  account: context.accountId,
  time: event.time,
  region: context.region,
  resources: [],
  detail: event.detail,
});

/**
 * Delivers each recorded event to the targets of the rules it matches, as EventBridge does: each
 * target asynchronously (the publisher does not wait), retried as Lambda retries an asynchronous
 * invocation, then kept as a dead letter (on AWS: the target's dead-letter queue).
 */
export const ruleTargets = (rules: readonly EventRule[], context: RuleTargetsContext) => {
  const stats = { delivered: 0, failedAttempts: 0, deadLettered: 0 };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const deliver = async (rule: EventRule, target: EventRule['targets'][number], event: RecordedEvent) => {
    const lambdaEvent = lambdaEventOf(event, context);
    let attempts = 0;
    let lastError = '';
    while (attempts <= target.retryAttempts) {
      attempts++;
      try {
        await context.invoke(target.functionLogicalId, lambdaEvent);
        stats.delivered++;
        return;
      } catch (error) {
        stats.failedAttempts++;
        lastError = `${(error as Error).name}: ${(error as Error).message}`;
        context.log?.(`[events] ${rule.ruleLogicalId} → ${target.functionLogicalId}: failed: ${lastError}`);
      }
      if (attempts <= target.retryAttempts) await wait((context.retryDelayMs ?? 1000) * attempts);
    }
    stats.deadLettered++;
    await context.deadLetters.add({
      source: 'event-rule',
      origin: rule.ruleLogicalId,
      functionLogicalId: target.functionLogicalId,
      event: lambdaEvent,
      error: lastError,
      attempts,
    });
  };
  return {
    stats: () => ({ ...stats }),
    dispatch: (event: RecordedEvent) => {
      const envelope = { source: event.source, 'detail-type': event.detailType, detail: event.detail };
      for (const rule of rules) {
        if (rule.busName !== event.eventBusName || !matchesPattern(rule.pattern, envelope)) continue;
        for (const target of rule.targets) {
          void deliver(rule, target, event).catch((error: Error) =>
            context.log?.(`[events] ${rule.ruleLogicalId}: not kept as a dead letter: ${error.message}`),
          );
        }
      }
    },
  };
};

import { describe, expect, it } from 'vitest';
import { memoryDeadLetters } from '../../../infra/local/dead-letters/dead-letters';
import { eventRules } from '../../../infra/local/events/event-rules';
import { ruleTargets } from '../../../infra/local/events/rule-targets';
import type { StackTemplate } from '../../../infra/local/template/types';

const stack: StackTemplate = {
  stackName: 'Qinqing-local-Api',
  template: {
    Resources: {
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'Qinqing-local-Api-program-events' } },
      Router: { Type: 'AWS::Lambda::Function', Properties: {} },
      RouterConfig: {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: { FunctionName: { Ref: 'Router' }, MaximumRetryAttempts: 1 },
      },
      Rule: {
        Type: 'AWS::Events::Rule',
        Properties: {
          EventBusName: { Ref: 'Bus' },
          EventPattern: { source: ['qinqing.program'] },
          Targets: [{ Id: 'Target0', Arn: { 'Fn::GetAtt': ['Router', 'Arn'] } }],
        },
      },
    },
  },
} as unknown as StackTemplate;

const event = (source: string) => ({
  id: 'e1',
  eventBusName: 'Qinqing-local-Api-program-events',
  source,
  detailType: 'IssueAssigned',
  time: '2026-12-05T02:00:00.000Z',
  detail: { id: 'issue/I1/2/IssueAssigned' },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('local EventBridge rules', () => {
  it('reads the rule, its bus and its target with the target’s async retries', () => {
    expect(eventRules(stack)).toEqual([
      {
        ruleLogicalId: 'Rule',
        busName: 'Qinqing-local-Api-program-events',
        pattern: { source: ['qinqing.program'] },
        targets: [{ functionLogicalId: 'Router', retryAttempts: 1 }],
      },
    ]);
  });

  it('delivers a matching event as EventBridge does, and nothing else', async () => {
    const invoked: unknown[] = [];
    const targets = ruleTargets(eventRules(stack), {
      invoke: async (_fn, lambdaEvent) => void invoked.push(lambdaEvent),
      deadLetters: memoryDeadLetters(),
      region: 'cn-north-1',
      accountId: '000000000000',
    });
    targets.dispatch(event('qinqing.program'));
    targets.dispatch(event('someone.else'));
    await settle();
    expect(invoked).toEqual([
      expect.objectContaining({
        'detail-type': 'IssueAssigned',
        source: 'qinqing.program',
        detail: { id: 'issue/I1/2/IssueAssigned' },
      }),
    ]);
  });

  it('retries a failing target, then keeps the event as a dead letter', async () => {
    const deadLetters = memoryDeadLetters();
    let attempts = 0;
    const targets = ruleTargets(eventRules(stack), {
      invoke: async () => {
        attempts++;
        throw new Error('router down');
      },
      deadLetters,
      region: 'cn-north-1',
      accountId: '000000000000',
      retryDelayMs: 1,
    });
    targets.dispatch(event('qinqing.program'));
    await settle();
    expect(attempts).toBe(2);
    expect(await deadLetters.list()).toEqual([
      expect.objectContaining({
        source: 'event-rule',
        origin: 'Rule',
        functionLogicalId: 'Router',
        attempts: 2,
      }),
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDeadLetters } from '../../../infra/local/dead-letters/dead-letters';
import { LocalModeError } from '../../../infra/local/local-mode-error';
import { setAlarm } from '../../../infra/local/schedules/alarm';
import { scheduleDefinitions } from '../../../infra/local/schedules/rules';
import { parseScheduleExpression } from '../../../infra/local/schedules/schedule-expression';
import { scheduledEvent } from '../../../infra/local/schedules/scheduled-event';
import { schedulesModule } from '../../../infra/local/schedules/schedules-module';
import type { CfnResource, StackTemplate } from '../../../infra/local/template/types';

const jobFunction: CfnResource = {
  Type: 'AWS::Lambda::Function',
  Properties: { Timeout: 600 },
  Metadata: { 'local:entry': 'functions/jobs/daily-sweep/handler.ts' },
};

const rule = (properties: Record<string, unknown>): CfnResource => ({
  Type: 'AWS::Events::Rule',
  Properties: {
    ScheduleExpression: 'cron(30 16 * * ? *)',
    State: 'ENABLED',
    Targets: [{ Arn: { 'Fn::GetAtt': ['SweepFunction', 'Arn'] }, Id: 'Target0' }],
    ...properties,
  },
});

const stackWith = (resources: Record<string, CfnResource>): StackTemplate => ({
  stackName: 'Qinqing-test-Api',
  template: { Resources: { SweepFunction: jobFunction, ...resources } },
});

describe('AWS cron schedules', () => {
  it('fires daily at 16:30 UTC (00:30 in Shanghai), strictly after the moment asked about', () => {
    const next = parseScheduleExpression('cron(30 16 * * ? *)');
    expect(next(new Date('2026-03-09T12:00:00Z'))?.toISOString()).toBe('2026-03-09T16:30:00.000Z');
    expect(next(new Date('2026-03-09T16:30:00Z'))?.toISOString()).toBe('2026-03-10T16:30:00.000Z');
  });

  it('understands the AWS forms: ? for the unused day field, weekday names, last day of month', () => {
    const monday = parseScheduleExpression('cron(0 1 ? * MON *)');
    expect(monday(new Date('2026-03-09T16:30:00Z'))?.toISOString()).toBe('2026-03-16T01:00:00.000Z');
    const lastDay = parseScheduleExpression('cron(0 16 L 3,6,9,12 ? *)');
    expect(lastDay(new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('fails the start on what it cannot fire, naming it', () => {
    for (const expression of ['rate(1 day)', 'cron(30 16 * * ?)', '30 16 * * ? *']) {
      expect(() => parseScheduleExpression(expression), expression).toThrow(LocalModeError);
    }
  });
});

describe('scheduled rules in the template', () => {
  it('finds each enabled rule with its expression and target functions', () => {
    const stack = stackWith({
      SweepRule: rule({}),
      PausedRule: rule({ State: 'DISABLED' }),
      EventPatternRule: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['x'] } } },
    });

    expect(scheduleDefinitions(stack)).toEqual([
      {
        ruleLogicalId: 'SweepRule',
        ruleName: 'SweepRule',
        expression: 'cron(30 16 * * ? *)',
        functionLogicalIds: ['SweepFunction'],
        retryAttempts: { SweepFunction: 2 },
      },
    ]);
  });

  it('refuses targets local mode cannot honour: no local entry, a custom input', () => {
    const elsewhere = stackWith({
      SweepRule: rule({ Targets: [{ Arn: { 'Fn::GetAtt': ['SomeQueue', 'Arn'] }, Id: 'T' }] }),
    });
    const withInput = stackWith({
      SweepRule: rule({
        Targets: [{ Arn: { 'Fn::GetAtt': ['SweepFunction', 'Arn'] }, Id: 'T', Input: '{}' }],
      }),
    });

    expect(() => scheduleDefinitions(elsewhere)).toThrow(/local:entry/);
    expect(() => scheduleDefinitions(withInput)).toThrow(/custom input/);
  });
});

describe('the scheduled event', () => {
  it('has EventBridge’s shape: scheduled minute without milliseconds, the rule as resource', () => {
    const event = scheduledEvent({
      time: new Date('2026-03-09T16:30:00.000Z'),
      ruleName: 'SweepRule',
      region: 'cn-north-1',
      accountId: '000000000000',
    });

    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: '2026-03-09T16:30:00Z',
      region: 'cn-north-1',
      resources: ['arn:aws-cn:events:cn-north-1:000000000000:rule/SweepRule'],
      detail: {},
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('firing on schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-09T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('keeps an alarm months away instead of firing it at once (Node timers end at 24.8 days)', () => {
    const fire = vi.fn();
    setAlarm(new Date('2026-06-30T16:00:00Z'), fire);

    vi.advanceTimersByTime(30 * 86_400_000);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(84 * 86_400_000);
    expect(fire).toHaveBeenCalledOnce();
  });

  it('invokes the job in-process at each firing, logs it, and stops with local mode', async () => {
    const invoke = vi.fn(async () => ({ job: 'daily-sweep' }));
    const log = vi.fn();
    const module = schedulesModule({ log });
    const started = await module.start({
      stacks: [stackWith({ SweepRule: rule({}) })],
      region: 'cn-north-1',
      accountId: '000000000000',
      dataDir: '/tmp/unused',
      invoke,
      deadLetters: memoryDeadLetters(),
    });

    expect(started.banner).toEqual([
      'Schedule        SweepRule  cron(30 16 * * ? *)  next 2026-03-10 00:30 Asia/Shanghai',
    ]);
    await vi.advanceTimersByTimeAsync(4.5 * 3_600_000 - 1);
    expect(invoke).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(invoke).toHaveBeenCalledWith(
      'SweepFunction',
      expect.objectContaining({ 'detail-type': 'Scheduled Event', time: '2026-03-09T16:30:00Z' }),
    );
    expect(log).toHaveBeenCalledWith(
      '[schedule] SweepRule fired at 2026-03-10 00:30 Asia/Shanghai → SweepFunction',
    );
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[schedule\] SweepRule → SweepFunction: done/));

    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(invoke).toHaveBeenLastCalledWith(
      'SweepFunction',
      expect.objectContaining({ time: '2026-03-10T16:30:00Z' }),
    );

    await started.stop();
    await vi.advanceTimersByTimeAsync(3 * 86_400_000);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('retries a failed run as Lambda retries an async invocation, then keeps it as a dead letter, and goes on', async () => {
    const invoke = vi.fn(async () => {
      throw Object.assign(new Error('2 item(s) failed'), { name: 'JobIncomplete' });
    });
    const log = vi.fn();
    const deadLetters = memoryDeadLetters();
    const started = await schedulesModule({ log, retryDelayMs: 1_000 }).start({
      stacks: [stackWith({ SweepRule: rule({}) })],
      region: 'cn-north-1',
      accountId: '000000000000',
      dataDir: '/tmp/unused',
      invoke,
      deadLetters,
    });

    await vi.advanceTimersByTimeAsync(4.5 * 3_600_000 + 3_000);

    // One attempt and Lambda's default two retries.
    expect(invoke).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenCalledWith(
      '[schedule] SweepRule → SweepFunction: failed: JobIncomplete: 2 item(s) failed',
    );
    const [letter] = await deadLetters.list();
    expect(letter).toMatchObject({
      source: 'schedule',
      origin: 'SweepRule',
      functionLogicalId: 'SweepFunction',
      error: 'JobIncomplete: 2 item(s) failed',
      attempts: 3,
      event: { 'detail-type': 'Scheduled Event', time: '2026-03-09T16:30:00Z' },
    });
    expect(await started.health?.()).toMatchObject({ component: 'schedules', status: 'attention' });

    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(invoke).toHaveBeenCalledTimes(6);
    await started.stop();
  });

  it('takes the retry count from the function’s EventInvokeConfig', () => {
    const stack = stackWith({
      SweepRule: rule({}),
      SweepInvokeConfig: {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: { FunctionName: { Ref: 'SweepFunction' }, Qualifier: '$LATEST', MaximumRetryAttempts: 0 },
      },
    });
    expect(scheduleDefinitions(stack)[0]?.retryAttempts).toEqual({ SweepFunction: 0 });
  });
});

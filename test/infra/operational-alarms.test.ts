import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PROGRAM_METRICS_NAMESPACE } from '../../shared/observability/metrics';
import { apiTemplate } from './synthesized';

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  Condition?: string;
  Metadata?: Record<string, unknown>;
};

const template = apiTemplate();
const resources = template.toJSON().Resources as Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
const [[topicId] = []] = ofType('AWS::SNS::Topic');

/** Every metric an alarm reads, whether it watches one metric or a math expression over several. */
const metricsOf = (alarm: Record<string, unknown>) => {
  const single = alarm.MetricName
    ? [{ MetricName: alarm.MetricName, Namespace: alarm.Namespace, Dimensions: alarm.Dimensions }]
    : [];
  const math = ((alarm.Metrics as { MetricStat?: { Metric: Record<string, unknown> } }[]) ?? []).flatMap(
    (query) => (query.MetricStat ? [query.MetricStat.Metric] : []),
  );
  return [...single, ...math] as { MetricName: string; Namespace: string; Dimensions?: unknown[] }[];
};

/** The alarms reading `metricName` with a dimension whose value is `value` (a Ref, GetAtt or string). */
const alarmsOn = (metricName: string, value: unknown) =>
  alarms.filter((alarm) =>
    metricsOf(alarm).some(
      (metric) =>
        metric.MetricName === metricName &&
        JSON.stringify(metric.Dimensions ?? []).includes(JSON.stringify(value)),
    ),
  );

const runbook = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8');
/** GitHub's heading anchors: lowercase, spaces to dashes, punctuation dropped. */
const anchors = new Set(
  [...runbook.matchAll(/^#{2,3} (.+)$/gm)].map(([, heading]) =>
    (heading ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replaceAll(' ', '-'),
  ),
);

describe('operational alarms', () => {
  const isWorkingQueue = (queue: { Properties?: Record<string, unknown> }) =>
    queue.Properties?.RedrivePolicy !== undefined;

  it('watches every dead-letter and on-failure queue for any visible message', () => {
    const queues = ofType('AWS::SQS::Queue').filter(([, queue]) => !isWorkingQueue(queue));
    expect(queues.length).toBeGreaterThanOrEqual(6);
    for (const [queueId] of queues) {
      expect(
        alarmsOn('ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [queueId, 'QueueName'] }),
        queueId,
      ).toEqual([
        expect.objectContaining({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
      ]);
    }
  });

  it('watches every working queue (one with a dead-letter queue) for a message waiting too long', () => {
    const queues = ofType('AWS::SQS::Queue').filter(([, queue]) => isWorkingQueue(queue));
    expect(queues.length).toBeGreaterThanOrEqual(4);
    for (const [queueId] of queues) {
      expect(
        alarmsOn('ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [queueId, 'QueueName'] }),
      ).toEqual([]);
      expect(
        alarmsOn('ApproximateAgeOfOldestMessage', { 'Fn::GetAtt': [queueId, 'QueueName'] }),
        queueId,
      ).toEqual([
        expect.objectContaining({ Threshold: 30 * 60, ComparisonOperator: 'GreaterThanThreshold' }),
      ]);
    }
  });

  it('watches the state machine for failed, timed-out and aborted executions', () => {
    const [[stateMachineId] = []] = ofType('AWS::StepFunctions::StateMachine');
    const watched = ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'].map(
      (metric) => alarmsOn(metric, { Ref: stateMachineId }).length,
    );
    expect(watched).toEqual([1, 1, 1]);
  });

  it('watches every stream mapping: its consumer’s iterator age and its on-failure queue', () => {
    // Stream mappings have a starting position; a queue's mapping is watched through its queue.
    const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
      ([, mapping]) => mapping.Properties?.StartingPosition !== undefined,
    );
    expect(mappings.length).toBeGreaterThanOrEqual(3);
    for (const [mappingId, mapping] of mappings) {
      const [ageAlarm] = alarmsOn('IteratorAge', mapping.Properties.FunctionName);
      expect(ageAlarm, mappingId).toMatchObject({ Threshold: 5 * 60 * 1000, Statistic: 'Maximum' });
      const destination = (mapping.Properties.DestinationConfig as { OnFailure: { Destination: unknown } })
        .OnFailure.Destination as { 'Fn::GetAtt': [string, string] };
      const queueId = destination['Fn::GetAtt'][0];
      expect(
        alarmsOn('ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [queueId, 'QueueName'] }),
      ).toHaveLength(1);
    }
  });

  it('watches every function for errors and throttles', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(28);
    for (const [functionId] of functions) {
      const errors = alarmsOn('Errors', { Ref: functionId });
      expect(errors, functionId).toHaveLength(1);
      expect(alarmsOn('Throttles', { Ref: functionId })).toEqual(errors);
    }
  });

  it('watches the API stage for 5xx rate, p99 latency and a 4xx surge', () => {
    const [[apiId] = []] = ofType('AWS::ApiGatewayV2::Api');
    expect(alarmsOn('5xx', { Ref: apiId })).toHaveLength(1);
    expect(alarmsOn('4xx', { Ref: apiId })).toHaveLength(1);
    expect(alarmsOn('Latency', { Ref: apiId })).toEqual([
      expect.objectContaining({
        ExtendedStatistic: 'p99',
        Dimensions: expect.arrayContaining([{ Name: 'Stage', Value: '$default' }]),
      }),
    ]);
  });

  it('watches every table for throttles and system errors', () => {
    const tableImports = new Set(
      alarms.flatMap((alarm) =>
        metricsOf(alarm)
          .filter((metric) => metric.Namespace === 'AWS/DynamoDB')
          .flatMap((metric) => (metric.Dimensions as { Name: string; Value: unknown }[]) ?? [])
          .filter((dimension) => dimension.Name === 'TableName')
          .map((dimension) => JSON.stringify(dimension.Value)),
      ),
    );
    expect(tableImports.size).toBe(3);
    expect(
      alarms.filter((alarm) => metricsOf(alarm).some((m) => m.MetricName === 'WriteThrottleEvents')),
    ).toHaveLength(3);
    expect(
      alarms.filter((alarm) => metricsOf(alarm).some((m) => m.MetricName === 'SystemErrors')),
    ).toHaveLength(3);
  });

  it('watches every scheduled job for failures and undelivered runs, and daily and weekly ones for a missed run', () => {
    const jobFailures = alarms.filter((alarm) => alarm.MetricName === 'JobFailures');
    // Four scheduled-job functions, and the upload cleanup inside the attachments function.
    expect(jobFailures).toHaveLength(5);
    expect(alarmsOn('JobFailures', 'attachment-cleanup')).toHaveLength(1);
    expect(jobFailures[0]).toMatchObject({ Namespace: PROGRAM_METRICS_NAMESPACE });
    for (const [ruleId, rule] of ofType('AWS::Events::Rule').filter(
      ([, r]) => r.Properties.ScheduleExpression,
    )) {
      expect(alarmsOn('FailedInvocations', { Ref: ruleId }), ruleId).toHaveLength(1);
      const target = (rule.Properties.Targets as { Arn: { 'Fn::GetAtt': [string, string] } }[])[0];
      const functionId = target?.Arn['Fn::GetAtt'][0];
      const missed = alarmsOn('Invocations', { Ref: functionId });
      // An API function's invocations are mostly requests: "no invocation in a day" says nothing of its job.
      const apiFunction = String(resources[functionId ?? '']?.Metadata?.['local:entry']).startsWith(
        'functions/api/',
      );
      const quarterly = String(rule.Properties.ScheduleExpression).includes(' L ');
      expect(missed, ruleId).toHaveLength(quarterly || apiFunction ? 0 : 1);
      if (!quarterly && !apiFunction) {
        expect(missed[0]).toMatchObject({
          ComparisonOperator: 'LessThanThreshold',
          TreatMissingData: 'breaching',
          EvaluationWindow: { WallClockWindow: { Timezone: 'Asia/Shanghai' } },
        });
      }
    }
  });

  it('raises the calendar alarms from the daily sweep’s metrics', () => {
    for (const metricName of ['CalendarYearMissing', 'NextCalendarYearMissing']) {
      expect(alarmsOn(metricName, 'daily-sweep'), metricName).toHaveLength(1);
    }
  });

  it('gives every alarm a stack-qualified name, a runbook section that exists, and the alarm topic', () => {
    expect(alarms.length).toBeGreaterThan(50);
    for (const alarm of alarms) {
      expect(JSON.stringify(alarm.AlarmName)).toContain('Qinqing-test-Api-');
      const [, anchor] =
        /Runbook: docs\/runbook\.md#([a-z0-9-]+)$/.exec(String(alarm.AlarmDescription)) ?? [];
      expect(anchors, `${alarm.AlarmDescription}`).toContain(anchor);
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('records failed, timed-out and aborted executions, whose names are issue ids, in a log group', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::Join': ['', Match.arrayWith([':log-group:'])] } })],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/events/Qinqing-test-Api/failed-executions',
    });
    const [[, policy] = []] = ofType('AWS::Logs::ResourcePolicy');
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('events.amazonaws.com');
  });

  it('builds a dashboard for the stage that reads the program metrics', () => {
    const [[, dashboard] = []] = ofType('AWS::CloudWatch::Dashboard');
    expect(dashboard?.Properties.DashboardName).toBe('Qinqing-test-Api-operations');
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const part of [
      PROGRAM_METRICS_NAMESPACE,
      'IssuesRaised',
      'IssuesClosed',
      'OverdueAssignments',
      'JobDuration',
      'ExecutionsFailed',
      'ApproximateNumberOfMessagesVisible',
      '5xx',
    ]) {
      expect(body, part).toContain(part);
    }
  });
});

import { ArnFormat, Aws, CfnCondition, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  type CfnAlarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { type IRule, type IRuleTarget, Rule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  type CfnEventSourceMapping,
  EventSourceMapping,
  Function as LambdaFunction,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type CfnSubscription, Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { PROGRAM_METRICS_NAMESPACE, SERVICE_DIMENSION } from '../../shared/observability/metrics';
import type { AlarmSubscribers } from '../alarm-subscribers';
import { acknowledgeAlarmTopicFindings } from '../nag';
import { OperationsDashboard } from './operations-dashboard';
import type { ScheduledJob } from './scheduled-job';

export interface OperationalAlarmsProps {
  subscribers: AlarmSubscribers;
  /** The HTTP API's stage: 5xx rate, p99 latency and 4xx surge are per stage. */
  apiStage: HttpStage;
  /** The tables the stack's functions use, by a short name for alarm names. */
  tables: Record<string, ITable>;
  /** The scheduled jobs by name. */
  jobs: ReadonlyMap<string, ScheduledJob>;
  /**
   * Daily jobs that run inside an API function on a rule of their own (infra/api-areas.ts `daily`),
   * by name: watched for failures and undelivered runs. Not for a missed run: their function's
   * invocations are mostly API requests.
   */
  areaJobs: ReadonlyMap<string, IRule>;
  logRetention: RetentionDays;
  /** Where the runbook is read: each alarm's description links its section. */
  runbookUrl: string;
}

/** Two metrics each (errors, throttles): CloudWatch lets an alarm's math read at most ten. */
const FUNCTIONS_PER_ALARM = 5;
const FIVE_MINUTES = Duration.minutes(5);
/** Stream records older than this mean the consumer is falling behind (or stuck on a record). */
const ITERATOR_AGE_LIMIT_MS = 5 * 60 * 1000;
/** How long a working queue may hold a message: retries back off to 4 minutes, quiet-hour SMS are re-sent every 15. */
const WORKING_QUEUE_AGE_LIMIT = Duration.minutes(30);
const API_5XX_PERCENT = 1;
const API_P99_LATENCY_MS = 5000;
const API_4XX_PERCENT = 25;
/** Rates below this many requests in five minutes say nothing (one failed call of three is not an outage). */
const API_MIN_REQUESTS = 50;
/** DynamoDB operations the functions use; an alarm's math may name at most ten metrics. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

interface AlarmSpec {
  /** Unique in the stack, appended to the stack name. */
  name: string;
  /** What it means, in a sentence for the person paged. */
  description: string;
  /** The runbook section (docs/runbook.md heading anchor). */
  runbook: string;
  metric: IMetric;
  threshold: number;
  comparison?: ComparisonOperator;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData?: TreatMissingData;
}

/**
 * Every alarm of the stack, in one place, all to one SNS topic (e-mail, SMS outside China, HTTPS
 * endpoints from the `alarmSubscribers` context), each named `<stack>-<what>` with a description and
 * a link to its runbook section (docs/runbook.md). Functions, queues, stream mappings and state
 * machines are found in the stack's construct tree, so one added later is covered without a line
 * here (test/infra/operational-alarms.test.ts pins it). Built last in the stack, after everything
 * it watches. Also records failed issue executions with their issue id (an EventBridge rule into a
 * log group), and builds the stage's dashboard.
 */
export class OperationalAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** Every failed, timed-out or aborted execution's status-change event; `detail.name` is the issue id. */
  readonly failedExecutions: LogGroup;
  private readonly stackName: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OperationalAlarmsProps,
  ) {
    super(scope, id);
    const stack = Stack.of(this);
    this.stackName = stack.stackName;
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `${this.stackName} alarms`,
      enforceSSL: true,
    });
    acknowledgeAlarmTopicFindings(this, this.topic);
    this.subscribe(props.subscribers);

    const everything = stack.node.findAll();
    const functions = everything.filter((node): node is LambdaFunction => node instanceof LambdaFunction);
    const queues = everything.filter((node): node is Queue => node instanceof Queue);
    // Stream mappings only (they have a starting position): a queue's mapping has no iterator age,
    // and its queue is watched as a queue.
    const mappings = everything.filter(
      (node): node is EventSourceMapping =>
        node instanceof EventSourceMapping &&
        (node.node.defaultChild as CfnEventSourceMapping).startingPosition !== undefined,
    );
    const stateMachines = everything.filter((node): node is StateMachine => node instanceof StateMachine);

    for (const queue of queues) this.watchQueue(queue);
    for (const stateMachine of stateMachines) this.watchStateMachine(stateMachine);
    for (const mapping of mappings) this.watchStreamConsumer(mapping);
    this.watchFunctions(functions);
    this.watchApi(props.apiStage);
    for (const [name, table] of Object.entries(props.tables)) this.watchTable(name, table);
    for (const [name, job] of props.jobs) this.watchJob(name, job);
    for (const [name, rule] of props.areaJobs) this.watchJobRuns(name, rule);
    this.watchCalendar();

    this.failedExecutions = this.recordFailedExecutions(stateMachines, props.logRetention);
    new OperationsDashboard(this, 'Dashboard', {
      apiStage: props.apiStage,
      stateMachines,
      queues,
      jobs: [...props.jobs].map(([name, job]) => ({ name, fn: job.fn })),
      alarms: this.alarms,
    });
  }

  private subscribe({ email, sms, https }: AlarmSubscribers): void {
    const add = (kind: string, protocol: SubscriptionProtocol, endpoints: string[]) =>
      endpoints.map(
        (endpoint, index) =>
          new Subscription(this, `${kind}${index}`, { topic: this.topic, protocol, endpoint }),
      );
    add('Email', SubscriptionProtocol.EMAIL, email);
    add('Https', SubscriptionProtocol.HTTPS, https);
    const texts = add('Sms', SubscriptionProtocol.SMS, sms);
    if (texts.length === 0) return;
    // SNS sends no SMS in the China regions: there the subscriptions are left out at deploy time.
    const notChina = new CfnCondition(this, 'SmsAvailable', {
      expression: Fn.conditionNot(Fn.conditionEquals(Aws.PARTITION, 'aws-cn')),
    });
    for (const text of texts) (text.node.defaultChild as CfnSubscription).cfnOptions.condition = notChina;
  }

  private alarm(spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, spec.name, {
      alarmName: `${this.stackName}-${spec.name}`,
      alarmDescription: `${spec.description} Runbook: ${this.props.runbookUrl}#${spec.runbook}`,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm,
      treatMissingData: spec.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** A construct's path below the stack, as a name part: `IssueWorkflow-Undelivered`. */
  private label(node: IConstruct): string {
    const stackPath = Stack.of(this).node.path;
    return node.node.path
      .slice(stackPath.length + 1)
      .replace(/\/(Function|Resource)$/, '')
      .replaceAll('/', '-');
  }

  /**
   * A queue with a dead-letter queue of its own is a working queue (a notification channel): its
   * messages are work in progress, so it alarms when the oldest waits too long. Every other queue
   * catches what failed for good and alarms on any message.
   */
  private watchQueue(queue: Queue): void {
    if (queue.deadLetterQueue) {
      this.alarm({
        name: `${this.label(queue)}-backlog`,
        description: `Queue ${this.label(queue)} has held a message for more than ${WORKING_QUEUE_AGE_LIMIT.toMinutes()} minutes: its consumer is not keeping up or keeps failing.`,
        runbook: 'queue-backlog',
        metric: queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        threshold: WORKING_QUEUE_AGE_LIMIT.toSeconds(),
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
      });
      return;
    }
    this.alarm({
      name: `${this.label(queue)}-messages-visible`,
      description: `Queue ${this.label(queue)} holds something that failed for good (a dead letter or a stream record given up on); it expires unseen after 14 days.`,
      runbook: 'dead-letters',
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: 1,
    });
  }

  private watchStateMachine(stateMachine: StateMachine): void {
    const kinds = [
      ['failed', stateMachine.metricFailed({ period: FIVE_MINUTES })],
      ['timed-out', stateMachine.metricTimedOut({ period: FIVE_MINUTES })],
      ['aborted', stateMachine.metricAborted({ period: FIVE_MINUTES })],
    ] as const;
    for (const [kind, metric] of kinds) {
      this.alarm({
        name: `${this.label(stateMachine)}-executions-${kind}`,
        description: `An issue workflow execution ${kind.replace('-', ' ')}: that issue no longer moves by itself. The failed-executions log names the issue.`,
        runbook: 'workflow-executions-failed',
        metric,
        threshold: 1,
      });
    }
  }

  private watchStreamConsumer(mapping: EventSourceMapping): void {
    const fn = mapping.node.scope as LambdaFunction;
    this.alarm({
      name: `${this.label(fn)}-iterator-age`,
      description: `The stream consumer ${this.label(fn)} is more than ${ITERATOR_AGE_LIMIT_MS / 60000} minutes behind the table stream (stuck on a record, or failing): what it delivers is late.`,
      runbook: 'stream-consumer-behind',
      metric: fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: ITERATOR_AGE_LIMIT_MS,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
    });
  }

  /**
   * Errors and throttles of every function, FUNCTIONS_PER_ALARM functions to an alarm: an alarm's
   * math reads at most ten metrics, and one alarm per function cost the stack 37 of its 500
   * resources. The description names the functions; the function-errors runbook section says
   * how to find which one failed.
   */
  private watchFunctions(functions: LambdaFunction[]): void {
    const labelled = functions.map((fn) => ({ fn, label: this.label(fn) }));
    labelled.sort((a, b) => a.label.localeCompare(b.label));
    for (let start = 0; start < labelled.length; start += FUNCTIONS_PER_ALARM) {
      const group = labelled.slice(start, start + FUNCTIONS_PER_ALARM);
      const usingMetrics = Object.fromEntries(
        group.flatMap(({ fn }, i) => [
          [`errors${i}`, fn.metricErrors()],
          [`throttles${i}`, fn.metricThrottles()],
        ]),
      );
      const names = group.map(({ label }) => label);
      this.alarm({
        name: `functions-${start / FUNCTIONS_PER_ALARM + 1}-errors-or-throttles`,
        description: `One of the functions ${names.join(', ')} failed (uncaught error, timeout, crash) or was throttled.`,
        runbook: 'function-errors',
        metric: new MathExpression({
          expression: Object.keys(usingMetrics)
            .map((key) => `FILL(${key}, 0)`)
            .join(' + '),
          usingMetrics,
          period: FIVE_MINUTES,
          label: 'errors + throttles',
        }),
        threshold: 1,
      });
    }
  }

  private watchApi(stage: HttpStage): void {
    const count = stage.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const rate = (errors: IMetric, label: string) =>
      new MathExpression({
        expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * FILL(errors, 0) / requests, 0)`,
        usingMetrics: { requests: count, errors },
        period: FIVE_MINUTES,
        label,
      });
    this.alarm({
      name: 'api-5xx-rate',
      description: `More than ${API_5XX_PERCENT} % of API requests answered 5xx in five minutes: people cannot work.`,
      runbook: 'api-5xx',
      metric: rate(stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), '5xx %'),
      threshold: API_5XX_PERCENT,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarm({
      name: 'api-p99-latency',
      description: `API p99 latency above ${API_P99_LATENCY_MS} ms for 10 of 15 minutes.`,
      runbook: 'api-latency',
      metric: stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      threshold: API_P99_LATENCY_MS,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    this.alarm({
      name: 'api-4xx-surge',
      description: `More than ${API_4XX_PERCENT} % of API requests refused (4xx) in five minutes: a broken client, expired tokens everywhere, or abuse.`,
      runbook: 'api-4xx-surge',
      metric: rate(stage.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }), '4xx %'),
      threshold: API_4XX_PERCENT,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  private watchTable(name: string, table: ITable): void {
    this.alarm({
      name: `${name}-table-throttled`,
      description: `DynamoDB throttled reads or writes on the ${name} table.`,
      runbook: 'dynamodb-throttles',
      metric: new MathExpression({
        expression: 'FILL(reads, 0) + FILL(writes, 0)',
        usingMetrics: {
          reads: table.metric('ReadThrottleEvents', { statistic: 'Sum' }),
          writes: table.metric('WriteThrottleEvents', { statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
        label: 'throttle events',
      }),
      threshold: 1,
    });
    this.alarm({
      name: `${name}-table-system-errors`,
      description: `DynamoDB answered requests on the ${name} table with 500 (service side errors).`,
      runbook: 'dynamodb-system-errors',
      metric: table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: FIVE_MINUTES }),
      threshold: 1,
    });
  }

  private jobMetric(job: string, metricName: string, period: Duration): Metric {
    return new Metric({
      namespace: PROGRAM_METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { [SERVICE_DIMENSION]: this.stackName, Job: job },
      statistic: 'Maximum',
      period,
    });
  }

  /** Items a run could not do, and runs EventBridge could not deliver. */
  private watchJobRuns(name: string, rule: IRule): void {
    this.alarm({
      name: `job-${name}-failures`,
      description: `Job ${name} finished with items it could not do (failures in its summary); it is retried, then dead-lettered.`,
      runbook: 'job-failures',
      metric: this.jobMetric(name, 'JobFailures', Duration.hours(1)),
      threshold: 1,
    });
    this.alarm({
      name: `job-${name}-not-delivered`,
      description: `EventBridge could not invoke job ${name}: that run did not happen (its event is in the job's dead-letter queue).`,
      runbook: 'job-missed',
      metric: new Metric({
        namespace: 'AWS/Events',
        metricName: 'FailedInvocations',
        dimensionsMap: { RuleName: rule.ruleName },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
    });
  }

  private watchJob(name: string, job: ScheduledJob): void {
    const { runsEvery } = job;
    this.watchJobRuns(name, job.rule);
    if (runsEvery === 'quarter') return;
    // A calendar day or week (Asia/Shanghai) with no invocation at all: the schedule did not fire.
    // Wall-clock windows evaluate whole periods, so a run late in its day is not missed.
    const period = runsEvery === 'day' ? Duration.days(1) : Duration.days(7);
    const missed = this.alarm({
      name: `job-${name}-missed`,
      description: `Job ${name} did not run at all in a ${runsEvery} (program time): its schedule is disabled, deleted or broken.`,
      runbook: 'job-missed',
      metric: job.fn.metricInvocations({ period, statistic: 'Sum' }),
      threshold: 1,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    });
    (missed.node.defaultChild as CfnAlarm).evaluationWindow = {
      wallClockWindow: { timezone: 'Asia/Shanghai' },
    };
  }

  private watchCalendar(): void {
    this.alarm({
      name: 'calendar-year-missing',
      description:
        'The daily sweep met a date in a year the working-day calendar lacks: no overdue supervision and no due-soon cards until the year is loaded.',
      runbook: 'calendar-year-missing',
      metric: this.jobMetric('daily-sweep', 'CalendarYearMissing', Duration.hours(1)),
      threshold: 1,
    });
    this.alarm({
      name: 'calendar-next-year-missing',
      description:
        'Next year’s holiday arrangement is not loaded (checked from 1 November): from 1 January the daily sweep cannot supervise overdue work.',
      runbook: 'calendar-next-year-missing',
      metric: this.jobMetric('daily-sweep', 'NextCalendarYearMissing', Duration.days(1)),
      threshold: 1,
    });
  }

  /**
   * Step Functions' status-change events for failed, timed-out and aborted executions go into a log
   * group (EventBridge writes only to groups under /aws/events/). The execution is named after its
   * issue, so `detail.name` is the issue id: Logs Insights finds the issue behind an alarm.
   */
  private recordFailedExecutions(stateMachines: StateMachine[], retention: RetentionDays): LogGroup {
    const logGroup = new LogGroup(this, 'FailedExecutions', {
      logGroupName: `/aws/events/${this.stackName}/failed-executions`,
      retention,
    });
    logGroup.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    // CDK's own log-group target adds its policy through a custom-resource Lambda; this one is plain.
    const target: IRuleTarget = {
      bind: () => ({
        arn: Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          resourceName: logGroup.logGroupName,
        }),
      }),
    };
    new Rule(this, 'FailedExecutionsRule', {
      description: 'Records every failed, timed-out or aborted issue execution (its name is the issue id)',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: stateMachines.map((stateMachine) => stateMachine.stateMachineArn),
        },
      },
      targets: [target],
    });
    return logGroup;
  }
}

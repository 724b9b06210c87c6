import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PROGRAM_METRICS_NAMESPACE, SERVICE_DIMENSION } from '../../shared/observability/metrics';

export interface OperationsDashboardProps {
  apiStage: HttpStage;
  stateMachines: StateMachine[];
  queues: Queue[];
  jobs: { name: string; fn: IFunction }[];
  alarms: IAlarm[];
}

const FIVE_MINUTES = Duration.minutes(5);
const DAY = Duration.days(1);

/** The program's flow, counted by the functions that change issues (shared/domain/issues/transition-metrics.ts). */
const ISSUE_FLOW = [
  'IssuesRaised',
  'IssuesEscalated',
  'IssuesResolved',
  'IssuesSupervised',
  'IssuesSentToConsultation',
  'IssueWorkflowsFailed',
];
const CLOSURE_TYPES = ['satisfied', 'basically_satisfied', 'no_response'];

/**
 * One dashboard per stage (`<stack>-operations`): alarms at the top, then API traffic, latency and
 * errors; workflow executions by outcome; the issue flow and overdue work from the program metrics;
 * queue depths; job runs, failures and durations.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const service = Stack.of(this).stackName;
    const program = (metricName: string, dimensions: Record<string, string> = {}, period = DAY): Metric =>
      new Metric({
        namespace: PROGRAM_METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { [SERVICE_DIMENSION]: service, ...dimensions },
        statistic: 'Sum',
        period,
      });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 12, height: 6 });
    const stage = props.apiStage;

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${service}-operations`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${service}\nAlarms, traffic and the program's flow. What each alarm means and what to do: docs/runbook.md.`,
        width: 24,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 6 }),
    );
    this.dashboard.addWidgets(
      graph(
        'API requests and errors',
        [stage.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' })],
        [
          stage.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }),
          stage.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        ],
      ),
      graph('API latency (ms)', [
        stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
        stage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
        stage.metricIntegrationLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Workflow executions',
        props.stateMachines.flatMap((machine) => [
          machine.metricStarted({ period: DAY }),
          machine.metricSucceeded({ period: DAY }),
          machine.metricFailed({ period: DAY }),
          machine.metricTimedOut({ period: DAY }),
          machine.metricAborted({ period: DAY }),
        ]),
      ),
      graph('Queue depths (messages waiting for an operator)', [
        ...props.queues.map((queue) =>
          queue.metricApproximateNumberOfMessagesVisible({
            period: FIVE_MINUTES,
            statistic: 'Maximum',
            label: queue.node.path.split('/').slice(1).join('/'),
          }),
        ),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Issue flow per day',
        ISSUE_FLOW.map((name) => program(name)),
      ),
      graph(
        'Closures per day by type; overdue assignments (daily sweep)',
        CLOSURE_TYPES.map((type) => program('IssuesClosed', { ClosureType: type })),
        [
          new MathExpression({
            expression: 'overdue',
            usingMetrics: {
              overdue: program('OverdueAssignments', { Job: 'daily-sweep' }).with({ statistic: 'Maximum' }),
            },
            label: 'overdue assignments',
            period: DAY,
          }),
          program('NewlyOverdue', { Job: 'daily-sweep' }),
        ],
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Job runs and failures',
        props.jobs.map(({ name }) => program('JobRuns', { Job: name })),
        props.jobs.map(({ name }) => program('JobFailures', { Job: name })),
      ),
      graph(
        'Job duration (ms)',
        props.jobs.map(({ name }) => program('JobDuration', { Job: name }).with({ statistic: 'Maximum' })),
      ),
    );
  }
}

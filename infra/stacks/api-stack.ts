import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { apiAreas, apiRoutes } from '../../shared/contract/routes';
import { INDEXES, LEDGER_INDEXES } from '../../shared/db/keys';
import { claimsMappingVariables } from '../../shared/http/claims-mapping';
import type { AlarmSubscribers } from '../alarm-subscribers';
import { settingsFor } from '../api-areas';
import { AttachmentsBucket } from '../constructs/attachments-bucket';
import { bindTable } from '../constructs/bind-table';
import { IssueWorkflow } from '../constructs/issue-workflow';
import { NodeFunction } from '../constructs/node-function';
import { Notifications } from '../constructs/notifications';
import { OperationalAlarms } from '../constructs/operational-alarms';
import { ProgramEvents } from '../constructs/program-events';
import { ScheduledJob } from '../constructs/scheduled-job';
import type { UserDirectory } from '../constructs/user-directory';
import type { IdentityProvider } from '../identity-provider';
import {
  acknowledgeDailyRule,
  acknowledgeHttpStage,
  acknowledgePublicRoute,
  acknowledgeSynchronousFunction,
} from '../nag';
import { UNSET_LINK_BASE } from '../notify-link-base';
import { type PolicyEnvironment, policyVariables } from '../policy-settings';
import { SCHEDULED_JOBS } from '../scheduled-jobs';

export interface ApiStackProps extends StackProps {
  programTable: Table;
  ledgerTable: Table;
  idempotencyTable: Table;
  /** Names the stage's attachments bucket (made by the data stack). */
  stage: string;
  logRetention: RetentionDays;
  throttle: { rateLimit: number; burstLimit: number };
  /** The stage's policy settings, for the functions that read them. */
  policy: PolicyEnvironment;
  /** The web client's base URL, which notification messages link to. */
  notificationLinkBase?: string;
  /** Who issues the tokens the API trusts; with `cognito`, the data stack's user directory. */
  identity: IdentityProvider;
  userDirectory?: UserDirectory;
  /** Who the alarm topic notifies (context `alarmSubscribers`). */
  alarmSubscribers: AlarmSubscribers;
  /** Where the runbook is read; alarm descriptions link its sections. */
  runbookUrl: string;
  /**
   * The day this stage's ledger moved from the by-day to the by-year index (context
   * `ledgerDayIndexUntil`): unset where the stage has no entry from before it (docs/deploy.md).
   */
  ledgerDayIndexUntil?: string;
}

/** The stateless half: the HTTP API, its authorizer and its functions, all rebuilt freely. */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly functions = new Map<string, NodeFunction>();
  readonly jobs = new Map<string, ScheduledJob>();
  /** Daily jobs run by an API area's function, by job name (infra/api-areas.ts `daily`). */
  readonly areaJobs = new Map<string, Rule>();
  /** Functions that escalate issues call `issueWorkflow.nameExecutions(fn)`. */
  readonly issueWorkflow: IssueWorkflow;
  /** The program's event bus and the stream-fed function that publishes stored reports on it. */
  readonly programEvents: ProgramEvents;
  /** Subscriptions' channel queues, the router and the delivery function. */
  readonly notifications: Notifications;
  /** Every alarm, the alarm topic, the failed-executions log and the dashboard. */
  readonly operations: OperationalAlarms;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      createDefaultStage: false,
      description: '亲清互挂 platform API',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Who, from where and what, never bodies or tokens.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            sub: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            responseLength: '$context.responseLength',
          }),
        ),
      },
    });
    (stage.node.defaultChild as CfnStage).addPropertyOverride(
      'DefaultRouteSettings.DetailedMetricsEnabled',
      true,
    );
    acknowledgeHttpStage(stage);

    this.issueWorkflow = new IssueWorkflow(this, 'IssueWorkflow', {
      programTable: props.programTable,
      ledgerTable: props.ledgerTable,
      logRetention: props.logRetention,
      policy: props.policy,
    });

    this.programEvents = new ProgramEvents(this, 'ProgramEvents', {
      programTable: props.programTable,
      ledgerTable: props.ledgerTable,
      logRetention: props.logRetention,
    });
    this.notifications = new Notifications(this, 'Notifications', {
      bus: this.programEvents.bus,
      programTable: props.programTable,
      logRetention: props.logRetention,
      linkBase: props.notificationLinkBase ?? UNSET_LINK_BASE,
      smsProvider: 'none',
    });

    const authorizer = jwtAuthorizer(props.identity, props.userDirectory);
    const claimVariables = claimsMappingVariables(props.identity.claims);
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const area of apiAreas()) {
      const settings = settingsFor(area);
      const nodeFunction = new NodeFunction(this, `Api-${area}`, {
        entry: `functions/api/${area}/handler.ts`,
        description: settings.description,
        memorySize: settings.memorySize,
        timeout: Duration.seconds(settings.timeoutSeconds ?? 10),
        environment: {
          ...policyVariables(props.policy, settings.policies),
          ...claimVariables,
          ...(settings.ledgerByPeriod && props.ledgerDayIndexUntil
            ? { LEDGER_DAY_INDEX_UNTIL: props.ledgerDayIndexUntil }
            : {}),
        },
        logRetention: props.logRetention,
      });
      acknowledgeSynchronousFunction(nodeFunction.fn, 'API Gateway');
      if (settings.program)
        bindTable(nodeFunction.fn, props.programTable, 'PROGRAM_TABLE', settings.program, INDEXES);
      if (settings.ledger)
        bindTable(
          nodeFunction.fn,
          props.ledgerTable,
          'LEDGER_TABLE',
          settings.ledger,
          settings.ledgerByPeriod ? LEDGER_INDEXES : [],
        );
      if (settings.idempotency)
        bindTable(nodeFunction.fn, props.idempotencyTable, 'IDEMPOTENCY_TABLE', IDEMPOTENCY_ACCESS);
      if (settings.namesExecutions) this.issueWorkflow.nameExecutions(nodeFunction.fn);
      if (settings.attachments) AttachmentsBucket.bindTo(nodeFunction.fn, props.stage);
      if (settings.daily) {
        const rule = new Rule(this, `Daily-${area}`, {
          schedule: Schedule.expression(settings.daily.schedule),
          description: settings.daily.description,
          // A failed run is retried as a scheduled job's is; the next day's run catches up the rest.
          targets: [
            new LambdaFunction(nodeFunction.fn, { retryAttempts: 2, maxEventAge: Duration.hours(6) }),
          ],
        });
        acknowledgeDailyRule(rule);
        this.areaJobs.set(settings.daily.job, rule);
      }
      this.functions.set(area, nodeFunction);
      // One invoke permission per function, for this API only (not one per route): a route each
      // would spend ~100 of the stack's 500 resources on permissions that say the same thing.
      integrations.set(
        area,
        new HttpLambdaIntegration(`Integration-${area}`, nodeFunction.fn, { scopePermissionToRoute: false }),
      );
    }

    const none = new HttpNoneAuthorizer();
    for (const route of apiRoutes) {
      const routeAuthorizer: IHttpRouteAuthorizer = route.access === 'public' ? none : authorizer;
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.area) as HttpLambdaIntegration,
        authorizer: routeAuthorizer,
      });
      if (route.access === 'public' && added) acknowledgePublicRoute(added, `${route.method} ${route.path}`);
    }

    for (const [name, settings] of Object.entries(SCHEDULED_JOBS)) {
      const job = new ScheduledJob(this, `Job-${name}`, {
        ...settings,
        logRetention: props.logRetention,
        policy: props.policy,
      });
      bindTable(job.fn, props.programTable, 'PROGRAM_TABLE', settings.program, INDEXES);
      if (settings.ledger) bindTable(job.fn, props.ledgerTable, 'LEDGER_TABLE', settings.ledger);
      this.jobs.set(name, job);
    }

    // Last: it finds every function, queue, stream mapping and state machine made above.
    this.operations = new OperationalAlarms(this, 'Operations', {
      subscribers: props.alarmSubscribers,
      apiStage: stage,
      tables: { program: props.programTable, ledger: props.ledgerTable, idempotency: props.idempotencyTable },
      jobs: this.jobs,
      areaJobs: this.areaJobs,
      logRetention: props.logRetention,
      runbookUrl: props.runbookUrl,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    if (props.userDirectory) {
      new CfnOutput(this, 'UserPoolId', { value: props.userDirectory.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: props.userDirectory.client.userPoolClientId });
    }
  }
}

/** The idempotency records: claimed with a conditional put, completed by update, released by delete. */
const IDEMPOTENCY_ACCESS = { write: ['PutItem', 'UpdateItem', 'DeleteItem'] } as const;

/**
 * The HTTP API's JWT authorizer for the configured issuer. For the program's Cognito pool the issuer
 * is built from the partition's own endpoint suffix, never a hard-coded domain.
 */
const jwtAuthorizer = (identity: IdentityProvider, directory: UserDirectory | undefined) => {
  if (identity.kind === 'oidc') {
    return new HttpJwtAuthorizer('Oidc', identity.issuer, { jwtAudience: identity.audience });
  }
  if (!directory) throw new Error('A Cognito identity needs the data stack’s user directory');
  return new HttpJwtAuthorizer(
    'Cognito',
    `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${directory.userPool.userPoolId}`,
    { jwtAudience: [directory.client.userPoolClientId] },
  );
};

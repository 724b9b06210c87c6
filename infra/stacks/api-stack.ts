import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
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
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { apiAreas, apiRoutes } from '../../shared/contract/routes';
import { INDEXES, LEDGER_INDEX } from '../../shared/db/keys';
import { ROLES } from '../../shared/domain/roles';
import { settingsFor } from '../api-areas';
import { AttachmentsBucket } from '../constructs/attachments-bucket';
import { bindTable } from '../constructs/bind-table';
import { IssueWorkflow } from '../constructs/issue-workflow';
import { NodeFunction } from '../constructs/node-function';
import { ProgramEvents } from '../constructs/program-events';
import { ScheduledJob } from '../constructs/scheduled-job';
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
}

/** The stateless half: identity, the HTTP API and its functions, all rebuilt freely. */
export class ApiStack extends Stack {
  readonly userPool: UserPool;
  readonly httpApi: HttpApi;
  readonly functions = new Map<string, NodeFunction>();
  readonly jobs = new Map<string, ScheduledJob>();
  /** Functions that escalate issues call `issueWorkflow.nameExecutions(fn)`. */
  readonly issueWorkflow: IssueWorkflow;
  /** The program's event bus and the stream-fed function that publishes stored reports on it. */
  readonly programEvents: ProgramEvents;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        enterpriseId: new StringAttribute({ mutable: true }),
        unitId: new StringAttribute({ mutable: true }),
        cadreId: new StringAttribute({ mutable: true }),
      },
    });
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
    // Scope claims are set by operators only: the app client may read them but never write them.
    const client = this.userPool.addClient('AppClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('enterpriseId', 'unitId', 'cadreId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

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
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
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

    this.issueWorkflow = new IssueWorkflow(this, 'IssueWorkflow', {
      programTable: props.programTable,
      ledgerTable: props.ledgerTable,
      logRetention: props.logRetention,
      policy: props.policy,
    });

    this.programEvents = new ProgramEvents(this, 'ProgramEvents', {
      programTable: props.programTable,
      logRetention: props.logRetention,
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, { userPoolClients: [client] });
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const area of apiAreas()) {
      const settings = settingsFor(area);
      const nodeFunction = new NodeFunction(this, `Api-${area}`, {
        entry: `functions/api/${area}/handler.ts`,
        description: settings.description,
        memorySize: settings.memorySize,
        timeout: Duration.seconds(settings.timeoutSeconds ?? 10),
        environment: policyVariables(props.policy, settings.policies),
        logRetention: props.logRetention,
      });
      if (settings.program)
        bindTable(nodeFunction.fn, props.programTable, 'PROGRAM_TABLE', settings.program, INDEXES);
      if (settings.ledger)
        bindTable(
          nodeFunction.fn,
          props.ledgerTable,
          'LEDGER_TABLE',
          settings.ledger,
          settings.ledgerByDay ? [LEDGER_INDEX] : [],
        );
      if (settings.idempotency)
        bindTable(nodeFunction.fn, props.idempotencyTable, 'IDEMPOTENCY_TABLE', 'readWrite');
      if (settings.namesExecutions) this.issueWorkflow.nameExecutions(nodeFunction.fn);
      if (settings.attachments) AttachmentsBucket.bindTo(nodeFunction.fn, props.stage);
      this.functions.set(area, nodeFunction);
      integrations.set(area, new HttpLambdaIntegration(`Integration-${area}`, nodeFunction.fn));
    }

    const none = new HttpNoneAuthorizer();
    for (const route of apiRoutes) {
      const routeAuthorizer: IHttpRouteAuthorizer = route.access === 'public' ? none : authorizer;
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.area) as HttpLambdaIntegration,
        authorizer: routeAuthorizer,
      });
    }

    for (const [name, settings] of Object.entries(SCHEDULED_JOBS)) {
      const job = new ScheduledJob(this, `Job-${name}`, {
        ...settings,
        logRetention: props.logRetention,
        policy: props.policy,
      });
      bindTable(job.fn, props.programTable, 'PROGRAM_TABLE', 'readWrite', INDEXES);
      bindTable(job.fn, props.ledgerTable, 'LEDGER_TABLE', 'append');
      this.jobs.set(name, job);
    }

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
  }
}

import { ArnFormat, type CfnResource, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  FilterCriteria,
  FilterRule,
  type IFunction,
  type Function as LambdaFunction,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  Pass,
  type RetryProps,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { SignalKind, WaitKind } from '../../shared/domain/issues/issue';
import { AUTOMATIC_SIGNALS, ISSUE_BUSY, type NextStep } from '../../shared/workflow/workflow-steps';
import { acknowledgeIssueWorkflowFindings, acknowledgeSynchronousFunction } from '../nag';
import { type PolicyEnvironment, type PolicyGroup, policyVariables } from '../policy-settings';
import { ACCESS, bindTable } from './bind-table';
import { NodeFunction } from './node-function';
import { consumeTableStream } from './stream-consumer';

export interface IssueWorkflowProps {
  /** With a NEW_IMAGE stream: the outbox of issue items is delivered from it. */
  programTable: ITable;
  ledgerTable: ITable;
  logRetention: RetentionDays;
  /** The stage's policy settings: the steps that decide transitions read the issue policy. */
  policy: PolicyEnvironment;
}

/** Failures of the Lambda service itself: worth retrying. Everything else is a fault to record. */
export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/**
 * DynamoDB pushing back (throttling, a transaction losing a race), failing (a 500) or not answering in
 * time, after the SDK's own retries: the step is idempotent, so Step Functions tries again later with
 * jitter instead of failing the issue's workflow (test/infra/issue-workflow.test.ts holds it to the
 * faults test/support/dynamo-faults.ts injects).
 */
export const DYNAMODB_CONTENTION = [
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionCanceledException',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
];

/**
 * Step Functions failing inside (its common 500) when a task sends an answer itself (a wait whose
 * decision was recorded first answers at once): sent again by its token, the answer is harmless.
 * Its throttling, unavailability and timeouts share their names with DynamoDB's above. Found by
 * fault injection (test/integration/faults-workflow-steps.test.ts): such a failure ended the
 * issue's workflow.
 */
export const STEP_FUNCTIONS_FAILURE = ['InternalFailure'];

const retryTransient = (extraErrors: string[] = []): RetryProps => ({
  errors: [...TRANSIENT_LAMBDA_ERRORS, ...DYNAMODB_CONTENTION, ...STEP_FUNCTIONS_FAILURE, ...extraErrors],
  interval: Duration.seconds(2),
  backoffRate: 2,
  maxAttempts: 6,
  maxDelay: Duration.seconds(60),
  jitterStrategy: JitterType.FULL,
});

/**
 * A human may take weeks; deadlines are data the daily sweep reads, not timers. This only bounds a wait
 * nothing will ever complete. A Standard execution lives at most a year, so the net is well below that:
 * the wait times out, and `Record failure` still runs inside the execution's lifetime.
 */
export const CALLBACK_SAFETY_NET_DAYS = 330;
const CALLBACK_SAFETY_NET = Timeout.duration(Duration.days(CALLBACK_SAFETY_NET_DAYS));
const AUTOMATIC_STEP_TIMEOUT = Timeout.duration(Duration.seconds(30));

/** Where handlers find the state machine (shared/workflow/issue-execution.ts reads it). */
const STATE_MACHINE_ARN_VARIABLE = 'ISSUE_STATE_MACHINE_ARN';

/**
 * The issue lifecycle's orchestration (docs/issue-lifecycle.md, docs/workflow.md): one Standard
 * execution per escalated issue. Every callback wait consumes the next recorded human decision, and
 * that decision's kind alone picks the next wait; the daily sweep's `Overdue` and `NoResponse` fail a
 * wait into an automatic step. JSONPath only: the local engine runs this same definition.
 */
export class IssueWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly deliverSignals: LambdaFunction;
  /** Stream records the delivery function gave up on, for an operator (the daily sweep re-queues their outbox). */
  readonly undelivered: Queue;

  constructor(scope: Construct, id: string, props: IssueWorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Named, so that the functions answering its waits can be granted exactly this state machine
    // (its ARN built from the name; a reference would make the definition and their roles a cycle).
    const stateMachineName = `${stack.stackName}-issue-workflow`;
    const stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const taskResponses = new PolicyStatement({
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
      resources: [stateMachineArn],
    });
    const stepFunction = (step: string, description: string, policies: PolicyGroup[] = []) =>
      new NodeFunction(this, step, {
        entry: `functions/workflow/${step}/handler.ts`,
        description,
        memorySize: 256,
        timeout: Duration.seconds(10),
        environment: policyVariables(props.policy, policies),
        logRetention: props.logRetention,
      }).fn;
    /**
     * An execution may live for months: it invokes the version published with its definition, so a
     * deployment never hands an old execution's next step to code that expects another payload.
     */
    const invoked = (fn: LambdaFunction): IFunction => {
      acknowledgeSynchronousFunction(fn, 'the issue state machine');
      return fn.currentVersion;
    };

    const routeEscalation = stepFunction(
      'route-escalation',
      'Issue workflow: the first wait of a new execution',
    );
    bindTable(routeEscalation, props.programTable, 'PROGRAM_TABLE', ACCESS.read);
    const awaitDecision = stepFunction(
      'await-decision',
      'Issue workflow: registers a callback wait, or completes it with a decision already made',
    );
    // Stores the wait's token on the issue's workflow item; completes the wait at once if the decision
    // came first (read with the issue: one Query of its partition).
    bindTable(awaitDecision, props.programTable, 'PROGRAM_TABLE', {
      read: ['Query'],
      write: ['UpdateItem'],
    });
    awaitDecision.addToRolePolicy(taskResponses);
    const [supervise, closeNoResponse, recordFailure] = (
      [
        ['supervise', 'Issue workflow: supervises an overdue assignment (督办)'],
        ['close-no-response', 'Issue workflow: closes an issue the enterprise gave no verdict on'],
        ['record-failure', 'Issue workflow: marks the issue’s workflow failed in its ledger'],
      ] as const
    ).map(([step, description]) => {
      const fn = stepFunction(step, description, ['issue']);
      bindTable(fn, props.programTable, 'PROGRAM_TABLE', ACCESS.readWrite);
      bindTable(fn, props.ledgerTable, 'LEDGER_TABLE', ACCESS.append);
      return fn;
    }) as [LambdaFunction, LambdaFunction, LambdaFunction];

    const failed = new Fail(this, 'Failed', {
      errorPath: JsonPath.stringAt('$.failure.Error'),
      causePath: JsonPath.stringAt('$.failure.Cause'),
    });
    const recordFailureTask = new LambdaInvoke(this, 'RecordFailure', {
      stateName: 'Record failure',
      lambdaFunction: invoked(recordFailure),
      payload: TaskInput.fromObject({
        issueId: JsonPath.stringAt('$.issueId'),
        error: JsonPath.stringAt('$.failure.Error'),
        cause: JsonPath.stringAt('$.failure.Cause'),
      }),
      resultPath: JsonPath.DISCARD,
      taskTimeout: AUTOMATIC_STEP_TIMEOUT,
      retryOnServiceExceptions: false,
    })
      .addRetry(retryTransient([ISSUE_BUSY]))
      // The execution fails either way; the original failure stays in $.failure for the Fail state.
      .addCatch(failed, { errors: ['States.ALL'], resultPath: '$.recordFailureError' })
      .next(failed);
    const unexpectedRoute = new Pass(this, 'UnexpectedRoute', {
      stateName: 'Unexpected route',
      parameters: { Error: 'UnexpectedRoute', Cause: JsonPath.jsonToString(JsonPath.entirePayload) },
      resultPath: '$.failure',
    }).next(recordFailureTask);

    const awaitDecisionVersion = invoked(awaitDecision);
    const callbackWait = (id: string, stateName: string, waitingFor: WaitKind) =>
      new LambdaInvoke(this, id, {
        stateName,
        lambdaFunction: awaitDecisionVersion,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          issueId: JsonPath.stringAt('$.issueId'),
          waitingFor,
          seq: JsonPath.mathAdd(JsonPath.numberAt('$.signal.seq'), 1),
          taskToken: JsonPath.taskToken,
        }),
        resultPath: '$.signal',
        taskTimeout: CALLBACK_SAFETY_NET,
        retryOnServiceExceptions: false,
      }).addRetry(retryTransient());
    const automaticStep = (
      id: string,
      stateName: string,
      lambdaFunction: LambdaFunction,
      payload: TaskInput,
    ) =>
      new LambdaInvoke(this, id, {
        stateName,
        lambdaFunction: invoked(lambdaFunction),
        payload,
        resultSelector: { next: JsonPath.stringAt('$.Payload.next') },
        resultPath: '$.step',
        taskTimeout: AUTOMATIC_STEP_TIMEOUT,
        retryOnServiceExceptions: false,
      }).addRetry(retryTransient([ISSUE_BUSY]));
    const automaticStepPayload = TaskInput.fromObject({
      issueId: JsonPath.stringAt('$.issueId'),
      cause: JsonPath.stringAt('$.automatic.Cause'),
    });

    const awaitDispatch = callbackWait('AwaitDispatch', 'Await dispatch', 'dispatch');
    const awaitResolution = callbackWait('AwaitResolution', 'Await resolution', 'resolution');
    const awaitConsultationDecision = callbackWait(
      'AwaitConsultationDecision',
      'Await consultation decision',
      'consultation_decision',
    );
    const awaitVerdict = callbackWait('AwaitVerdict', 'Await enterprise verdict', 'verdict');
    const closeOut = new Succeed(this, 'CloseOut', { stateName: 'Close out' });
    const firstStep = automaticStep(
      'RouteEscalation',
      'Route escalation',
      routeEscalation,
      TaskInput.fromObject({ issueId: JsonPath.stringAt('$.issueId') }),
    );
    const superviseTask = automaticStep('Supervise', 'Supervise', supervise, automaticStepPayload);
    const closeNoResponseTask = automaticStep(
      'CloseOutNoResponse',
      'Close out (no response)',
      closeNoResponse,
      automaticStepPayload,
    );

    // Exhaustive by type: a new signal kind or step cannot be added without deciding where it leads.
    const afterDecision: Record<SignalKind, LambdaInvoke | Succeed> = {
      dispatched: awaitResolution,
      decided: awaitResolution,
      re_review: awaitResolution,
      returned: awaitDispatch,
      consultation_requested: awaitConsultationDecision,
      consultation: awaitConsultationDecision,
      resolved: awaitVerdict,
      closed: closeOut,
    };
    const afterStep: Record<NextStep, LambdaInvoke | Succeed> = {
      await_dispatch: awaitDispatch,
      await_resolution: awaitResolution,
      await_consultation_decision: awaitConsultationDecision,
      await_verdict: awaitVerdict,
      closed: closeOut,
    };
    const routeDecision = new Choice(this, 'RouteDecision', { stateName: 'Route decision' });
    for (const [kind, next] of Object.entries(afterDecision)) {
      routeDecision.when(Condition.stringEquals('$.signal.kind', kind), next);
    }
    routeDecision.otherwise(unexpectedRoute);
    const nextStep = new Choice(this, 'NextStep', { stateName: 'Next step' });
    for (const [step, next] of Object.entries(afterStep)) {
      nextStep.when(Condition.stringEquals('$.step.next', step), next);
    }
    nextStep.otherwise(unexpectedRoute);

    for (const wait of [awaitDispatch, awaitConsultationDecision]) {
      wait
        .addCatch(recordFailureTask, { errors: ['States.ALL'], resultPath: '$.failure' })
        .next(routeDecision);
    }
    awaitResolution
      .addCatch(superviseTask, { errors: [AUTOMATIC_SIGNALS.overdue], resultPath: '$.automatic' })
      .addCatch(recordFailureTask, { errors: ['States.ALL'], resultPath: '$.failure' })
      .next(routeDecision);
    awaitVerdict
      .addCatch(closeNoResponseTask, { errors: [AUTOMATIC_SIGNALS.noResponse], resultPath: '$.automatic' })
      .addCatch(recordFailureTask, { errors: ['States.ALL'], resultPath: '$.failure' })
      .next(routeDecision);
    for (const step of [firstStep, superviseTask, closeNoResponseTask]) {
      step.addCatch(recordFailureTask, { errors: ['States.ALL'], resultPath: '$.failure' }).next(nextStep);
    }

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      comment: 'One execution per escalated issue (亲清互挂 issue lifecycle); see docs/workflow.md',
      definitionBody: DefinitionBody.fromChainable(firstStep),
      // Step Functions traces in every target (its China page lists no X-Ray difference); in China the
      // functions it invokes add no segments of their own.
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: props.logRetention }),
        level: LogLevel.ALL,
        // Payloads carry task tokens; execution history shows them to operators who may see them.
        includeExecutionData: false,
      },
    });
    // Local mode gives in-process handlers this state machine's ARN under the same variable.
    (this.stateMachine.node.defaultChild as CfnResource).addMetadata(
      'local:environment',
      STATE_MACHINE_ARN_VARIABLE,
    );
    acknowledgeIssueWorkflowFindings(this.stateMachine, [
      routeEscalation,
      awaitDecision,
      supervise,
      closeNoResponse,
      recordFailure,
    ]);

    this.deliverSignals = stepFunction(
      'deliver-signals',
      "Issue workflow: delivers issues' outbox entries (execution starts, wait answers) from the table stream",
    );
    // The stream hands it the entry: it only marks it delivered (the issue's pending start, the
    // workflow item's answer).
    bindTable(this.deliverSignals, props.programTable, 'PROGRAM_TABLE', { write: ['UpdateItem'] });
    this.deliverSignals.addEnvironment(STATE_MACHINE_ARN_VARIABLE, this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(this.deliverSignals);
    this.deliverSignals.addToRolePolicy(taskResponses);
    // Step Functions down for longer than the stream retries: the record goes to the queue, and the
    // daily sweep puts the entry (still undelivered on its item) again as a new outbox entry.
    this.undelivered = consumeTableStream(this, {
      fn: this.deliverSignals,
      table: props.programTable,
      filters: OUTBOX_FILTERS,
      failureQueueId: 'Undelivered',
      consumer: 'outbox delivery',
    });
  }

  /**
   * What a function that records decisions on issues needs: the state machine's ARN
   * (`ISSUE_STATE_MACHINE_ARN`), to name an escalated issue's execution. It calls no Step Functions
   * API: its decisions go to the outbox, which the delivery function sends.
   */
  nameExecutions(fn: LambdaFunction): void {
    fn.addEnvironment(STATE_MACHINE_ARN_VARIABLE, this.stateMachine.stateMachineArn);
  }
}

/**
 * Outbox entry items as they are put (INSERT only): each entry's one stream record is its one
 * delivery. Their TTL deletion, and every other write of the table, never invokes the function.
 */
const OUTBOX_FILTERS = [
  FilterCriteria.filter({
    eventName: FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('issueOutbox') } } },
  }),
];

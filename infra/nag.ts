import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

interface Acknowledgment {
  id: string;
  reason: string;
}

const acknowledge = (scope: IConstruct, acknowledgments: Acknowledgment[]) => {
  for (const acknowledgment of acknowledgments) Validations.of(scope).acknowledge(acknowledgment);
};

/**
 * Every acknowledgment below names the resource it concerns: nothing is accepted for a whole stack,
 * so a new finding anywhere (a new `Resource: *` grant, say) fails synth until someone decides.
 */

/** The X-Ray policy of a traced function (infra/constructs/node-function.ts). */
export const acknowledgeTracingGrant = (tracingPolicy: IConstruct): void => {
  acknowledge(tracingPolicy, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
    },
  ]);
};

/** A function in AWS China, where Lambda has no X-Ray integration (docs/deploy.md). */
export const acknowledgeUntracedFunction = (fn: IConstruct): void => {
  acknowledge(fn, [
    {
      id: 'Serverless-LambdaTracing',
      reason:
        'Lambda’s X-Ray integration is not available in the AWS China regions; logs carry the correlation id.',
    },
  ]);
};

/** A function only ever invoked synchronously (API Gateway, Step Functions). */
export const acknowledgeSynchronousFunction = (fn: IConstruct, invoker: string): void => {
  acknowledge(fn, [
    {
      id: 'Serverless-LambdaDLQ',
      reason: `Invoked synchronously by ${invoker}; a DLQ only applies to asynchronous invocations.`,
    },
    {
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason: `Invoked synchronously by ${invoker}, which receives and handles every failure.`,
    },
  ]);
};

/** The daily rule of an API function that also runs an idempotent job (infra/api-areas.ts `daily`). */
export const acknowledgeDailyRule = (rule: IConstruct): void => {
  acknowledge(rule, [
    {
      id: 'Serverless-EventBusDLQ',
      reason:
        "The daily job is idempotent and each run redoes what an earlier one left: a run lost after EventBridge's and Lambda's retries delays the work by a day, and the function's error alarm shows it.",
    },
  ]);
};

/** A route without authorizer: only GET /health and GET /openapi.json are public (API.md). */
export const acknowledgePublicRoute = (route: IConstruct, routeKey: string): void => {
  acknowledge(route, [
    {
      id: 'AwsSolutions-APIG4',
      reason: `${routeKey} is public by design (API.md); every other route needs a JWT.`,
    },
  ]);
};

/** The HTTP API's stage. */
export const acknowledgeHttpStage = (stage: IConstruct): void => {
  acknowledge(stage, [
    {
      id: 'Serverless-APIGWXrayEnabled',
      reason:
        'HTTP APIs do not support X-Ray tracing; the functions behind them trace where Lambda offers it.',
    },
  ]);
};

/** The `<LogicalId.Arn>` token cdk-nag writes for a function's ARN in a finding id. */
const arnToken = (fn: IFunction): string =>
  `<${Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>`;

/** The issue state machine's role: invoking its own step functions, logging and tracing. */
export const acknowledgeIssueWorkflowFindings = (
  stateMachine: IConstruct,
  stepFunctions: IFunction[],
): void => {
  acknowledge(stateMachine, [
    ...stepFunctions.map((fn) => ({
      id: `AwsSolutions-IAM5[Resource::${arnToken(fn)}:*]`,
      reason:
        'CDK grants the state machine lambda:InvokeFunction on its own step function and that function’s versions (ARN:*); no other function.',
    })),
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery and related) and X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
    },
  ]);
};

/** A scheduled job: its dead-letter queue is the end of the line, and failed runs land in it by destination. */
export const acknowledgeScheduledJobFindings = (deadLetters: IConstruct, fn: IConstruct): void => {
  acknowledge(deadLetters, [
    {
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the dead-letter queue of the job's EventBridge target and of its asynchronous invocations; cdk-nag only recognises a DLQ named in another queue's redrive policy.",
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'A dead-letter queue has no dead-letter queue of its own: an operator reads and clears it.',
    },
  ]);
  acknowledge(fn, [
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        "Failed asynchronous invocations go to the job's dead-letter queue through the on-failure destination, which replaces a function DLQ and records more.",
    },
  ]);
};

/** The on-failure queue of a table stream consumer (infra/constructs/stream-consumer.ts). */
export const acknowledgeStreamFailureQueue = (queue: IConstruct, consumer: string): void => {
  acknowledge(queue, [
    {
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the on-failure destination of the ${consumer} stream mapping: the end of the line, read by an operator.`,
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'A failure destination has no dead-letter queue of its own: an operator reads and clears it.',
    },
  ]);
};

/** A function fed by a table stream (infra/constructs/stream-consumer.ts). */
export const acknowledgeStreamConsumer = (fn: IConstruct, consumer: string): void => {
  acknowledge(fn, [
    {
      id: 'Serverless-LambdaDLQ',
      reason: `The ${consumer} is invoked by its stream mapping, whose on-failure queue keeps what it gives up on; a function DLQ only applies to asynchronous invocations.`,
    },
  ]);
};

/** A stream consumer's stream discovery (infra/constructs/stream-consumer.ts). */
export const acknowledgeStreamDiscovery = (policy: IConstruct): void => {
  acknowledge(policy, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, which the Lambda event source mapping needs, has no resource-level permission; the stream reads themselves are on the program table stream only.',
    },
  ]);
};

/** The role AWS Backup assumes to back the tables up (infra/stacks/stateful-stack.ts). */
export const acknowledgeBackupRole = (selection: IConstruct): void => {
  acknowledge(selection, [
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The AWS-managed policy made for the AWS Backup service role, kept current by AWS for every resource type it backs up.',
    },
  ]);
};

/** The notification queues and functions (infra/constructs/notifications.ts). */
export const acknowledgeNotificationFindings = (scope: IConstruct): void => {
  acknowledge(scope, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; queue and table grants name their resources.',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        "The router's failed asynchronous invocations go to its Unrouted queue through the on-failure destination; the deliverer is fed by its channel queues, whose redrive policies are its dead-letter queues.",
    },
    {
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        "SQS event sources take no on-failure destination: each channel queue's redrive policy moves a message to its dead-letter queue after the last attempt.",
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'The channel dead-letter queues and the router’s dead-letter queue are the end of the line (alarmed, read by an operator); they have no dead-letter queue of their own.',
    },
    {
      id: 'AwsSolutions-SQS3',
      reason:
        "The router's dead-letter queue takes the rule target's and the asynchronous invocations' failures; cdk-nag only recognises a DLQ named in another queue's redrive policy.",
    },
  ]);
};

/** The alarm topic and its subscriptions (infra/constructs/operational-alarms.ts). */
export const acknowledgeAlarmTopicFindings = (operations: IConstruct, topic: IConstruct): void => {
  acknowledge(operations, [
    {
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'An alarm stays in ALARM, on the dashboard and in its history whatever becomes of a notification; a queue of undelivered notifications would need an alarm of its own to be read.',
    },
    {
      id: 'Serverless-EventBusDLQ',
      reason:
        'The failed-executions rule only copies status events into a log; a lost one leaves the failure in the execution history, and the executions-failed alarm fires on the metric regardless.',
    },
  ]);
  acknowledge(topic, [
    {
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and states only, no program data; CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer key per stage would only protect those names.',
    },
  ]);
};

/** The attachments function's grant on the bucket's attachment objects (`objects`: cdk-nag's rendering of the ARN). */
export const acknowledgeAttachmentObjectsGrant = (role: IConstruct, objects: string): void => {
  acknowledge(role, [
    {
      id: `AwsSolutions-IAM5[Resource::${objects}]`,
      reason:
        'Each attachment is its own object under attachments/; the function signs URLs for any of them, and the API decides who may have one.',
    },
  ]);
};

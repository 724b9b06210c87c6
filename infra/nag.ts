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

/** Findings accepted on purpose, each for a stated reason and with its precise finding id. */
export const acknowledgeApiStackFindings = (stack: Stack): void => {
  acknowledge(stack, [
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS-managed basic execution role only allows writing to the function’s own log streams.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
    },
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'Only GET /health and GET /openapi.json are public by design (API.md); every other route uses the Cognito JWT authorizer.',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        'API functions are invoked synchronously by API Gateway; a DLQ only applies to asynchronous invocations.',
    },
    {
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        'API functions are invoked synchronously by API Gateway; failures are returned to the caller as problem+json.',
    },
    {
      id: 'Serverless-APIGWXrayEnabled',
      reason: 'HTTP APIs do not support X-Ray tracing; the functions behind them trace with X-Ray active.',
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

/** A function allowed to complete the issue workflow's callback waits. */
export const acknowledgeTaskResponseGrant = (fn: IFunction): void => {
  acknowledge(fn, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'states:SendTaskSuccess/SendTaskFailure take a task token, not an ARN: IAM allows them on * only. The token itself is the capability.',
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

/** The outbox delivery function. */
export const acknowledgeDeliveryFindings = (fn: IFunction): void => {
  acknowledge(fn, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'states:SendTaskSuccess/SendTaskFailure take a task token, not an ARN: IAM allows them on * only (the token is the capability); dynamodb:ListStreams, granted by the stream event source, has no resource-level permission; X-Ray PutTraceSegments/PutTelemetryRecords neither. Stream reads are on the program table stream only.',
    },
  ]);
};

/** The program events publisher (infra/constructs/program-events.ts). */
export const acknowledgeEventPublisherFindings = (fn: IFunction): void => {
  acknowledge(fn, [
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, granted by the stream event source, has no resource-level permission; X-Ray PutTraceSegments/PutTelemetryRecords neither. Stream reads are on the program table stream only; PutEvents on the program bus only.',
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

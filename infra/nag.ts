import { type Stack, Validations } from 'aws-cdk-lib';
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

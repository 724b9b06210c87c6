import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeScheduledJobFindings } from '../nag';
import { type PolicyEnvironment, policyVariables } from '../policy-settings';
import type { ScheduledJobSettings } from '../scheduled-jobs';
import { NodeFunction } from './node-function';

export interface ScheduledJobProps extends ScheduledJobSettings {
  logRetention: RetentionDays;
  /** The stage's policy settings; the job's function gets the groups it declares. */
  policy: PolicyEnvironment;
  memorySize?: number;
  timeout?: Duration;
}

/** A run older than this is not worth retrying: the next scheduled run (or a manual one) catches up. */
const MAX_EVENT_AGE = Duration.hours(6);

/**
 * A job Lambda (a `NodeFunction`) on an EventBridge schedule. A run that cannot be delivered (EventBridge
 * retries) or that keeps failing (Lambda's asynchronous retries) ends in the job's dead-letter queue,
 * encrypted and TLS-only, kept 14 days for an operator to look at. Jobs are idempotent per period,
 * so every retry is safe.
 */
export class ScheduledJob extends Construct {
  readonly fn: NodejsFunction;
  readonly rule: Rule;
  readonly deadLetters: Queue;
  /** How often a run must happen (the missed-run alarm watches it). */
  readonly runsEvery: ScheduledJobSettings['runsEvery'];

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.runsEvery = props.runsEvery;
    this.fn = new NodeFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(10),
      environment: policyVariables(props.policy, props.policies),
      logRetention: props.logRetention,
    }).fn;
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.rule = new Rule(this, 'Schedule', {
      schedule: Schedule.expression(props.schedule),
      description: props.description,
    });
    this.rule.addTarget(
      new LambdaFunction(this.fn, {
        retryAttempts: 8,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.deadLetters,
      }),
    );
    acknowledgeScheduledJobFindings(this.deadLetters, this.fn);
  }
}

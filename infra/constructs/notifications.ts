import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INDEXES } from '../../shared/db/keys';
import { EVENT_SOURCE } from '../../shared/domain/notifications/catalogue';
import { MAX_ATTEMPTS } from '../../shared/domain/notifications/delivery-rules';
import { CHANNELS, type Channel } from '../../shared/domain/notifications/subscriptions';
import { acknowledgeNotificationFindings } from '../nag';
import { ACCESS, bindTable } from './bind-table';
import { NodeFunction } from './node-function';

export interface NotificationsProps {
  bus: IEventBus;
  programTable: ITable;
  logRetention: RetentionDays;
  /** Where messages link to (the web client). */
  linkBase: string;
  /** `none` until a provider is chosen (SMS is then recorded as failed, never dropped). */
  smsProvider: 'none' | 'aliyun' | 'recording';
}

const DELIVERY_TIMEOUT = Duration.seconds(30);
const MAX_EVENT_AGE = Duration.hours(6);

/**
 * Notifications: a rule on the program bus sends every program event to the router, which queues
 * one message per subscription that hears it on that channel's queue; one delivery function drains
 * the four queues (webhook, DingTalk, WeCom, SMS). A failed message comes back after a backoff it
 * sets itself and, after MAX_ATTEMPTS receives, moves to its channel's dead-letter queue (alarmed by OperationalAlarms);
 * other messages, other recipients and other channels go on meanwhile.
 */
export class Notifications extends Construct {
  readonly queues = new Map<Channel, Queue>();
  readonly deadLetterQueues = new Map<Channel, Queue>();
  readonly router: NodejsFunction;
  readonly deliverer: NodejsFunction;
  readonly unrouted: Queue;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const secure = {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    };
    for (const channel of CHANNELS) {
      const deadLetters = new Queue(this, `${channel}-dead-letters`, secure);
      const queue = new Queue(this, `${channel}-queue`, {
        ...secure,
        // Lambda's advice: six times the function's timeout, so a batch in flight is not redelivered.
        visibilityTimeout: Duration.seconds(DELIVERY_TIMEOUT.toSeconds() * 6),
        deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_ATTEMPTS },
      });
      this.queues.set(channel, queue);
      this.deadLetterQueues.set(channel, deadLetters);
    }
    const queueVariables = Object.fromEntries(
      [...this.queues].map(([channel, queue]) => [`QUEUE_URL_${channel.toUpperCase()}`, queue.queueUrl]),
    );

    this.router = new NodeFunction(this, 'Router', {
      entry: 'functions/notifications/route-events/handler.ts',
      description: 'Notifications: queues one message per subscription that hears a program event',
      memorySize: 512,
      timeout: Duration.seconds(30),
      environment: { ...queueVariables, NOTIFY_LINK_BASE: props.linkBase },
      logRetention: props.logRetention,
    }).fn;
    bindTable(this.router, props.programTable, 'PROGRAM_TABLE', ACCESS.read, INDEXES);
    for (const queue of this.queues.values()) queue.grantSendMessages(this.router);
    this.unrouted = new Queue(this, 'Unrouted', secure);
    this.router.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.unrouted),
    });
    new Rule(this, 'AllProgramEvents', {
      eventBus: props.bus,
      description: 'Every program event goes to the notification router',
      eventPattern: { source: [EVENT_SOURCE] },
    }).addTarget(
      new LambdaFunction(this.router, {
        retryAttempts: 8,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.unrouted,
      }),
    );

    this.deliverer = new NodeFunction(this, 'Deliver', {
      entry: 'functions/notifications/deliver/handler.ts',
      description:
        'Notifications: delivers queued messages on webhook, DingTalk, WeCom and SMS, each at most once',
      memorySize: 512,
      timeout: DELIVERY_TIMEOUT,
      environment: {
        ...queueVariables,
        SMS_PROVIDER: props.smsProvider,
        NOTIFY_RETRY_BASE_SECONDS: '30',
      },
      logRetention: props.logRetention,
    }).fn;
    bindTable(this.deliverer, props.programTable, 'PROGRAM_TABLE', ACCESS.readWrite, INDEXES);
    for (const queue of this.queues.values()) {
      queue.grantSendMessages(this.deliverer);
      this.deliverer.addEventSource(
        new SqsEventSource(queue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 5 }),
      );
    }
    acknowledgeNotificationFindings(this);
  }
}

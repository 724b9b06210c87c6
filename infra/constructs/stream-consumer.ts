import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type Function as LambdaFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { STREAM_RECORD_MAX_AGE_SECONDS } from '../../shared/streams/stream-retries';
import { acknowledgeStreamConsumer, acknowledgeStreamDiscovery, acknowledgeStreamFailureQueue } from '../nag';

export interface StreamConsumerProps {
  /** The function; its handler is built with shared/streams/table-stream-handler.ts. */
  fn: LambdaFunction;
  /** A table with a NEW_IMAGE stream. */
  table: ITable;
  /** Event filters (ORed): records that match none never invoke the function. */
  filters: Array<Record<string, unknown>>;
  /** The on-failure queue's id: the queue is made in `scope`, a sibling of the consumer's other parts. */
  failureQueueId: string;
  /** Who gave up on the records in the queue, for the operator reading it (cdk-nag's reason). */
  consumer: string;
}

/**
 * Feeds a table's stream to a function, the one way this project consumes a stream: in order from
 * the oldest record, in small batches (one slow or failing item holds back few others of its shard),
 * retrying from the first failed record (ReportBatchItemFailures; bisecting a batch that fails as a
 * whole). A record still failing after 20 attempts or 6 hours goes to the failure queue, encrypted,
 * TLS-only and kept 14 days for an operator.
 *
 * The mapping is made directly rather than with `DynamoEventSource`, whose grant puts
 * `dynamodb:ListStreams` (which takes no resource) into the function's default policy: here the stream
 * reads name the table's stream, and ListStreams is a policy of its own, acknowledged alone.
 */
export const consumeTableStream = (scope: Construct, props: StreamConsumerProps): Queue => {
  const failures = new Queue(scope, props.failureQueueId, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const streamArn = props.table.tableStreamArn;
  if (!streamArn) throw new Error('consumeTableStream needs a table with a stream');
  props.fn.addEventSourceMapping(`${props.failureQueueId}Mapping`, {
    eventSourceArn: streamArn,
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: 10,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    retryAttempts: 20,
    maxRecordAge: Duration.seconds(STREAM_RECORD_MAX_AGE_SECONDS),
    onFailure: new SqsDlq(failures),
    filters: props.filters,
  });
  props.fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
      resources: [streamArn],
    }),
  );
  // Stream records of a table encrypted with the program's key are decrypted with it.
  if (props.table.encryptionKey) {
    props.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['kms:Decrypt'], resources: [props.table.encryptionKey.keyArn] }),
    );
  }
  const discovery = new Policy(scope, `${props.failureQueueId}StreamDiscovery`, {
    statements: [new PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] })],
  });
  if (props.fn.role) discovery.attachToRole(props.fn.role);
  acknowledgeStreamDiscovery(discovery);
  acknowledgeStreamConsumer(props.fn, props.consumer);
  acknowledgeStreamFailureQueue(failures, props.consumer);
  return failures;
};

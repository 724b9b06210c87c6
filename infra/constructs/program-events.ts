import { Duration, Stack, Token } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, FilterRule, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NodeFunction } from './node-function';
import { consumeTableStream } from './stream-consumer';

export interface ProgramEventsProps {
  programTable: ITable;
  /** The issue ledger, whose stream carries every issue event. */
  ledgerTable: ITable;
  logRetention: RetentionDays;
}

/**
 * The program's EventBridge bus and how facts reach it: a stored row is its own outbox. The program
 * table's stream, filtered to the rows that are facts (weekly inspection rows, consultations,
 * residencies started or ended, ranking heads), feeds one publisher; the ledger table's stream feeds
 * another, which publishes each appended issue ledger entry as its events (docs/notifications.md).
 * Notifications attach as a rule on the bus. No API function carries the EventBridge client, and a
 * re-run that stores nothing sends nothing.
 */
export class ProgramEvents extends Construct {
  readonly bus: EventBus;
  readonly publisher: IFunction;
  readonly unpublished: Queue;
  readonly unpublishedIssueEvents: Queue;

  constructor(scope: Construct, id: string, props: ProgramEventsProps) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    if (Token.isUnresolved(stackName)) throw new Error('ProgramEvents needs a stack with an explicit name');
    // Named, not referenced: subscribers (and local mode) know the bus by a fixed, stage-qualified name.
    const busName = `${stackName}-program-events`;
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: busName,
      description: '亲清互挂 program events (WeeklyInspectionReported, …) for notifications to attach to',
    });
    const publisher = new NodeFunction(this, 'PublishReports', {
      entry: 'functions/events/publish-reports/handler.ts',
      description: 'Program events: publishes newly stored weekly inspection rows on the program bus',
      memorySize: 256,
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
    }).fn;
    this.bus.grantPutEventsTo(publisher);
    publisher.addEnvironment('EVENT_BUS_NAME', busName);
    this.unpublished = consumeTableStream(this, {
      fn: publisher,
      table: props.programTable,
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('inspectionReport') } } },
        }),
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('consultation') } } },
        }),
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('residency') } } },
        }),
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('MODIFY'),
          dynamodb: {
            NewImage: {
              entity: { S: FilterRule.isEqual('residency') },
              status: { S: FilterRule.isEqual('ended') },
            },
          },
        }),
        FilterCriteria.filter({
          dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('rankingHead') } } },
        }),
      ],
      failureQueueId: 'Unpublished',
      consumer: 'report publisher',
    });
    this.publisher = publisher;

    // Issue events: every ledger entry appended, as the events it stands for (IssueAssigned, …).
    const issuePublisher = new NodeFunction(this, 'PublishIssueEvents', {
      entry: 'functions/events/publish-issue-events/handler.ts',
      description:
        'Program events: publishes the events of newly appended issue ledger entries on the program bus',
      memorySize: 256,
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
    }).fn;
    this.bus.grantPutEventsTo(issuePublisher);
    issuePublisher.addEnvironment('EVENT_BUS_NAME', busName);
    this.unpublishedIssueEvents = consumeTableStream(this, {
      fn: issuePublisher,
      table: props.ledgerTable,
      filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT') })],
      failureQueueId: 'UnpublishedIssueEvents',
      consumer: 'issue event publisher',
    });
  }
}

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
  logRetention: RetentionDays;
}

/**
 * The program's EventBridge bus and how facts reach it: a stored report is its own outbox. The program
 * table's stream, filtered to newly inserted weekly inspection rows, feeds one function that puts a
 * `WeeklyInspectionReported` event per row on the bus; notifications attach later as rules on the bus.
 * No API function carries the EventBridge client, and a re-run that stores nothing sends nothing.
 */
export class ProgramEvents extends Construct {
  readonly bus: EventBus;
  readonly publisher: IFunction;
  readonly unpublished: Queue;

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
      ],
      failureQueueId: 'Unpublished',
      consumer: 'report publisher',
    });
    this.publisher = publisher;
  }
}

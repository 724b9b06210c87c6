import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  type TableProps,
} from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { INDEXES, indexAttributes, LEDGER_INDEX } from '../../shared/db/keys';
import { AttachmentsBucket } from '../constructs/attachments-bucket';

/** Every table keeps its data: on-demand, point-in-time recovery, deletion protection, retained. */
const durable: Partial<TableProps> = {
  billingMode: BillingMode.PAY_PER_REQUEST,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  deletionProtection: true,
  removalPolicy: RemovalPolicy.RETAIN,
};

/**
 * Stateful resources, deployed apart from the stateless API so that replacing functions or routes can
 * never touch data.
 */
export class StatefulStack extends Stack {
  readonly programTable: Table;
  readonly ledgerTable: Table;
  readonly idempotencyTable: Table;
  readonly attachments: AttachmentsBucket;

  constructor(scope: Construct, id: string, props: StackProps & { stage: string }) {
    super(scope, id, props);

    this.programTable = new Table(this, 'ProgramTable', {
      ...durable,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      // The issue items' outbox (workflow.delivery, workflow.startPending) is delivered from it.
      stream: StreamViewType.NEW_IMAGE,
    });
    for (const index of INDEXES) {
      const { pk, sk } = indexAttributes(index);
      this.programTable.addGlobalSecondaryIndex({
        indexName: index,
        partitionKey: { name: pk, type: AttributeType.STRING },
        sortKey: { name: sk, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // Append-only by policy as well as by code: nobody may rewrite or delete history.
    this.ledgerTable = new Table(this, 'LedgerTable', {
      ...durable,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      resourcePolicy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'LedgerIsAppendOnly',
            effect: Effect.DENY,
            principals: [new AnyPrincipal()],
            actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
            resources: ['*'],
          }),
        ],
      }),
    });

    // Entries by program day (`ledgerIndexKeys`): the ledger export reads a period without a Scan.
    const ledgerIndex = indexAttributes(LEDGER_INDEX);
    this.ledgerTable.addGlobalSecondaryIndex({
      indexName: LEDGER_INDEX,
      partitionKey: { name: ledgerIndex.pk, type: AttributeType.STRING },
      sortKey: { name: ledgerIndex.sk, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    this.idempotencyTable = new Table(this, 'IdempotencyTable', {
      ...durable,
      partitionKey: { name: 'id', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
    });

    this.attachments = new AttachmentsBucket(this, 'Attachments', { stage: props.stage });
  }
}

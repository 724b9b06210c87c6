import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type TableProps,
} from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { indexAttributes, KEYS_ONLY_INDEXES, LEDGER_INDEXES, SHARED_INDEXES } from '../../shared/db/keys';
import { AttachmentsBucket } from '../constructs/attachments-bucket';
import { UserDirectory } from '../constructs/user-directory';
import type { IdentityProvider } from '../identity-provider';
import { acknowledgeBackupRole } from '../nag';

export interface StatefulStackProps extends StackProps {
  /** The program's own user pool is made here only when the API trusts Cognito (global regions). */
  identity: IdentityProvider;
  /** Where every backup is copied: the other region of the same partition and its vault (none: no copy). */
  backupCopy?: { region: string; vaultName: string };
  /** Names the stage's attachments bucket. */
  stage: string;
  /** The web clients' origins, the only ones the attachments bucket's CORS rule allows. */
  webOrigins: string[];
}

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
  readonly dataKey: Key;
  readonly userDirectory?: UserDirectory;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    // The program's data is government and enterprise data: encrypted with a key the program owns,
    // whose use CloudTrail records per caller, and that outlives the stack.
    this.dataKey = new Key(this, 'DataKey', {
      description: '亲清互挂 tables (program, ledger, idempotency)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const encrypted: Partial<TableProps> = {
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
    };

    this.programTable = new Table(this, 'ProgramTable', {
      ...durable,
      ...encrypted,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      // Issues' outbox entry items (ISSUE#<id> / WORKFLOW#OUTBOX#…) are delivered from it.
      stream: StreamViewType.NEW_IMAGE,
      // Short-lived bookkeeping (notification rate windows, issue outbox entries) expires by itself;
      // records never set it.
      timeToLiveAttribute: 'expiresAt',
    });
    // The shared indexes project whole items; the issue indexes keys only, so that an issue change
    // writes an index only when it moves the key in it (shared/db/keys/attributes.ts).
    const projections = [
      ...SHARED_INDEXES.map((index) => ({ index, projectionType: ProjectionType.ALL })),
      ...KEYS_ONLY_INDEXES.map((index) => ({ index, projectionType: ProjectionType.KEYS_ONLY })),
    ];
    for (const { index, projectionType } of projections) {
      const { pk, sk } = indexAttributes(index);
      this.programTable.addGlobalSecondaryIndex({
        indexName: index,
        partitionKey: { name: pk, type: AttributeType.STRING },
        sortKey: { name: sk, type: AttributeType.STRING },
        projectionType,
      });
    }

    // Append-only by policy as well as by code: nobody may rewrite or delete history.
    this.ledgerTable = new Table(this, 'LedgerTable', {
      ...durable,
      ...encrypted,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      // Each appended entry is its own outbox: the issue events are published from this stream.
      stream: StreamViewType.NEW_IMAGE,
      resourcePolicy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'LedgerIsAppendOnly',
            effect: Effect.DENY,
            principals: [new AnyPrincipal()],
            // PartiQL writes are the same updates and deletes by another name.
            actions: [
              'dynamodb:UpdateItem',
              'dynamodb:DeleteItem',
              'dynamodb:BatchWriteItem',
              'dynamodb:PartiQLUpdate',
              'dynamodb:PartiQLDelete',
            ],
            resources: ['*'],
          }),
        ],
      }),
    });

    // Entries by program day (GSI1, those written before the by-year index) and by program year
    // (GSI2, every entry since): the ledger export reads a period without a Scan (`ledgerKeys`).
    for (const index of LEDGER_INDEXES) {
      const { pk, sk } = indexAttributes(index);
      this.ledgerTable.addGlobalSecondaryIndex({
        indexName: index,
        partitionKey: { name: pk, type: AttributeType.STRING },
        sortKey: { name: sk, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    this.idempotencyTable = new Table(this, 'IdempotencyTable', {
      ...durable,
      ...encrypted,
      partitionKey: { name: 'id', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
    });

    this.attachments = new AttachmentsBucket(this, 'Attachments', {
      stage: props.stage,
      webOrigins: props.webOrigins,
    });
    if (props.identity.kind === 'cognito') {
      this.userDirectory = new UserDirectory(this, 'Identity', { callbackUrls: props.identity.callbackUrls });
    }

    // Point-in-time recovery covers 35 days in place; the plan keeps a year, and a copy in the other
    // region of the same partition (Beijing ↔ Ningxia in China) survives the loss of this one.
    const vault = new BackupVault(this, 'BackupVault', {
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const copy = props.backupCopy
      ? [
          {
            destinationBackupVault: BackupVault.fromBackupVaultArn(
              this,
              'CopyVault',
              this.formatArn({
                service: 'backup',
                region: props.backupCopy.region,
                resource: 'backup-vault',
                resourceName: props.backupCopy.vaultName,
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              }),
            ),
            deleteAfter: Duration.days(365),
          },
        ]
      : [];
    const plan = new BackupPlan(this, 'BackupPlan', { backupVault: vault });
    plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        // 03:00 Asia/Shanghai.
        scheduleExpression: Schedule.cron({ hour: '19', minute: '0' }),
        deleteAfter: Duration.days(365),
        copyActions: copy,
      }),
    );
    const selection = plan.addSelection('Tables', {
      resources: [this.programTable, this.ledgerTable].map((table) =>
        BackupResource.fromDynamoDbTable(table),
      ),
    });
    acknowledgeBackupRole(selection);
  }
}

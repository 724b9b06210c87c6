import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';

export type ReadAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'ConditionCheckItem';
export type WriteAction = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem';

/** Exactly the DynamoDB actions a function uses on one table: reads (table and named indexes), writes (table only). */
export interface TableAccess {
  read?: readonly ReadAction[];
  write?: readonly WriteAction[];
}

/** Everything the repositories read with (a transaction's ConditionCheck included). */
export const READS: readonly ReadAction[] = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem'];

/** Preset access for the common shapes; a function with other needs spells its own. */
export const ACCESS = {
  read: { read: READS },
  /** Creations (conditional puts, also inside transactions) and versioned updates; no deletes. */
  readWrite: { read: READS, write: ['PutItem', 'UpdateItem'] },
  /** The ledger: conditional puts and reads, never an update or delete (its resource policy denies them too). */
  append: { read: ['GetItem', 'Query', 'ConditionCheckItem'], write: ['PutItem'] },
} as const satisfies Record<string, TableAccess>;

const dynamodb = (actions: readonly string[]) => actions.map((action) => `dynamodb:${action}`);

/**
 * Grants a function exactly the access it needs to a table and its named indexes (no wildcards, no
 * write action on an index ARN, where writes mean nothing) and tells it the table's name.
 */
export const bindTable = (
  fn: LambdaFunction,
  table: ITable,
  envName: string,
  access: TableAccess,
  indexNames: readonly string[] = [],
): void => {
  fn.addEnvironment(envName, table.tableName);
  if (access.read?.length) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: dynamodb(access.read),
        resources: [table.tableArn, ...indexNames.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
  }
  if (access.write?.length) {
    fn.addToRolePolicy(new PolicyStatement({ actions: dynamodb(access.write), resources: [table.tableArn] }));
  }
  // Tables encrypted with the program's key: DynamoDB uses it on the caller's behalf.
  if (table.encryptionKey) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: access.write?.length
          ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']
          : ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [table.encryptionKey.keyArn],
      }),
    );
  }
};

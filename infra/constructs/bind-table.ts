import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';

export type TableAccess = 'read' | 'readWrite' | 'append';

const ACTIONS: Record<TableAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
  // The ledger: conditional puts and reads, never an update or delete.
  append: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
};

/**
 * Grants a function exactly the access it needs to a table and its named indexes (no wildcards) and
 * tells it the table's name.
 */
export const bindTable = (
  fn: NodejsFunction,
  table: ITable,
  envName: string,
  access: TableAccess,
  indexNames: readonly string[] = [],
): void => {
  fn.addEnvironment(envName, table.tableName);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ACTIONS[access],
      resources: [table.tableArn, ...indexNames.map((index) => `${table.tableArn}/index/${index}`)],
    }),
  );
};

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { categoryKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import { getRecord } from '../db/records';
import { StaleVersion, VersionRequired } from '../domain/errors';
import type { CategoryRecord } from './records/categories';

/**
 * The problem taxonomy. Access patterns: one category by code (pk `CATEGORY`, sk `CATEGORY#<code>`);
 * every category, in code order (one key query of that partition: tens of items).
 */
export const findCategory = (code: string) => getRecord<CategoryRecord>(categoryKeys.item(code));

export const listCategories = (): Promise<CategoryRecord[]> =>
  queryAll<CategoryRecord>({ partition: categoryKeys.partition, sortPrefix: categoryKeys.sortPrefix });

/**
 * Writes a category, never over one the caller has not seen: without an expected version only a new
 * code (VersionRequired when it exists: read it and name its version); with one, only over exactly that
 * version (StaleVersion otherwise, also when there is none).
 */
export const saveCategory = async (record: CategoryRecord, expectedVersion: number | undefined) => {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.program,
        Item: { ...categoryKeys.item(record.code), entity: 'category', ...record },
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      }),
    );
    return record;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw expectedVersion === undefined ? new VersionRequired() : new StaleVersion();
    }
    throw error;
  }
};

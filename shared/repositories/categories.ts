import { categoryKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import { getRecord, putVersioned } from '../db/records';
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
  await putVersioned({ ...categoryKeys.item(record.code), entity: 'category', ...record }, expectedVersion);
  return record;
};

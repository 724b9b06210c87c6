import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from './client';
import {
  decodeCursor,
  decodePartitionsCursor,
  encodeCursor,
  encodePartitionsCursor,
  invalidCursor,
} from './cursor';
import { type IndexName, type ItemKey, indexAttributes, isKeysOnly } from './keys';
import { toRecord } from './records';

/**
 * Every read of more than one item goes through here: a page (`queryPage`), every item (`queryAll`,
 * `queryPages` page by page), a count (`countAll`), or a page of several partitions read one after
 * another (`queryPartitionsPage`). Lists never scan.
 *
 * An entry of a keys-only index (`isKeysOnly`: the issue indexes) is its item's table key `{pk, sk}`
 * and nothing else: the caller reads the items by key (`getRecords`, one BatchGet per page). Such a
 * query takes no filter and no field list, which could only test or pick attributes the index does
 * not hold (a filter would silently match nothing).
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A key query of one partition of the table or of an index. */
export interface Query {
  /** The program table unless named. */
  table?: 'program' | 'ledger';
  index?: IndexName;
  partition: string;
  /** `begins_with` on the sort key. */
  sortPrefix?: string;
  /** An inclusive range of the sort key. */
  sortBetween?: { from: string; to: string };
  /** Sort keys before this one (excluded). */
  sortBefore?: string;
  filter?: { expression: string; names: Record<string, string>; values?: Record<string, unknown> };
  /** Only these attributes (a projection); the whole item when omitted. */
  fields?: readonly string[];
  newestFirst?: boolean;
  /** Strongly consistent (tables only): for what is read right after it is written. */
  consistent?: boolean;
}

/** A query for one page: at most `limit` items, from where `cursor` left off. */
export interface IndexQuery extends Query {
  limit: number;
  cursor?: string;
}

const sortKeyCondition = ({ sortPrefix, sortBetween, sortBefore }: Query) => {
  if (sortPrefix) return { expression: 'begins_with(#sk, :sk)', values: { ':sk': sortPrefix } };
  if (sortBetween) {
    return {
      expression: '#sk BETWEEN :from AND :to',
      values: { ':from': sortBetween.from, ':to': sortBetween.to },
    };
  }
  if (sortBefore) return { expression: '#sk < :before', values: { ':before': sortBefore } };
  return undefined;
};

const queryInput = (query: Query): QueryCommandInput => {
  if (isKeysOnly(query.index) && (query.filter || query.fields)) {
    throw new Error(`${query.index} projects keys only: filter or pick fields after reading the items`);
  }
  const attributes = query.index ? indexAttributes(query.index) : { pk: 'pk', sk: 'sk' };
  const sortCondition = sortKeyCondition(query);
  const fields = query.fields ?? [];
  return {
    TableName: tableNames[query.table ?? 'program'],
    IndexName: query.index,
    KeyConditionExpression: sortCondition ? `#pk = :pk AND ${sortCondition.expression}` : '#pk = :pk',
    ExpressionAttributeNames: {
      '#pk': attributes.pk,
      ...(sortCondition ? { '#sk': attributes.sk } : {}),
      ...query.filter?.names,
      ...Object.fromEntries(fields.map((field, i) => [`#p${i}`, field])),
    },
    ExpressionAttributeValues: {
      ':pk': query.partition,
      ...sortCondition?.values,
      ...query.filter?.values,
    },
    FilterExpression: query.filter?.expression,
    ProjectionExpression: fields.length > 0 ? fields.map((_, i) => `#p${i}`).join(', ') : undefined,
    ScanIndexForward: !query.newestFirst,
    ConsistentRead: query.consistent,
  };
};

/** What a query hands back of each item read: the record, or for a keys-only index the table key. */
const entryOf =
  <T>(query: Query) =>
  (item: Record<string, unknown>): T =>
    isKeysOnly(query.index)
      ? ({ pk: String(item.pk), sk: String(item.sk) } satisfies ItemKey as T)
      : toRecord<T>(item);

/** One page of a key or index query, its items without storage keys (see `entryOf`). */
export const queryPage = async <T>(query: IndexQuery): Promise<Page<T>> => {
  const { Items, LastEvaluatedKey } = await documentClient
    .send(
      new QueryCommand({
        ...queryInput(query),
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor),
      }),
    )
    .catch((error: unknown) => {
      // A well-formed cursor from another list names keys this query cannot start from.
      if (query.cursor && (error as Error).name === 'ValidationException') throw invalidCursor();
      throw error;
    });
  return {
    items: (Items ?? []).map(entryOf<T>(query)),
    nextCursor: encodeCursor(LastEvaluatedKey),
  };
};

/** Every item of the query, one page (as DynamoDB returns them) at a time, for reads that act as they go. */
export async function* queryPages<T>(query: Query): AsyncGenerator<T[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({ ...queryInput(query), ExclusiveStartKey: startKey }),
    );
    yield (page.Items ?? []).map(entryOf<T>(query));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of the query: for partitions known to stay small (a unit's, a quarter's, a day's). */
export const queryAll = async <T>(query: Query): Promise<T[]> => {
  const items: T[] = [];
  for await (const page of queryPages<T>(query)) items.push(...page);
  return items;
};

/** How many items the query matches, reading none (Select COUNT). */
export const countAll = async (query: Query): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({ ...queryInput(query), Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
};

/**
 * One page of a list that reads several partitions one after another, and `keep` turns what was read
 * into items (resolving, filtering) after the read. Reading stops when the page holds `limit` items or
 * `scanLimit` entries were read (by default `limit`: one pass), so a page may hold fewer items than
 * `limit` while `nextCursor` still leads on; each read asks for no more entries than items are missing,
 * so the cursor (the partition and the place within it) never skips one. `keep` returns at most one
 * item per entry.
 */
export const queryPartitionsPage = async <Entry, T>(
  partitions: readonly Query[],
  page: { limit: number; cursor?: string },
  keep: (entries: Entry[]) => T[] | Promise<T[]>,
  scanLimit = page.limit,
): Promise<Page<T>> => {
  if (partitions.length === 0) return { items: [], nextCursor: null };
  const position = decodePartitionsCursor(page.cursor, partitions.length);
  const items: T[] = [];
  let scanned = 0;
  while (items.length < page.limit && scanned < scanLimit && position.partition < partitions.length) {
    const partition = partitions[position.partition] as Query;
    const read = await queryPage<Entry>({
      ...partition,
      limit: Math.min(page.limit - items.length, scanLimit - scanned),
      cursor: position.cursor ?? undefined,
    });
    scanned += read.items.length;
    items.push(...(await keep(read.items)));
    if (read.nextCursor) {
      position.cursor = read.nextCursor;
    } else {
      position.partition += 1;
      position.cursor = null;
    }
  }
  return {
    items,
    nextCursor: position.partition < partitions.length ? encodePartitionsCursor(position) : null,
  };
};

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { tableNames } from '../config';
import {
  type DomainError,
  IdempotencyKeyReused,
  NotFound,
  StaleVersion,
  VersionRequired,
} from '../domain/errors';
import { conditionRefused } from './cancellation';
import { documentClient } from './client';
import { CreatedBefore, type CreationGuard } from './creation-guard';
import { idempotencyCompletion } from './idempotency-completion';
import { type ItemKey, idempotencyKeys, KEY_ATTRIBUTES } from './keys';

/** Fields every stored record carries; clients never set them. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type StoredItem = Record<string, unknown>;

/** One write of a `TransactWriteItems` call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Strips storage keys so only the record's own fields reach a client. */
export const toRecord = <T>(item: StoredItem): T => {
  const record = { ...item };
  for (const attribute of [...KEY_ATTRIBUTES, 'entity']) delete record[attribute];
  return record as T;
};

/** A put that must not overwrite: either the record itself or a uniqueness claim (e.g. a credit code). */
export interface GuardedPut {
  item: StoredItem & ItemKey;
  /** The program table unless named (the ledger's first entry is written beside a new issue). */
  tableName?: string;
  /** The refusal when the key is already taken. */
  onTaken: () => DomainError;
}

/**
 * Creates records in one transaction, none overwriting, with the creation's guard (creation-guard.ts)
 * when it has one: a repeat of the same request then throws CreatedBefore with the first answer, a
 * repeat with another request IdempotencyKeyReused. The edge's idempotency record is completed in the
 * same transaction (idempotency-completion.ts). `alsoWrite` holds unguarded writes that belong to
 * the creation (e.g. program statistics counters). A cancellation that lost a race is passed on as
 * it is (cancellation.ts): a retry, not a refusal.
 */
export const createRecords = async (
  puts: GuardedPut[],
  creationGuard?: CreationGuard,
  alsoWrite: readonly TransactItem[] = [],
): Promise<void> => {
  const guard = creationGuard && {
    ...idempotencyKeys.guard(creationGuard.scopedKey),
    entity: 'idempotencyGuard',
    requestHash: creationGuard.requestHash,
    reply: creationGuard.replay,
    createdAt: new Date().toISOString(),
  };
  const guardPut = guard && { item: guard, tableName: tableNames.program };
  const items = guardPut ? [guardPut, ...puts] : puts;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          ...items.map(
            ({ item, tableName }): TransactItem => ({
              Put: {
                TableName: tableName ?? tableNames.program,
                Item: item,
                ConditionExpression: 'attribute_not_exists(pk)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            }),
          ),
          ...alsoWrite,
          // Last, so a refusal's index still names the put it refused.
          ...(creationGuard ? [idempotencyCompletion(creationGuard)] : []),
        ],
      }),
    );
    creationGuard?.stored?.();
  } catch (error) {
    if (!conditionRefused(error)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failedAt = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    if (guard && failedAt === 0) {
      const previous = reasons[0]?.Item ? unmarshall(reasons[0].Item) : undefined;
      if (previous?.requestHash === guard.requestHash) throw new CreatedBefore(previous.reply);
      throw new IdempotencyKeyReused();
    }
    const put = puts[guard ? failedAt - 1 : failedAt];
    if (!put) throw error;
    throw put.onTaken();
  }
};

/** BatchGetItem takes at most this many keys a call. */
const BATCH_GET_KEYS = 100;

/**
 * Records by key, in the order asked (undefined where none exists), in one BatchGetItem per 100
 * distinct keys (plus any DynamoDB hands back unprocessed): a view of many items costs a call, not a
 * call per item. Eventually consistent, like `getRecord`, unless `consistent`.
 */
export const getRecords = async <T>(
  keys: readonly ItemKey[],
  options: { table?: 'program' | 'ledger'; consistent?: boolean } = {},
): Promise<(T | undefined)[]> => {
  const tableName = tableNames[options.table ?? 'program'];
  const keyOf = ({ pk, sk }: { pk: unknown; sk: unknown }) => `${String(pk)}\u0000${String(sk)}`;
  const distinct = [...new Map(keys.map((key) => [keyOf(key), key])).values()];
  const found = new Map<string, StoredItem>();
  for (let i = 0; i < distinct.length; i += BATCH_GET_KEYS) {
    let request: Record<string, { Keys: ItemKey[]; ConsistentRead?: boolean }> | undefined = {
      [tableName]: { Keys: distinct.slice(i, i + BATCH_GET_KEYS), ConsistentRead: options.consistent },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[tableName] ?? []) {
        found.set(keyOf(item as ItemKey), item);
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return keys.map((key) => {
    const item = found.get(keyOf(key));
    return item ? toRecord<T>(item) : undefined;
  });
};

export const getRecord = async <T>(key: ItemKey): Promise<T | undefined> => {
  const { Item } = await documentClient.send(new GetCommand({ TableName: tableNames.program, Key: key }));
  return Item ? toRecord<T>(Item) : undefined;
};

/**
 * Applies `changes` only if the stored version is the one the caller read; bumps the version and
 * updatedAt. A missing record is NotFound, another version StaleVersion. `alsoWrite` holds unguarded
 * writes that belong to the change (e.g. counters it moves); with any, the update and they are one
 * transaction and the record is read back afterwards.
 */
export const updateVersioned = async <T>(
  key: ItemKey,
  expectedVersion: number,
  changes: StoredItem,
  what: string,
  alsoWrite: readonly TransactItem[] = [],
): Promise<T> => {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = {
    ':expected': expectedVersion,
    ':one': 1,
    ':now': new Date().toISOString(),
  };
  const sets = ['#updatedAt = :now', '#version = #version + :one'];
  entries.forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = :v${i}`);
  });
  const update = {
    TableName: tableNames.program,
    Key: key,
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  if (alsoWrite.length > 0) {
    try {
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: [{ Update: update }, ...alsoWrite] }),
      );
    } catch (error) {
      if (conditionRefused(error, 0))
        throw error.CancellationReasons?.[0]?.Item ? new StaleVersion() : new NotFound(what);
      throw error;
    }
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableNames.program, Key: key, ConsistentRead: true }),
    );
    return toRecord<T>(Item ?? {});
  }
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }),
    );
    return toRecord<T>(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw error.Item ? new StaleVersion() : new NotFound(what);
    }
    throw error;
  }
};

/**
 * Puts a whole record that is replaced as one, never over one the caller has not seen: without an
 * expected version only where there is none (VersionRequired when one exists: read it and name its
 * version); with one, only over exactly that version (StaleVersion otherwise, also when there is none).
 */
export const putVersioned = async (item: StoredItem, expectedVersion: number | undefined): Promise<void> => {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.program,
        Item: item,
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw expectedVersion === undefined ? new VersionRequired() : new StaleVersion();
    }
    throw error;
  }
};

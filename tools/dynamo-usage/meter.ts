import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One DynamoDB call as the meter saw it. */
export interface MeteredCall {
  /** Who made it: a route key, a function, a job, or a label given with `within`. */
  scope: string;
  /** Tells calls of one invocation from those of another invocation in the same scope. */
  invocation: number;
  /** The API operation, e.g. `GetItem`, `TransactWriteItems`, `Query`. */
  operation: string;
  readUnits: number;
  writeUnits: number;
  /** Units per table and per index (`table` or `table/index`), as DynamoDB reported them. */
  units: Record<string, number>;
  /** Items returned (reads) or written (writes). */
  items: number;
  /** The call was refused (a failed condition, a cancelled transaction): no capacity was reported. */
  failed: boolean;
}

/** Where a call was made, as `scopeOf` finds it: a label, and an object standing for the invocation. */
export interface CallSite {
  scope: string;
  invocation: object;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

const operationOf = (commandName: string | undefined): string =>
  (commandName ?? 'Unknown').replace(/Command$/, '');

const itemsOf = (
  operation: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): number => {
  switch (operation) {
    case 'GetItem':
      return output.Item ? 1 : 0;
    case 'Query':
    case 'Scan':
      return Number(output.Count ?? 0);
    case 'BatchGetItem':
      return Object.values((output.Responses ?? {}) as Record<string, unknown[]>).reduce(
        (sum, items) => sum + items.length,
        0,
      );
    case 'TransactGetItems':
      return ((output.Responses ?? []) as { Item?: unknown }[]).filter((response) => response.Item).length;
    case 'BatchWriteItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce(
        (sum, requests) => sum + requests.length,
        0,
      );
    case 'TransactWriteItems':
      return ((input.TransactItems ?? []) as unknown[]).length;
    default:
      return 1;
  }
};

/** Units per table and index: `INDEXES` gives the table's own share and each index's. */
const unitsOf = (consumed: ConsumedCapacity[]): Record<string, number> => {
  const units: Record<string, number> = {};
  const add = (name: string, value: number | undefined) => {
    if (value) units[name] = (units[name] ?? 0) + value;
  };
  for (const {
    TableName = '?',
    Table,
    CapacityUnits,
    GlobalSecondaryIndexes,
    LocalSecondaryIndexes,
  } of consumed) {
    add(TableName, Table ? Table.CapacityUnits : CapacityUnits);
    for (const [index, capacity] of Object.entries({ ...GlobalSecondaryIndexes, ...LocalSecondaryIndexes })) {
      add(`${TableName}/${index}`, capacity.CapacityUnits);
    }
  }
  return units;
};

/**
 * Counts every call a DynamoDB client sends, from outside the code under measurement: a middleware on
 * the client's stack asks each call for `ReturnConsumedCapacity: INDEXES` (DynamoDB Local reports it
 * too) and records the operation, the units per table and index, and the items, under the scope
 * `scopeOf` names for the code that made the call. `within(label, work)` names a scope for calls made
 * directly (a test, a driver) rather than by a function.
 */
export const meterDynamoDb = (client: DynamoDBClient, scopeOf: () => CallSite | undefined) => {
  const labels = new AsyncLocalStorage<CallSite>();
  const invocationIds = new WeakMap<object, number>();
  let invocations = 0;
  const calls: MeteredCall[] = [];
  const outside = { scope: 'outside any invocation', invocation: {} };

  // A function invoked while a labelled piece of work runs is counted as itself, not as that work.
  const siteOfCall = (): CallSite => scopeOf() ?? labels.getStore() ?? outside;
  const invocationId = (invocation: object): number => {
    let id = invocationIds.get(invocation);
    if (id === undefined) {
      id = ++invocations;
      invocationIds.set(invocation, id);
    }
    return id;
  };

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const site = siteOfCall();
      const operation = operationOf(context.commandName);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const record = (output: Record<string, unknown>, failed: boolean) => {
        const consumed = output.ConsumedCapacity;
        const units = unitsOf(
          (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as ConsumedCapacity[],
        );
        const total = Object.values(units).reduce((sum, value) => sum + value, 0);
        calls.push({
          scope: site.scope,
          invocation: invocationId(site.invocation),
          operation,
          readUnits: READS.has(operation) ? total : 0,
          writeUnits: READS.has(operation) ? 0 : total,
          units,
          items: failed ? 0 : itemsOf(operation, input, output),
          failed,
        });
      };
      try {
        const result = await next(args);
        record(result.output as unknown as Record<string, unknown>, false);
        return result;
      } catch (error) {
        record({}, true);
        throw error;
      }
    },
    { step: 'initialize', name: 'meterDynamoDbCalls', override: true },
  );

  return {
    /** Every call since the start or the last `reset`, in order. */
    calls: (): readonly MeteredCall[] => calls,
    reset: () => {
      calls.length = 0;
    },
    /** Runs `work` with its calls (and those of anything it awaits outside a function) counted under `scope`. */
    within: <T>(scope: string, work: () => Promise<T>): Promise<T> =>
      labels.run({ scope, invocation: {} }, work),
  };
};
export type DynamoDbMeter = ReturnType<typeof meterDynamoDb>;

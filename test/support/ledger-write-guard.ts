import { dynamoClient } from '../../shared/db/client';

/**
 * Every integration and workflow test runs with this guard on the one DynamoDB client: a write to
 * the ledger table that is not a Put conditioned on the entry's absence fails the request, so any
 * write path, today's or one added later, that could overwrite an entry fails the suite. The
 * ledger is append-only; the IAM policy denies updates and deletes in AWS, this proves the code
 * never relies on that.
 */
export type LedgerWrite = { command: string; conditional: boolean };

export const ledgerWritesSeen: LedgerWrite[] = [];

const ledgerTable = () => process.env.LEDGER_TABLE;
const appendOnly = /attribute_not_exists\(pk\)/;

type TransactEntry = {
  Put?: { TableName?: string; ConditionExpression?: string };
  Update?: { TableName?: string };
  Delete?: { TableName?: string };
  ConditionCheck?: { TableName?: string };
};

/** The ledger writes a command carries: each with whether it can only add, never replace. */
export const ledgerWritesOf = (command: string, input: Record<string, unknown>): LedgerWrite[] => {
  const table = ledgerTable();
  const onLedger = (name: unknown) => name !== undefined && name === table;
  switch (command) {
    case 'PutItemCommand':
    case 'PutCommand':
      return onLedger(input.TableName)
        ? [{ command, conditional: appendOnly.test(String(input.ConditionExpression ?? '')) }]
        : [];
    case 'UpdateItemCommand':
    case 'UpdateCommand':
    case 'DeleteItemCommand':
    case 'DeleteCommand':
      return onLedger(input.TableName) ? [{ command, conditional: false }] : [];
    case 'BatchWriteItemCommand':
    case 'BatchWriteCommand': {
      const requests = (input.RequestItems ?? {}) as Record<string, unknown[]>;
      return table && requests[table] ? [{ command, conditional: false }] : [];
    }
    case 'TransactWriteItemsCommand':
    case 'TransactWriteCommand':
      return ((input.TransactItems ?? []) as TransactEntry[]).flatMap((entry) => {
        if (entry.Put && onLedger(entry.Put.TableName))
          return [{ command, conditional: appendOnly.test(entry.Put.ConditionExpression ?? '') }];
        if (onLedger(entry.Update?.TableName) || onLedger(entry.Delete?.TableName))
          return [{ command, conditional: false }];
        return [];
      });
    case 'ExecuteStatementCommand':
    case 'BatchExecuteStatementCommand':
    case 'ExecuteTransactionCommand':
      // PartiQL writes are denied in AWS; the code has no reason to use PartiQL at all.
      return [{ command, conditional: false }];
    default:
      return [];
  }
};

dynamoClient.middlewareStack.add(
  (next, context) => async (args) => {
    const command = String((context as { commandName?: string }).commandName ?? '');
    const writes = ledgerWritesOf(command, args.input as Record<string, unknown>);
    ledgerWritesSeen.push(...writes);
    const overwriting = writes.find((write) => !write.conditional);
    if (overwriting)
      throw new Error(
        `Ledger write without attribute_not_exists(pk) in ${overwriting.command}: the ledger is append-only.`,
      );
    return next(args);
  },
  { step: 'initialize', name: 'ledgerAppendOnlyGuard', priority: 'high' },
);

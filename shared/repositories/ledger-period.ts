import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { equalityFilter } from '../db/equality-filter';
import { ledgerKeys, unitKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import type { LedgerEntry } from '../domain/ledger/hash-chain';

/** More entries than this in one request means the export must take another road (docs/reports.md). */
export class TooManyLedgerEntries extends Error {
  override readonly name = 'TooManyLedgerEntries';
}

/** How many days are read at once: enough to hide DynamoDB's latency, few enough not to throttle. */
const DAYS_IN_FLIGHT = 16;

const readDay = (date: string, unitId: string | undefined): Promise<LedgerEntry[]> =>
  queryAll<LedgerEntry>({
    table: 'ledger',
    ...ledgerKeys.dayPartition(date),
    filter: equalityFilter({ unitId }),
  });

/**
 * Every ledger entry of the program days `dates` (in that order, each day in time order), optionally
 * only those whose responsible unit is `unitId`: one query per day on the by-day index (GSI1), days
 * read DAYS_IN_FLIGHT at a time. Throws TooManyLedgerEntries as soon as more than `maxEntries` are read.
 */
export const readLedgerDays = async (
  dates: readonly string[],
  options: { unitId?: string; maxEntries: number },
): Promise<LedgerEntry[]> => {
  const days: LedgerEntry[][] = new Array(dates.length);
  let read = 0;
  let next = 0;
  const worker = async () => {
    while (next < dates.length) {
      const index = next++;
      const entries = await readDay(dates[index] as string, options.unitId);
      read += entries.length;
      if (read > options.maxEntries)
        throw new TooManyLedgerEntries(`more than ${options.maxEntries} entries`);
      days[index] = entries;
    }
  };
  await Promise.all(Array.from({ length: Math.min(DAYS_IN_FLIGHT, dates.length) }, worker));
  return days.flat();
};

/** Unit names by id, for the ids given (one batch get per 100; unknown ids are left out). */
export const unitNamesOf = async (unitIds: readonly string[]): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (let i = 0; i < unitIds.length; i += 100) {
    let request:
      | Record<
          string,
          {
            Keys: Record<string, string>[];
            ProjectionExpression: string;
            ExpressionAttributeNames: Record<string, string>;
          }
        >
      | undefined = {
      [tableNames.program]: {
        Keys: unitIds.slice(i, i + 100).map((id) => ({ ...unitKeys.item(id) })),
        ProjectionExpression: 'id, #name',
        ExpressionAttributeNames: { '#name': 'name' },
      },
    };
    while (request && Object.keys(request).length > 0) {
      const response = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of response.Responses?.[tableNames.program] ?? []) {
        names.set(String(item.id), String(item.name));
      }
      request = response.UnprocessedKeys as typeof request;
    }
  }
  return names;
};

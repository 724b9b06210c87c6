import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { equalityFilter } from '../db/equality-filter';
import { type LedgerIndexRange, ledgerKeys, unitKeys } from '../db/keys';
import { queryPages } from '../db/queries';
import { programDayStartMs } from '../domain/calendar';
import { type CalendarDate, dateOfDayNumber, requireCalendarDate } from '../domain/calendar/calendar-date';
import type { LedgerEntry } from '../domain/ledger/hash-chain';

/** More entries than this in one request means the export must take another road (docs/reports.md). */
export class TooManyLedgerEntries extends Error {
  override readonly name = 'TooManyLedgerEntries';
}

/** How many partitions are read at once: enough to hide DynamoDB's latency, few enough not to throttle. */
const PARTITIONS_IN_FLIGHT = 16;

const nextDate = (date: CalendarDate): CalendarDate =>
  dateOfDayNumber(requireCalendarDate(date).dayNumber + 1);

/**
 * The ledger index partitions that hold the entries of program days `from`–`to`, in time order: the
 * by-day partitions of the days up to `dayIndexUntil` (entries written before the stage moved to the
 * by-year index; none when unset), then the by-year partitions from the start of the later of `from`
 * and that day to the end of `to`. Each entry is in one partition only, and the entries of
 * `dayIndexUntil` in its by-day partition were all written before those in the by-year one.
 */
export const ledgerPartitionsOf = (
  from: CalendarDate,
  to: CalendarDate,
  dayIndexUntil: CalendarDate | undefined,
): LedgerIndexRange[] => {
  const partitions: LedgerIndexRange[] = [];
  if (dayIndexUntil !== undefined) {
    const lastDay = dayIndexUntil < to ? dayIndexUntil : to;
    for (let date = from; date <= lastDay; date = nextDate(date))
      partitions.push(ledgerKeys.dayPartition(date));
    if (to < dayIndexUntil) return partitions;
  }
  const start = dayIndexUntil !== undefined && dayIndexUntil > from ? dayIndexUntil : from;
  const fromMs = programDayStartMs(start);
  const untilMs = programDayStartMs(nextDate(to));
  for (let year = Number(start.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    partitions.push(ledgerKeys.yearBetween(String(year).padStart(4, '0'), fromMs, untilMs));
  }
  return partitions;
};

/**
 * Every ledger entry of the program days `from`–`to` in time order, optionally only those whose
 * responsible unit is `unitId`: each partition of `ledgerPartitionsOf` read page by page (one query a
 * page), partitions PARTITIONS_IN_FLIGHT at a time. Throws TooManyLedgerEntries as soon as more than
 * `maxEntries` are read.
 */
export const readLedgerPeriod = async (
  period: { from: CalendarDate; to: CalendarDate },
  options: { unitId?: string; maxEntries: number; dayIndexUntil?: CalendarDate },
): Promise<LedgerEntry[]> => {
  const partitions = ledgerPartitionsOf(period.from, period.to, options.dayIndexUntil);
  const filter = equalityFilter({ unitId: options.unitId });
  const read: LedgerEntry[][] = new Array(partitions.length);
  let count = 0;
  let next = 0;
  const worker = async () => {
    while (next < partitions.length) {
      const index = next++;
      const entries: LedgerEntry[] = [];
      for await (const page of queryPages<LedgerEntry>({
        table: 'ledger',
        ...(partitions[index] as LedgerIndexRange),
        filter,
      })) {
        count += page.length;
        if (count > options.maxEntries)
          throw new TooManyLedgerEntries(`more than ${options.maxEntries} entries`);
        entries.push(...page);
      }
      read[index] = entries;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTITIONS_IN_FLIGHT, partitions.length) }, worker));
  return read.flat();
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

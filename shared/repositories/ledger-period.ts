import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { equalityFilter } from '../db/equality-filter';
import { LEDGER_DAY_INDEX, type LedgerIndexRange, ledgerPeriodKeys, unitKeys } from '../db/keys';
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
 * The ledger index partitions that hold the entries of program days `from`–`to`, each read in time
 * order: the by-day partitions of the days up to `dayIndexUntil` (entries written by code from
 * before the by-year index; none when unset), then the by-year partitions of the period. Each entry
 * is in exactly one of them.
 */
export const ledgerPartitionsOf = (
  from: CalendarDate,
  to: CalendarDate,
  dayIndexUntil: CalendarDate | undefined,
): LedgerIndexRange[] => {
  const partitions: LedgerIndexRange[] = [];
  if (dayIndexUntil !== undefined) {
    const lastDay = dayIndexUntil < to ? dayIndexUntil : to;
    for (let date = from; date <= lastDay; date = nextDate(date)) partitions.push(ledgerPeriodKeys.day(date));
  }
  const fromMs = programDayStartMs(from);
  const untilMs = programDayStartMs(nextDate(to));
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    partitions.push(ledgerPeriodKeys.yearBetween(String(year).padStart(4, '0'), fromMs, untilMs));
  }
  return partitions;
};

/** The order of both ledger indexes' sort key: the instant (to the millisecond), the issue, the seq. */
const byIndexOrder = (a: LedgerEntry, b: LedgerEntry): number =>
  Date.parse(a.at) - Date.parse(b.at) ||
  (a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0) ||
  a.seq - b.seq;

/** Two lists each in index order, merged into one. */
const merged = (first: readonly LedgerEntry[], second: readonly LedgerEntry[]): LedgerEntry[] => {
  const out: LedgerEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i] as LedgerEntry;
    const b = second[j] as LedgerEntry;
    if (byIndexOrder(a, b) <= 0) {
      out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out.concat(first.slice(i), second.slice(j));
};

/**
 * Every ledger entry of the program days `from`–`to` in time order, optionally only those whose
 * responsible unit is `unitId`: each partition of `ledgerPartitionsOf` read page by page (one query a
 * page), partitions PARTITIONS_IN_FLIGHT at a time; the by-day entries merged into the by-year ones,
 * since an issue workflow started before the upgrade still writes day-keyed entries after it
 * (docs/deploy.md). Throws TooManyLedgerEntries as soon as more than `maxEntries` are read.
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
  const byDay = partitions.filter((partition) => partition.index === LEDGER_DAY_INDEX).length;
  return merged(read.slice(0, byDay).flat(), read.slice(byDay).flat());
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

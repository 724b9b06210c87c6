import { tableNames } from '../config';
import { programStatsKeys, QUEUE_SHARDS, shardOf } from '../db/keys';
import { queryPages } from '../db/queries';
import type { TransactItem } from '../db/records';
import type { CalendarDate } from '../domain/calendar';
import {
  isRaisedBreakdownKey,
  PROGRAM_COUNTERS,
  type ProgramCounts,
  type RaisedBreakdown,
} from '../domain/program-stats';

/**
 * Adds to one program day's figures, as a write inside the transaction that does the counted thing.
 * The day's counts are spread over QUEUE_SHARDS items (by the counted record's id) so that a busy day
 * never makes every transaction of the program contend for one item.
 */
export const programStatsUpdate = (
  date: CalendarDate,
  recordId: string,
  adds: Partial<ProgramCounts> & RaisedBreakdown,
): TransactItem => {
  const entries = Object.entries(adds).filter(([, by]) => by !== undefined && by !== 0);
  if (entries.length === 0) throw new Error('programStatsUpdate needs at least one non-zero count');
  return {
    Update: {
      TableName: tableNames.program,
      Key: programStatsKeys.day(shardOf(recordId), date),
      UpdateExpression: `SET entity = :entity, #date = :date ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#date': 'date',
        ...Object.fromEntries(entries.map(([counter], i) => [`#c${i}`, counter])),
      },
      ExpressionAttributeValues: {
        ':entity': 'programDayStats',
        ':date': date,
        ...Object.fromEntries(entries.map(([, by], i) => [`:c${i}`, by])),
      },
    },
  };
};

/**
 * The program's figures summed over the days `from`–`to` (inclusive), with the raised issues'
 * breakdown by category and type: one key-range query per shard.
 */
export const readProgramStats = async (
  from: CalendarDate,
  to: CalendarDate,
): Promise<ProgramCounts & { raisedBreakdown: RaisedBreakdown }> => {
  const totals = Object.fromEntries(PROGRAM_COUNTERS.map((counter) => [counter, 0])) as ProgramCounts;
  const raisedBreakdown: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: QUEUE_SHARDS }, async (_, shard) => {
      const { pk, sk: fromSk } = programStatsKeys.day(shard, from);
      const { sk: toSk } = programStatsKeys.day(shard, to);
      for await (const page of queryPages<Record<string, unknown>>({
        partition: pk,
        sortBetween: { from: fromSk, to: toSk },
      })) {
        for (const item of page) {
          for (const counter of PROGRAM_COUNTERS) totals[counter] += Number(item[counter] ?? 0);
          for (const [name, value] of Object.entries(item)) {
            if (isRaisedBreakdownKey(name))
              raisedBreakdown[name] = (raisedBreakdown[name] ?? 0) + Number(value);
          }
        }
      }
    }),
  );
  return { ...totals, raisedBreakdown };
};

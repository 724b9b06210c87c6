import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { dailyCloseKeys } from '../db/keys';
import type { CalendarDate } from '../domain/calendar';
import type { TransactItem } from './issues';

/**
 * The daily close record (每日销结) of one program day: what the daily sweep did that day. Every count
 * is added by the write that does the counted thing (in its transaction where there is one), so a
 * re-run of the same day, which does nothing new, leaves the record as it was.
 */
export const DAILY_CLOSE_COUNTERS = [
  /** Overdue signals sent: each raises an assignment's supervision level by one (督办). */
  'overdueSignals',
  /** Of those, assignments supervised for the first time: they became overdue. */
  'newlyOverdue',
  /** Of those, assignments past the supervision limit: they go to the consultation agenda. */
  'overdueToConsultation',
  /** Blue cards shown on assignments due soon. */
  'dueSoonCards',
  /** No-response signals sent to workflows, which close their issues as no_response. */
  'noResponseSignals',
  /** Issues resolved on the spot closed here as no_response (they have no workflow). */
  'noResponseClosures',
  /** Outbox entries (execution starts, wait answers) whose delivery had given up, handed to the stream again. */
  'outboxRequeued',
] as const;
export type DailyCloseCounter = (typeof DAILY_CLOSE_COUNTERS)[number];
export type DailyCloseCounts = Record<DailyCloseCounter, number>;

export interface DailyClose extends DailyCloseCounts {
  job: 'daily-sweep';
  asOf: CalendarDate;
  /** When the sweep first ran for this day. */
  firstRunAt: string;
}

const addCounts = (asOf: CalendarDate, counts: Partial<DailyCloseCounts>, runAt: string) => {
  const entries = DAILY_CLOSE_COUNTERS.map((counter) => [counter, counts[counter] ?? 0] as const);
  return {
    TableName: tableNames.program,
    Key: dailyCloseKeys.day(asOf),
    UpdateExpression: `SET entity = :entity, job = :job, asOf = :asOf, firstRunAt = if_not_exists(firstRunAt, :runAt) ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([counter], i) => [`#c${i}`, counter])),
    ExpressionAttributeValues: {
      ':entity': 'dailyClose',
      ':job': 'daily-sweep',
      ':asOf': asOf,
      ':runAt': runAt,
      ...Object.fromEntries(entries.map(([, by], i) => [`:c${i}`, by])),
    },
  };
};

/** The counting write as part of another transaction (e.g. the issue transition it counts). */
export const dailyCloseCountItem = (
  asOf: CalendarDate,
  counts: Partial<DailyCloseCounts>,
  runAt: string,
): TransactItem => ({ Update: addCounts(asOf, counts, runAt) });

/** Adds to the day's counts (with none, it only makes sure the record exists) and answers the record. */
export const countDailyClose = async (
  asOf: CalendarDate,
  counts: Partial<DailyCloseCounts>,
  runAt: string,
): Promise<DailyClose> => {
  const { Attributes } = await documentClient.send(
    new UpdateCommand({ ...addCounts(asOf, counts, runAt), ReturnValues: 'ALL_NEW' }),
  );
  const { pk: _pk, sk: _sk, entity: _entity, ...record } = Attributes ?? {};
  return record as DailyClose;
};

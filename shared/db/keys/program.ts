import type { ItemKey } from './attributes';

/** One shard of a program day's headline figures (`GET /stats`); a period is a key range per shard. */
export const programStatsKeys = {
  day: (shard: number, date: string): ItemKey => ({ pk: `PSTATS#${shard}`, sk: `DAY#${date}` }),
};

/** Holiday arrangements operators loaded after the built-in years, one item a year in one partition. */
export const calendarYearKeys = {
  item: (year: string | number): ItemKey => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  all: () => ({ partition: 'CALENDAR' }),
};

/** The permanent guard of a creation made with an Idempotency-Key (shared/db/creation-guard.ts). */
export const idempotencyKeys = {
  guard: (scopedKey: string): ItemKey => ({ pk: `IDEMPOTENCY#${scopedKey}`, sk: 'GUARD' }),
};

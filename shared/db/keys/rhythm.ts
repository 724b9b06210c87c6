import type { ItemKey, KeyRange } from './attributes';

/** The weekly inspection of an ISO week (`2026-W48`): the week, and one row per unit in its partition. */
export const inspectionKeys = {
  /** Written once every unit's report is stored. */
  week: (week: string): ItemKey => ({ pk: `INSPECTION#${week}`, sk: 'WEEK' }),
  report: (week: string, unitId: string): ItemKey => ({ pk: `INSPECTION#${week}`, sk: `UNIT#${unitId}` }),
  reportsOf: (week: string): KeyRange => ({ partition: `INSPECTION#${week}`, sortPrefix: 'UNIT#' }),
};

/** The daily close record (每日销结) of a program day: what the daily sweep did that day. */
export const dailyCloseKeys = {
  day: (asOf: string): ItemKey => ({ pk: 'JOB#daily-sweep', sk: `DAY#${asOf}` }),
};

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { CalendarYearRecord } from '../../contract/calendar';
import {
  BUILT_IN_YEARS,
  type CalendarYear,
  calendarReadiness,
  programDateOf,
  validateCalendarYear,
} from '../../domain/calendar';
import { Conflict, ValidationFailed } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import { listLoadedCalendarYearRecords, saveCalendarYear } from '../../repositories/calendar-years';
import type { Saved } from '../saved';
import { forgetProgramCalendar, programCalendar } from './program-calendar';

const BUILT_IN_BY_YEAR = new Map(BUILT_IN_YEARS.map((year) => [year.year, year]));

const yearExists = (year: number) =>
  new Conflict(
    'CALENDAR_YEAR_EXISTS',
    `The working-day calendar already has ${year}; send ?replace=true to replace its arrangement.`,
  );

/** The years in force: a loaded year stands in for a built-in one of the same year. */
export const listCalendarYears = async (): Promise<CalendarYearRecord[]> => {
  const byYear = new Map<number, CalendarYearRecord>(
    BUILT_IN_YEARS.map((year) => [year.year, { ...year, source: 'built_in', replacesBuiltIn: false }]),
  );
  for (const { data, loadedBy, loadedAt } of await listLoadedCalendarYearRecords()) {
    byYear.set(data.year, {
      ...data,
      source: 'loaded',
      replacesBuiltIn: BUILT_IN_BY_YEAR.has(data.year),
      loadedBy,
      loadedAt,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
};

export interface LoadCalendarYear {
  pathYear: number;
  input: unknown;
  replace: boolean;
  loadedBy: string;
}

/**
 * Loads one year's holiday arrangement, checked by the calendar's own validator (every problem at
 * once, at `body.` paths). A year already in force, built-in or loaded, is replaced only when asked:
 * the State Council does amend notices (2020's Spring Festival was extended by one), so operators must
 * be able to correct any year. Due dates already set keep their value; deadlines set from now on use
 * the new arrangement (other processes within five minutes, this one at once).
 */
export const loadCalendarYear = async (request: LoadCalendarYear): Promise<Saved<CalendarYearRecord>> => {
  const validation = validateCalendarYear(request.input);
  if (!validation.ok) {
    throw new ValidationFailed(
      validation.problems.map(({ path, message }) => ({ path: path ? `body.${path}` : 'body', message })),
    );
  }
  const year: CalendarYear = validation.year;
  if (year.year !== request.pathYear) {
    throw new ValidationFailed([
      { path: 'body.year', message: `Must be the year in the path (${request.pathYear})` },
    ]);
  }
  const loaded = (await listLoadedCalendarYearRecords()).some(({ data }) => data.year === year.year);
  const exists = loaded || BUILT_IN_BY_YEAR.has(year.year);
  if (exists && !request.replace) throw yearExists(year.year);
  const loadedAt = nowIso();
  try {
    await saveCalendarYear(year, { loadedBy: request.loadedBy, loadedAt, replace: request.replace });
  } catch (error) {
    // Another operator loaded the year between our read and our write.
    if (error instanceof ConditionalCheckFailedException) throw yearExists(year.year);
    throw error;
  }
  forgetProgramCalendar();
  const record: CalendarYearRecord = {
    ...year,
    source: 'loaded',
    replacesBuiltIn: BUILT_IN_BY_YEAR.has(year.year),
    loadedBy: request.loadedBy,
    loadedAt,
  };
  return { record, created: !exists };
};

/**
 * What the daily sweep will meet today (Asia/Shanghai): the years in force, today's year if missing,
 * and from 1 November next year if missing (docs/runbook.md, the calendar alarms).
 */
export const calendarHealth = async (now = new Date()) => {
  const asOf = programDateOf(now);
  return { asOf, ...calendarReadiness(asOf, (await programCalendar()).years) };
};

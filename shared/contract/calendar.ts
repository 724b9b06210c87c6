import * as z from 'zod/mini';
import type { CalendarYear } from '../domain/calendar';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, booleanQuery, isoDate, MASTER_DATA_WRITERS, pageOf, text } from './common';

const holidayArrangement = z.strictObject({
  holiday: text(200),
  daysOff: z.array(isoDate).check(z.maxLength(366)),
  /** 调休上班: weekend days worked instead. */
  makeUpWorkingDays: z.array(isoDate).check(z.maxLength(366)),
});

/**
 * One year's holiday arrangement as the State Council notice publishes it. The schema checks the
 * shape; the calendar's own validator then checks the program rules (dates in the year, make-up days
 * on weekends, nothing listed twice) and reports every problem at once.
 */
export const calendarYearBody = z.strictObject({
  year: z.number().check(z.int(), z.minimum(1000), z.maximum(9999)),
  notice: text(200),
  holidays: z.array(holidayArrangement).check(z.maxLength(50)),
});

export const CALENDAR_YEAR_SOURCES = ['built_in', 'loaded'] as const;

export const calendarYearRecord = z.object({
  ...calendarYearBody.def.shape,
  /** built_in: shipped with the code; loaded: loaded by an operator (possibly replacing a built-in year). */
  source: z.enum(CALENDAR_YEAR_SOURCES),
  replacesBuiltIn: z.boolean(),
  loadedBy: z.optional(z.string()),
  loadedAt: z.optional(z.string()),
});
/** A year in force as the API shows it (the domain's read-only CalendarYear, plus where it came from). */
export type CalendarYearRecord = CalendarYear &
  Pick<z.output<typeof calendarYearRecord>, 'source' | 'replacesBuiltIn' | 'loadedBy' | 'loadedAt'>;

export const calendarRoutes = {
  listCalendarYears: defineRoute({
    method: 'GET',
    path: '/calendar/years',
    area: 'calendar',
    summary:
      'The working-day calendar: every year in force with its holidays, built-in and loaded (one page)',
    roles: ALL_ROLES,
    response: pageOf(calendarYearRecord),
  }),
  putCalendarYear: defineRoute({
    method: 'PUT',
    path: '/calendar/years/{year}',
    area: 'calendar',
    summary:
      'Load a year’s holiday arrangement (201), or replace one in force with ?replace=true (200), built-in years included',
    roles: MASTER_DATA_WRITERS,
    params: z.strictObject({ year: z.string().check(z.regex(/^\d{4}$/)) }),
    query: z.strictObject({ replace: z.optional(booleanQuery) }),
    body: calendarYearBody,
    response: calendarYearRecord,
  }),
  calendarHealth: defineRoute({
    method: 'GET',
    path: '/health/calendar',
    area: 'calendar',
    summary:
      'For operators: the calendar years in force, and whether today’s year or (from 1 November) next year is missing',
    roles: MASTER_DATA_WRITERS,
    response: z.object({
      asOf: isoDate,
      yearsLoaded: z.array(z.number()),
      missingYear: z.optional(z.number()),
      nextYearMissing: z.optional(z.number()),
    }),
  }),
};

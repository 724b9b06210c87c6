/**
 * Calendar dates as `YYYY-MM-DD` strings in program time (Asia/Shanghai). Arithmetic runs on day
 * numbers (days since 1970-01-01, counted in UTC) so no local time zone or DST can shift a date:
 * `new Date('YYYY-MM-DD')` and local-time getters are never used.
 */
import { CalendarDateInvalidError } from './errors';

/** A `YYYY-MM-DD` date with no time and no zone. */
export type CalendarDate = string;

export const MS_PER_DAY = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ParsedDate {
  readonly year: number;
  readonly dayNumber: number;
}

/** The year and day number of a valid date, or undefined for anything else (including 2026-02-30). */
export const parseCalendarDate = (value: unknown): ParsedDate | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  // Out-of-range months and days roll over; a round trip that changes the month catches them.
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return undefined;
  return { year, dayNumber: instant.getTime() / MS_PER_DAY };
};

export const requireCalendarDate = (value: CalendarDate): ParsedDate => {
  const parsed = parseCalendarDate(value);
  if (!parsed) throw new CalendarDateInvalidError(String(value), 'a calendar date YYYY-MM-DD');
  return parsed;
};

export const dateOfDayNumber = (dayNumber: number): CalendarDate =>
  new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);

/** Day number of 1 January of a year. */
export const firstDayOfYear = (year: number): number => {
  const instant = new Date(0);
  instant.setUTCFullYear(year, 0, 1);
  return instant.getTime() / MS_PER_DAY;
};

export const isWeekend = (dayNumber: number): boolean => {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
};

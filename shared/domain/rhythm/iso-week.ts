/**
 * ISO 8601 weeks (Monday to Sunday; week 1 is the one holding the year's first Thursday) of program
 * dates, as `YYYY-Www`. Day numbers count days since 1970-01-01, a Thursday, so no time zone enters.
 */
import {
  type CalendarDate,
  dateOfDayNumber,
  firstDayOfYear,
  parseCalendarDate,
  requireCalendarDate,
} from '../calendar/calendar-date';

/** `2026-W48`: an ISO year and week. */
export type IsoWeek = string;

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Monday = 0 … Sunday = 6 (1970-01-01, day 0, was a Thursday). */
export const isoWeekday = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;

/** Day number of the Monday of the week holding `dayNumber`. */
export const mondayOfDay = (dayNumber: number): number => dayNumber - isoWeekday(dayNumber);

/** Day number of the Monday of week 1 of an ISO year: the week holding 4 January. */
const mondayOfWeekOne = (isoYear: number): number => mondayOfDay(firstDayOfYear(isoYear) + 3);

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export const weeksInIsoYear = (isoYear: number): number =>
  (mondayOfWeekOne(isoYear + 1) - mondayOfWeekOne(isoYear)) / 7;

const format = (isoYear: number, week: number): IsoWeek =>
  `${String(isoYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;

/** The ISO week a date falls in: `2026-12-31` → `2026-W53`, `2027-01-01` → `2026-W53`. */
export const isoWeekOf = (date: CalendarDate): IsoWeek => {
  const { dayNumber } = requireCalendarDate(date);
  const thursday = mondayOfDay(dayNumber) + 3;
  const isoYear = Number(dateOfDayNumber(thursday).slice(0, 4));
  return format(isoYear, (thursday - 3 - mondayOfWeekOne(isoYear)) / 7 + 1);
};

export interface WeekSpan {
  week: IsoWeek;
  /** The Monday. */
  from: CalendarDate;
  /** The Sunday. */
  through: CalendarDate;
}

/** The dates of an ISO week, or undefined when `week` is not one (`2026-W54`, `2025-W53`, `2026-48`). */
export const parseIsoWeek = (week: unknown): WeekSpan | undefined => {
  if (typeof week !== 'string') return undefined;
  const match = WEEK_PATTERN.exec(week);
  if (!match) return undefined;
  const isoYear = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > weeksInIsoYear(isoYear)) return undefined;
  const monday = mondayOfWeekOne(isoYear) + (number - 1) * 7;
  return { week, from: dateOfDayNumber(monday), through: dateOfDayNumber(monday + 6) };
};

/** The span of the ISO week holding `date`. */
export const weekSpanOf = (date: CalendarDate): WeekSpan => parseIsoWeek(isoWeekOf(date)) as WeekSpan;

/** Days from `from` to `to` (negative when `to` is earlier); both must be dates. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  requireCalendarDate(to).dayNumber - requireCalendarDate(from).dayNumber;

export const isCalendarDate = (value: unknown): value is CalendarDate =>
  parseCalendarDate(value) !== undefined;

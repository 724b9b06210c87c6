/**
 * Program time is Asia/Shanghai: UTC+8 all year (China has had no DST since 1991), so the calendar
 * date of an instant is its UTC time shifted by eight hours.
 */
import {
  type CalendarDate,
  dateOfDayNumber,
  MS_PER_DAY,
  parseCalendarDate,
  requireCalendarDate,
} from './calendar-date';
import { CalendarDateInvalidError } from './errors';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

// The offset is mandatory: a timestamp without one would be read in the server's local zone.
const TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

const EXPECTED = 'an ISO timestamp with an offset, e.g. 2026-10-01T08:00:00+08:00';

const instantOf = (timestamp: string): number => {
  const match = TIMESTAMP_PATTERN.exec(timestamp);
  // Date.parse rolls 2026-02-30 over to March instead of rejecting it.
  if (!match || !parseCalendarDate(match[1])) return Number.NaN;
  return Date.parse(timestamp);
};

/** The Asia/Shanghai calendar date of an instant given as an ISO timestamp or a Date. */
export const programDateOf = (instant: string | Date): CalendarDate => {
  const ms = typeof instant === 'string' ? instantOf(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new CalendarDateInvalidError(String(instant), EXPECTED);
  return dateOfDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
};

/** The instant (epoch ms) a program date begins: midnight in Asia/Shanghai. */
export const programDayStartMs = (date: CalendarDate): number =>
  requireCalendarDate(date).dayNumber * MS_PER_DAY - SHANGHAI_OFFSET_MS;

/** A program date as given, or the Asia/Shanghai date of a moment given as an ISO timestamp. */
export const programDateOfDateOrMoment = (dateOrMoment: string): CalendarDate =>
  parseCalendarDate(dateOrMoment) ? (dateOrMoment as CalendarDate) : programDateOf(dateOrMoment);

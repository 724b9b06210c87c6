/**
 * The half-monthly consultation (半月会商) as a rule of dates. EventBridge cron cannot say "every other
 * week", so the agenda job runs every Monday and this decides: a week is a consultation week when an
 * even number of whole weeks lies between its Monday and CONSULTATION_EPOCH (Monday 2024-01-01).
 * Counting from a fixed Monday, unlike ISO-week parity, never puts two consultation weeks side by
 * side or three weeks apart at a year with 53 weeks: consultation weeks are always 14 days apart.
 */
import { type CalendarDate, CalendarYearMissingError, type WorkingCalendar } from '../calendar';
import { dateOfDayNumber, requireCalendarDate } from '../calendar/calendar-date';
import { mondayOfDay } from './iso-week';

/** A Monday of a consultation week; every 14 days from it is another. */
export const CONSULTATION_EPOCH: CalendarDate = '2024-01-01';

export const isConsultationWeek = (date: CalendarDate): boolean => {
  const weeks =
    (mondayOfDay(requireCalendarDate(date).dayNumber) - requireCalendarDate(CONSULTATION_EPOCH).dayNumber) /
    7;
  return ((weeks % 2) + 2) % 2 === 0;
};

const workingDayKnown = (calendar: WorkingCalendar, date: CalendarDate): boolean => {
  try {
    return calendar.isWorkingDay(date);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return false;
    throw error;
  }
};

export type ConsultationDay =
  | { held: true; date: CalendarDate }
  | { held: false; reason: 'not_a_consultation_week' | 'no_working_day' };

/**
 * The consultation of the fortnight holding `asOf`: in a consultation week, it is held on the week's
 * first working day (so every run within the week names the same date, and the date's uniqueness
 * makes the job idempotent); a week with no working day at all (a Spring Festival week) has none. Days
 * of a year the calendar lacks (a week starting in December of an unloaded year) are never chosen.
 */
export const consultationDayOf = (asOf: CalendarDate, calendar: WorkingCalendar): ConsultationDay => {
  if (!isConsultationWeek(asOf)) return { held: false, reason: 'not_a_consultation_week' };
  const monday = mondayOfDay(requireCalendarDate(asOf).dayNumber);
  for (let day = monday; day < monday + 7; day++) {
    const date = dateOfDayNumber(day);
    if (workingDayKnown(calendar, date)) return { held: true, date };
  }
  return { held: false, reason: 'no_working_day' };
};

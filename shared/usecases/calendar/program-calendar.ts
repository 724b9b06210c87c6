import { buildWorkingCalendar, type WorkingCalendar } from '../../domain/calendar';
import { listLoadedCalendarYears } from '../../repositories/calendar-years';

const CACHE_MILLIS = 5 * 60 * 1000;
let cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;

/**
 * The working-day calendar in force: built-in years plus those operators loaded, read at most every
 * five minutes per process (a new year is published once a year; a short delay is harmless).
 */
export const programCalendar = async (now = Date.now()): Promise<WorkingCalendar> => {
  if (!cached || now - cached.loadedAt > CACHE_MILLIS) {
    cached = {
      calendar: buildWorkingCalendar(await listLoadedCalendarYears(), { replace: true }),
      loadedAt: now,
    };
  }
  return cached.calendar;
};

/** After an operator loads a year, this process uses it at once. */
export const forgetProgramCalendar = (): void => {
  cached = undefined;
};

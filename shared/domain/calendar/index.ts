/** The working-day calendar's public surface. */
export type { CalendarDate } from './calendar-date';
export { parseCalendarDate } from './calendar-date';
export { type CalendarReadiness, calendarReadiness, NEXT_YEAR_WARNING_MONTH } from './calendar-readiness';
export type { CalendarYear, CalendarYearProblem, HolidayArrangement } from './calendar-year';
export {
  CalendarDateInvalidError,
  CalendarYearExistsError,
  CalendarYearInvalidError,
  CalendarYearMissingError,
} from './errors';
export { buildWorkingCalendar, builtInCalendar } from './program-calendar';
export { programDateOf, programDateOfDateOrMoment, programDayStartMs } from './program-date';
export { type CalendarYearValidation, validateCalendarYear } from './validate-calendar-year';
export { createWorkingCalendar, type WorkingCalendar } from './working-calendar';
export { BUILT_IN_YEARS } from './years';

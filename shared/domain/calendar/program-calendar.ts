/**
 * The calendar the program runs on: the built-in years plus the years operators have loaded since
 * (a newer State Council notice, or a corrected one when `replace` is asked for).
 */
import type { CalendarYear } from './calendar-year';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar';
import { BUILT_IN_YEARS } from './years';

let builtIn: WorkingCalendar | undefined;

/** The built-in years' calendar, built on first use rather than at import: cold starts pay only when they count days. */
export const builtInCalendar = (): WorkingCalendar => {
  builtIn ??= createWorkingCalendar(BUILT_IN_YEARS);
  return builtIn;
};

/** Loading a year already present throws CalendarYearExistsError unless `replace` is true. */
export const buildWorkingCalendar = (
  loadedYears: readonly CalendarYear[],
  options: { replace?: boolean } = {},
): WorkingCalendar =>
  loadedYears.reduce((calendar, year) => calendar.withYear(year, options), builtInCalendar());

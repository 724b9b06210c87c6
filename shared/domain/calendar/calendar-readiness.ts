import type { CalendarDate } from './calendar-date';

/** The month from which the next year's holiday arrangement is asked for (the notice usually comes out in late autumn). */
export const NEXT_YEAR_WARNING_MONTH = 11;

export interface CalendarReadiness {
  /** The years the calendar holds, ascending. */
  yearsLoaded: number[];
  /** `asOf`'s own year, when it is not loaded: nothing counted in working days can be decided that day. */
  missingYear?: number;
  /** From 1 November: next year, when it is not loaded yet (the sweep fails from 1 January without it). */
  nextYearMissing?: number;
}

/**
 * Whether the working-day calendar can serve `asOf`, and whether it will serve the new year: the
 * early warning that keeps 1 January from finding the sweep without a calendar.
 */
export const calendarReadiness = (asOf: CalendarDate, years: readonly number[]): CalendarReadiness => {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const loaded = new Set(years);
  return {
    yearsLoaded: [...years].sort((a, b) => a - b),
    ...(loaded.has(year) ? {} : { missingYear: year }),
    ...(month >= NEXT_YEAR_WARNING_MONTH && !loaded.has(year + 1) ? { nextYearMissing: year + 1 } : {}),
  };
};

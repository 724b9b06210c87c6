/**
 * The shape of one year's holiday arrangement, as published by the State Council General Office
 * (国务院办公厅) each November or December for the following year. Built-in years and years an
 * operator loads through the API share this shape.
 */
import type { CalendarDate } from './calendar-date';

/** One holiday of the notice: the days off and the make-up working days (调休上班) that pay for them. */
export interface HolidayArrangement {
  /** The holiday's name, e.g. "Spring Festival". */
  readonly holiday: string;
  readonly daysOff: readonly CalendarDate[];
  /** Weekend days worked instead; may be empty. */
  readonly makeUpWorkingDays: readonly CalendarDate[];
}

export interface CalendarYear {
  readonly year: number;
  /** Which notice the arrangement comes from, so a deadline can be traced to its legal source. */
  readonly notice: string;
  readonly holidays: readonly HolidayArrangement[];
}

/** One thing wrong with operator-supplied year data; `path` is dot-joined like the API's field errors. */
export interface CalendarYearProblem {
  readonly path: string;
  readonly message: string;
}

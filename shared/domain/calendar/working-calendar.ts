/**
 * The working-day calendar: Monday to Friday, minus the statutory days off, plus the make-up working
 * days (调休上班) of each loaded year. Deadlines of assignments, "working days overdue" of the daily
 * sweep and "due soon" of the weekly inspection are all counted here.
 *
 * Every date argument must lie in a loaded year, even where an answer could be given without it: a
 * calendar missing the current year should fail on the first sweep, not on the first deadline.
 */
import { type CalendarDate, dateOfDayNumber, type ParsedDate, requireCalendarDate } from './calendar-date';
import type { CalendarYear } from './calendar-year';
import { CalendarYearExistsError, CalendarYearMissingError } from './errors';
import { indexYear, isWorkingDayOf, nthWorkingDay, workingDaysThrough, type YearIndex } from './year-index';

export interface WorkingCalendar {
  /** The loaded years, ascending. */
  readonly years: readonly number[];
  isWorkingDay(date: CalendarDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: CalendarDate): CalendarDate;
  /** The due date `n` working days after `start`: `start` itself is not counted; n ≥ 1. */
  addWorkingDays(start: CalendarDate, n: number): CalendarDate;
  /** Working days in (from, to]; negative (the count of (to, from]) when `to` is before `from`. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number;
  /** 0 up to and including the due date; after it, the working days in (dueDate, asOf]. */
  workingDaysOverdue(dueDate: CalendarDate, asOf: CalendarDate): number;
  /** Not yet overdue, with at most `withinWorkingDays` working days left until the due date. */
  isDueSoon(dueDate: CalendarDate, asOf: CalendarDate, withinWorkingDays: number): boolean;
  /** A new calendar with the year (validated, see createWorkingCalendar) added; a year already loaded needs `replace: true`. */
  withYear(year: CalendarYear, options?: { replace?: boolean }): WorkingCalendar;
}

const requireCount = (value: number, minimum: number, name: string) => {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer ≥ ${minimum}, got ${value}`);
  }
};

const fromIndexes = (indexes: ReadonlyMap<number, YearIndex>): WorkingCalendar => {
  const indexOf = (year: number): YearIndex => {
    const index = indexes.get(year);
    if (!index) throw new CalendarYearMissingError(year);
    return index;
  };
  const dateIn = (date: CalendarDate): ParsedDate & { index: YearIndex } => {
    const parsed = requireCalendarDate(date);
    return { ...parsed, index: indexOf(parsed.year) };
  };

  /** Working days in (from, to] for from ≤ to, through every year in between. */
  const countForward = (from: ParsedDate & { index: YearIndex }, to: ParsedDate & { index: YearIndex }) => {
    let count = -workingDaysThrough(from.index, from.dayNumber);
    for (let year = from.year; year < to.year; year++) count += indexOf(year).workingDays;
    return count + workingDaysThrough(to.index, to.dayNumber);
  };

  const addWorkingDays = (start: CalendarDate, n: number): CalendarDate => {
    requireCount(n, 1, 'n');
    const from = dateIn(start);
    let index = from.index;
    let remaining = workingDaysThrough(index, from.dayNumber) + n;
    while (remaining > index.workingDays) {
      remaining -= index.workingDays;
      index = indexOf(index.year + 1);
    }
    return dateOfDayNumber(nthWorkingDay(index, remaining));
  };

  const workingDaysBetween = (fromDate: CalendarDate, toDate: CalendarDate): number => {
    const from = dateIn(fromDate);
    const to = dateIn(toDate);
    // 0 - x rather than -x: a reversed span without working days must give 0, not -0.
    return from.dayNumber <= to.dayNumber ? countForward(from, to) : 0 - countForward(to, from);
  };

  const calendar: WorkingCalendar = {
    years: Object.freeze([...indexes.keys()].sort((a, b) => a - b)),
    isWorkingDay: (date) => {
      const parsed = dateIn(date);
      return isWorkingDayOf(parsed.index, parsed.dayNumber);
    },
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    addWorkingDays,
    workingDaysBetween,
    workingDaysOverdue: (dueDate, asOf) => {
      const due = dateIn(dueDate);
      const now = dateIn(asOf);
      return now.dayNumber <= due.dayNumber ? 0 : countForward(due, now);
    },
    isDueSoon: (dueDate, asOf, withinWorkingDays) => {
      requireCount(withinWorkingDays, 0, 'withinWorkingDays');
      const due = dateIn(dueDate);
      const now = dateIn(asOf);
      return now.dayNumber <= due.dayNumber && countForward(now, due) <= withinWorkingDays;
    },
    withYear: (year, options = {}) => {
      const index = indexYear(year);
      if (indexes.has(index.year) && !options.replace) throw new CalendarYearExistsError(index.year);
      return fromIndexes(new Map(indexes).set(index.year, index));
    },
  };
  return Object.freeze(calendar);
};

/**
 * A calendar of exactly these years; a year given twice is an error. Years must have passed
 * validateCalendarYear where they enter the program: the built-in years in their unit test, a loaded
 * year in loadCalendarYear before it is stored. Checking again here put the validator in every
 * function that counts days (2 KB of the issues bundle, which is held to its size budget).
 */
export const createWorkingCalendar = (years: readonly CalendarYear[]): WorkingCalendar => {
  const indexes = new Map<number, YearIndex>();
  for (const year of years) {
    const index = indexYear(year);
    if (indexes.has(index.year)) throw new CalendarYearExistsError(index.year);
    indexes.set(index.year, index);
  }
  return fromIndexes(indexes);
};

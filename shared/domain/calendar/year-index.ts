/**
 * A year's working days precomputed as running totals, so every calendar question is an array
 * lookup or a binary search instead of a walk over the days.
 */
import { firstDayOfYear, isWeekend, parseCalendarDate } from './calendar-date';
import type { CalendarYear } from './calendar-year';

export interface YearIndex {
  readonly year: number;
  /** Day number of 1 January. */
  readonly firstDay: number;
  readonly workingDays: number;
  /** runningTotal[i]: working days from 1 January through the i-th day of the year (0-based). */
  readonly runningTotal: Uint16Array;
}

const daysInYear = (year: number) => firstDayOfYear(year + 1) - firstDayOfYear(year);

/** Expects data that passed validateCalendarYear: every listed date is a valid date of the year. */
export const indexYear = (data: CalendarYear): YearIndex => {
  const firstDay = firstDayOfYear(data.year);
  const length = daysInYear(data.year);
  const working = Array.from({ length }, (_, i) => !isWeekend(firstDay + i));
  const mark = (dates: readonly string[], isWorking: boolean) => {
    for (const date of dates) {
      const parsed = parseCalendarDate(date);
      if (parsed) working[parsed.dayNumber - firstDay] = isWorking;
    }
  };
  for (const holiday of data.holidays) {
    mark(holiday.daysOff, false);
    mark(holiday.makeUpWorkingDays, true);
  }
  const runningTotal = new Uint16Array(length);
  let total = 0;
  working.forEach((isWorking, i) => {
    if (isWorking) total += 1;
    runningTotal[i] = total;
  });
  return { year: data.year, firstDay, workingDays: total, runningTotal };
};

/** Working days from 1 January through the given day of this year; 0 for the day before 1 January. */
export const workingDaysThrough = (index: YearIndex, dayNumber: number): number => {
  const i = dayNumber - index.firstDay;
  // Callers pass days of this year (or the eve of 1 January), so the lookup always hits.
  return i < 0 ? 0 : (index.runningTotal[i] ?? 0);
};

export const isWorkingDayOf = (index: YearIndex, dayNumber: number): boolean =>
  workingDaysThrough(index, dayNumber) > workingDaysThrough(index, dayNumber - 1);

/** Day number of the n-th working day of the year, for 1 ≤ n ≤ index.workingDays. */
export const nthWorkingDay = (index: YearIndex, n: number): number => {
  // The first day whose running total reaches n is the n-th working day.
  let low = 0;
  let high = index.runningTotal.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((index.runningTotal[middle] ?? 0) < n) low = middle + 1;
    else high = middle;
  }
  return index.firstDay + low;
};

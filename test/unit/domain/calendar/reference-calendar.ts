/**
 * A deliberately naive second implementation for the tests to compare against: it walks day by
 * day over the raw built-in data, with none of the module's indexing or date helpers.
 */
import { BUILT_IN_YEARS } from '../../../../shared/domain/calendar';

const MS_PER_DAY = 86_400_000;

export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
export const dateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export const weekdayOf = (date: string): number => new Date(dayOf(date) * MS_PER_DAY).getUTCDay();

const daysOff = new Set(BUILT_IN_YEARS.flatMap((year) => year.holidays.flatMap((h) => h.daysOff)));
const makeUpDays = new Set(
  BUILT_IN_YEARS.flatMap((year) => year.holidays.flatMap((h) => h.makeUpWorkingDays)),
);

export const referenceIsWorkingDay = (date: string): boolean => {
  if (makeUpDays.has(date)) return true;
  const weekday = weekdayOf(date);
  return !daysOff.has(date) && weekday >= 1 && weekday <= 5;
};

export const referenceAddWorkingDays = (start: string, n: number): string => {
  let day = dayOf(start);
  let left = n;
  while (left > 0) {
    day += 1;
    if (referenceIsWorkingDay(dateOf(day))) left -= 1;
  }
  return dateOf(day);
};

/** Working days in (from, to]; from ≤ to. */
export const referenceCount = (from: string, to: string): number => {
  let count = 0;
  for (let day = dayOf(from) + 1; day <= dayOf(to); day++) if (referenceIsWorkingDay(dateOf(day))) count++;
  return count;
};

/** Every date from..to inclusive. */
export const datesFrom = (from: string, to: string): string[] =>
  Array.from({ length: dayOf(to) - dayOf(from) + 1 }, (_, i) => dateOf(dayOf(from) + i));

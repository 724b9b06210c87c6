import type { CalendarDate } from '../calendar';
import { quarterOf } from '../issues/quarter';

/** A scoring period as the API writes it: `2026Q4`. */
export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export const isQuarter = (value: string): boolean => QUARTER_PATTERN.test(value);

const partsOf = (quarter: string): [number, number] => {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  return [Number(match[1]), Number(match[2])];
};

export const previousQuarter = (quarter: string): string => {
  const [year, q] = partsOf(quarter);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
};

/** The quarter a scoring run on `asOf` scores: the one before asOf's (the job runs on the 1st day of a quarter). */
export const quarterJustEnded = (asOf: CalendarDate): string => previousQuarter(quarterOf(asOf));

/** The last program date of a quarter: `2026Q4` → `2026-12-31`. */
export const lastDayOf = (quarter: string): CalendarDate => {
  const [year, q] = partsOf(quarter);
  return `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
};

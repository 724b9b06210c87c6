import fc from 'fast-check';
import { dateOf, dayOf } from './reference-calendar';

/** Dates between two bounds, inclusive. */
export const dateBetween = (from: string, to: string): fc.Arbitrary<string> =>
  fc.integer({ min: dayOf(from), max: dayOf(to) }).map(dateOf);

/** Any date of the built-in years. */
export const builtInDate = dateBetween('2025-01-01', '2026-12-31');

/** Any valid date of a four-digit year the built-in calendar lacks. */
export const missingYearDate = dateBetween('1000-01-01', '9999-12-31').filter(
  (date) => !date.startsWith('2025-') && !date.startsWith('2026-'),
);

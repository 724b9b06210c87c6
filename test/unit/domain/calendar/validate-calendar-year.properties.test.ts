import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_YEARS, validateCalendarYear } from '../../../../shared/domain/calendar';
import { YEAR_2026 } from '../../../../shared/domain/calendar/years/2026';
import { dateBetween } from './arbitraries';
import { weekdayOf } from './reference-calendar';

const listed = YEAR_2026.holidays.flatMap((h) => [...h.daysOff, ...h.makeUpWorkingDays]);
const listedDaysOff = YEAR_2026.holidays.flatMap((h) => h.daysOff);
const date2026 = dateBetween('2026-01-01', '2026-12-31');
const otherYearDate = dateBetween('1000-01-01', '9999-12-31').filter((date) => !date.startsWith('2026-'));

/** 2026 with one date appended to one list of the last holiday; returns the input and that date's path. */
const with2026Date = (kind: 'daysOff' | 'makeUpWorkingDays', date: unknown) => {
  const last = YEAR_2026.holidays.length - 1;
  const holidays = YEAR_2026.holidays.map((holiday, index) =>
    index === last ? { ...holiday, [kind]: [...holiday[kind], date] } : holiday,
  );
  const lastHoliday = YEAR_2026.holidays[last];
  const path = `holidays.${last}.${kind}.${lastHoliday?.[kind].length}`;
  return { input: { ...YEAR_2026, holidays }, path };
};

const problemsOf = (input: unknown) => {
  const result = validateCalendarYear(input);
  return result.ok ? [] : result.problems;
};

describe('validateCalendarYear properties', () => {
  it('accepts the built-in years', () => {
    for (const year of BUILT_IN_YEARS) expect(validateCalendarYear(year).ok).toBe(true);
  });

  it('accepts a fresh weekend day added as a make-up working day', () => {
    const weekendDay = date2026.filter((date) => [0, 6].includes(weekdayOf(date)) && !listed.includes(date));
    fc.assert(
      fc.property(weekendDay, (date) => {
        expect(problemsOf(with2026Date('makeUpWorkingDays', date).input)).toEqual([]);
      }),
    );
  });

  it('rejects a date outside the year', () => {
    fc.assert(
      fc.property(otherYearDate, fc.constantFrom('daysOff', 'makeUpWorkingDays' as const), (date, kind) => {
        const { input, path } = with2026Date(kind, date);
        expect(problemsOf(input)).toContainEqual({ path, message: 'Expected a date in 2026' });
      }),
    );
  });

  it('rejects anything that is not a valid YYYY-MM-DD date', () => {
    const malformed = fc.oneof(
      fc.string().filter((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value)),
      fc.constantFrom('2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-01', '2026-01-32'),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(malformed, (value) => {
        const { input, path } = with2026Date('daysOff', value);
        expect(problemsOf(input)).toEqual([{ path, message: 'Expected a date YYYY-MM-DD' }]);
      }),
    );
  });

  it('rejects a weekday as a make-up working day', () => {
    const weekday = date2026.filter((date) => ![0, 6].includes(weekdayOf(date)) && !listed.includes(date));
    fc.assert(
      fc.property(weekday, (date) => {
        const { input, path } = with2026Date('makeUpWorkingDays', date);
        expect(problemsOf(input)).toEqual([
          { path, message: 'A make-up working day must fall on a Saturday or Sunday' },
        ]);
      }),
    );
  });

  it('rejects a day off listed again as a make-up working day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...listedDaysOff), (date) => {
        const { input, path } = with2026Date('makeUpWorkingDays', date);
        expect(
          problemsOf(input)
            .filter((problem) => problem.path === path)
            .map((p) => p.message),
        ).toContainEqual(
          expect.stringMatching(
            /^Date is both a day off and a make-up working day \(see holidays\.\d+\.daysOff\.\d+\)$/,
          ),
        );
      }),
    );
  });

  it('rejects a listed date listed again in the same kind of list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...listedDaysOff), (date) => {
        const { input, path } = with2026Date('daysOff', date);
        expect(problemsOf(input)).toEqual([
          {
            path,
            message: expect.stringMatching(/^Date is listed twice \(first at holidays\.\d+\.daysOff\.\d+\)$/),
          },
        ]);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  builtInCalendar,
  CalendarYearMissingError,
  parseCalendarDate,
} from '../../../../shared/domain/calendar';
import { builtInDate, dateBetween, missingYearDate } from './arbitraries';
import { errorThrownBy } from './errors';
import { referenceAddWorkingDays, referenceCount, referenceIsWorkingDay } from './reference-calendar';

const calendar = builtInCalendar();

// Starts early enough that up to 100 working days (about five months) stay inside 2026.
const start = dateBetween('2025-01-01', '2026-06-30');
const count = fc.integer({ min: 1, max: 100 });
const half = fc.integer({ min: 1, max: 50 });

const ordered = (a: string, b: string): [string, string] => (a <= b ? [a, b] : [b, a]);

describe('working-calendar properties', () => {
  it('isWorkingDay agrees with a day-by-day reading of the notices', () => {
    fc.assert(
      fc.property(builtInDate, (date) => {
        expect(calendar.isWorkingDay(date)).toBe(referenceIsWorkingDay(date));
      }),
    );
  });

  it('addWorkingDays lands on a working day strictly after start, where a naive walk lands', () => {
    fc.assert(
      fc.property(start, count, (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(due > from).toBe(true);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due).toBe(referenceAddWorkingDays(from, n));
      }),
    );
  });

  it('addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b)', () => {
    fc.assert(
      fc.property(start, half, half, (from, a, b) => {
        expect(calendar.addWorkingDays(from, a + b)).toBe(
          calendar.addWorkingDays(calendar.addWorkingDays(from, a), b),
        );
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(start, count, (from, n) => {
        expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween counts like a naive walk, and reverses its sign when reversed', () => {
    fc.assert(
      fc.property(builtInDate, builtInDate, (a, b) => {
        const [from, to] = ordered(a, b);
        const expected = referenceCount(from, to);
        expect(calendar.workingDaysBetween(from, to)).toBe(expected);
        // 0 - expected is +0 for an empty span, where -expected would be -0.
        expect(calendar.workingDaysBetween(to, from)).toBe(0 - expected);
      }),
    );
  });

  it('workingDaysBetween adds up over consecutive spans', () => {
    fc.assert(
      fc.property(builtInDate, builtInDate, builtInDate, (a, b, c) => {
        expect(calendar.workingDaysBetween(a, c)).toBe(
          calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c),
        );
      }),
    );
  });

  it('counting from late 2025 crosses into 2026 correctly', () => {
    fc.assert(
      fc.property(dateBetween('2025-11-15', '2025-12-31'), fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(due).toBe(referenceAddWorkingDays(from, n));
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
        expect(calendar.workingDaysBetween(from, '2026-01-04')).toBe(referenceCount(from, '2026-01-04'));
      }),
    );
  });

  it('nextWorkingDay is the first working day after the date', () => {
    fc.assert(
      fc.property(dateBetween('2025-01-01', '2026-12-30'), (date) => {
        const next = calendar.nextWorkingDay(date);
        expect(calendar.isWorkingDay(next)).toBe(true);
        expect(calendar.workingDaysBetween(date, next)).toBe(1);
        expect(next).toBe(referenceAddWorkingDays(date, 1));
      }),
    );
  });

  it('workingDaysOverdue is 0 up to the due date and never decreases as time passes', () => {
    fc.assert(
      fc.property(builtInDate, builtInDate, builtInDate, (dueDate, a, b) => {
        const [earlier, later] = ordered(a, b);
        const overdueEarlier = calendar.workingDaysOverdue(dueDate, earlier);
        expect(overdueEarlier).toBeLessThanOrEqual(calendar.workingDaysOverdue(dueDate, later));
        expect(overdueEarlier).toBe(earlier <= dueDate ? 0 : referenceCount(dueDate, earlier));
      }),
    );
  });

  it('isDueSoon means not overdue and at most that many working days left', () => {
    fc.assert(
      fc.property(builtInDate, builtInDate, fc.integer({ min: 0, max: 30 }), (dueDate, asOf, within) => {
        const expected = asOf <= dueDate && referenceCount(asOf, dueDate) <= within;
        expect(calendar.isDueSoon(dueDate, asOf, within)).toBe(expected);
      }),
    );
  });

  it('any date in a year the calendar lacks throws CalendarYearMissingError with that year', () => {
    fc.assert(
      fc.property(missingYearDate, builtInDate, (missing, known) => {
        const year = parseCalendarDate(missing)?.year;
        const calls: (() => unknown)[] = [
          () => calendar.isWorkingDay(missing),
          () => calendar.nextWorkingDay(missing),
          () => calendar.addWorkingDays(missing, 1),
          () => calendar.workingDaysBetween(missing, known),
          () => calendar.workingDaysBetween(known, missing),
          () => calendar.workingDaysOverdue(missing, known),
          () => calendar.workingDaysOverdue(known, missing),
          () => calendar.isDueSoon(missing, known, 5),
          () => calendar.isDueSoon(known, missing, 5),
        ];
        for (const call of calls) {
          const error = errorThrownBy(call);
          expect(error).toBeInstanceOf(CalendarYearMissingError);
          expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year });
        }
      }),
    );
  });

  it('the years 2024 and 2027 next to the built-in ones are missing too', () => {
    fc.assert(
      fc.property(
        fc.oneof(dateBetween('2024-01-01', '2024-12-31'), dateBetween('2027-01-01', '2027-12-31')),
        (date) => {
          expect(() => calendar.isWorkingDay(date)).toThrow(CalendarYearMissingError);
        },
      ),
    );
  });

  it('counting past the end of 2026 throws for 2027', () => {
    fc.assert(
      fc.property(dateBetween('2026-11-01', '2026-12-31'), fc.integer({ min: 45, max: 400 }), (from, n) => {
        const error = errorThrownBy(() => calendar.addWorkingDays(from, n));
        expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year: 2027 });
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  builtInCalendar,
  CalendarDateInvalidError,
  CalendarYearMissingError,
} from '../../../../shared/domain/calendar';
import { errorThrownBy } from './errors';

const calendar = builtInCalendar();

const expectYearMissing = (call: () => unknown, year: number) => {
  const error = errorThrownBy(call);
  expect(error).toBeInstanceOf(CalendarYearMissingError);
  expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year });
};

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-02', false, 'Friday off for New Year'],
    ['2026-01-03', false, 'Saturday within New Year'],
    ['2026-01-04', true, 'Sunday make-up day for New Year'],
    ['2026-01-05', true, 'ordinary Monday'],
    ['2026-02-14', true, 'Saturday make-up day before Spring Festival'],
    ['2026-02-23', false, 'Monday, last day of Spring Festival'],
    ['2026-02-24', true, 'Tuesday after Spring Festival'],
    ['2026-02-28', true, 'Saturday make-up day after Spring Festival'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-04-06', false, 'Monday off for Qingming'],
    ['2026-05-09', true, 'Saturday make-up day for Labour Day'],
    ['2026-06-19', false, 'Friday off for Dragon Boat'],
    ['2026-09-20', true, 'Sunday make-up day for National Day'],
    ['2026-09-25', false, 'Friday off for Mid-Autumn'],
    ['2026-10-07', false, 'Wednesday, last day of National Day'],
    ['2026-10-08', true, 'Thursday after National Day'],
    ['2026-10-10', true, 'Saturday make-up day for National Day'],
    ['2026-10-11', false, 'ordinary Sunday after the make-up Saturday'],
    ['2025-01-26', true, 'Sunday make-up day for Spring Festival 2025'],
    ['2025-06-02', false, 'Monday off for Dragon Boat 2025'],
    ['2025-10-08', false, 'Wednesday, last day of National Day + Mid-Autumn 2025'],
    ['2025-10-11', true, 'Saturday make-up day for National Day 2025'],
    ['2025-12-31', true, 'ordinary Wednesday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it('counts over National Day 2026 and its make-up Saturday', () => {
    // Oct 1–7 off; Oct 8 Thu, Oct 9 Fri, Oct 10 Sat (make-up), Oct 12 Mon, Oct 13 Tue.
    expect([1, 2, 3, 4, 5].map((n) => calendar.addWorkingDays('2026-09-30', n))).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]);
  });

  it('counts over Spring Festival 2026 with the Feb 14 and Feb 28 make-up Saturdays', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10].map((n) => calendar.addWorkingDays('2026-02-13', n))).toEqual([
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
    ]);
  });

  it('crosses into 2026 onto the Sunday make-up day after New Year', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
  });

  it.each([
    ['2026-09-18', 1, '2026-09-20', 'the make-up Sunday before National Day'],
    ['2026-09-24', 1, '2026-09-28', 'over Mid-Autumn'],
    ['2026-04-30', 5, '2026-05-11', 'over Labour Day and its make-up Saturday'],
    ['2026-10-03', 1, '2026-10-08', 'from a day off'],
    ['2025-09-30', 3, '2025-10-11', 'over National Day 2025 onto its make-up Saturday'],
    ['2025-01-01', 248, '2025-12-31', 'through the whole of 2025'],
    ['2025-12-31', 248, '2026-12-31', 'through the whole of 2026'],
    ['2025-01-01', 496, '2026-12-31', 'through both years'],
  ])('%s + %i → %s (%s)', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %s', (n) => {
    expect(() => calendar.addWorkingDays('2026-03-02', n)).toThrow(RangeError);
  });

  it('throws for a due date that would fall in 2027, which is not loaded', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expectYearMissing(() => calendar.addWorkingDays('2026-12-30', 2), 2027);
    expectYearMissing(() => calendar.addWorkingDays('2024-12-31', 1), 2024);
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2026-10-09', '2026-10-10'],
    ['2026-10-10', '2026-10-12'],
    ['2025-12-31', '2026-01-04'],
  ])('after %s comes %s', (date, expected) => {
    expect(calendar.nextWorkingDay(date)).toBe(expected);
  });

  it('throws after the last day of 2026', () => {
    expectYearMissing(() => calendar.nextWorkingDay('2026-12-31'), 2027);
  });
});

describe('workingDaysBetween: working days in (from, to]', () => {
  it.each([
    ['2026-09-30', '2026-10-13', 5],
    ['2026-09-30', '2026-10-07', 0],
    ['2026-10-09', '2026-10-10', 1],
    ['2026-10-10', '2026-10-11', 0],
    ['2026-02-13', '2026-03-05', 10],
    ['2025-12-31', '2026-01-04', 1],
    ['2025-12-30', '2026-01-05', 3],
    ['2026-05-06', '2026-05-06', 0],
    ['2026-10-13', '2026-09-30', -5],
    ['2026-10-07', '2026-09-30', 0],
    ['2026-01-05', '2025-12-30', -3],
  ])('(%s, %s] → %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('throws for either end in a missing year', () => {
    expectYearMissing(() => calendar.workingDaysBetween('2026-12-31', '2027-01-04'), 2027);
    expectYearMissing(() => calendar.workingDaysBetween('2024-12-31', '2025-01-02'), 2024);
    expectYearMissing(() => calendar.workingDaysBetween('2025-01-02', '2024-12-31'), 2024);
  });
});

describe('workingDaysOverdue', () => {
  it.each([
    ['2026-09-30', '2026-09-01', 0, 'before the due date'],
    ['2026-09-30', '2026-09-30', 0, 'on the due date'],
    ['2026-09-30', '2026-10-07', 0, 'a week late, but no working day has passed'],
    ['2026-09-30', '2026-10-08', 1, 'on the first working day after National Day'],
    ['2026-09-30', '2026-10-11', 3, 'on the Sunday after the make-up Saturday'],
    ['2026-02-13', '2026-02-28', 6, 'over Spring Festival'],
    ['2025-12-31', '2026-01-03', 0, 'over New Year'],
    ['2025-12-31', '2026-01-04', 1, 'on the make-up Sunday after New Year'],
  ])('due %s, as of %s → %i (%s)', (dueDate, asOf, expected) => {
    expect(calendar.workingDaysOverdue(dueDate, asOf)).toBe(expected);
  });

  it('needs both years loaded, even before the due date', () => {
    expectYearMissing(() => calendar.workingDaysOverdue('2026-12-31', '2027-01-04'), 2027);
    expectYearMissing(() => calendar.workingDaysOverdue('2026-01-10', '2024-12-31'), 2024);
  });
});

describe('isDueSoon', () => {
  it.each([
    ['2026-10-09', '2026-09-30', 2, true, 'two working days left'],
    ['2026-10-09', '2026-09-30', 1, false, 'two working days left, one allowed'],
    ['2026-10-08', '2026-09-30', 1, true, 'one working day left over National Day'],
    ['2026-02-24', '2026-02-13', 2, true, 'Feb 14 and Feb 24 left'],
    ['2026-02-24', '2026-02-13', 1, false, 'Feb 14 and Feb 24 left, one allowed'],
    ['2026-10-09', '2026-10-09', 0, true, 'due today'],
    ['2026-10-03', '2026-09-30', 0, true, 'due on a day off with no working day left'],
    ['2026-10-09', '2026-10-10', 5, false, 'already overdue'],
  ])('due %s, as of %s, within %i → %s (%s)', (dueDate, asOf, within, expected) => {
    expect(calendar.isDueSoon(dueDate, asOf, within)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects withinWorkingDays = %s', (within) => {
    expect(() => calendar.isDueSoon('2026-10-09', '2026-09-30', within)).toThrow(RangeError);
  });
});

describe('invalid dates', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-1-5', '2026-10-01T00:00:00Z'])('%j is rejected', (date) => {
    const error = errorThrownBy(() => calendar.isWorkingDay(date));
    expect(error).toBeInstanceOf(CalendarDateInvalidError);
    expect(error).toMatchObject({ code: 'CALENDAR_DATE_INVALID', value: date });
    expect(() => calendar.addWorkingDays(date, 1)).toThrow(CalendarDateInvalidError);
    expect(() => calendar.workingDaysBetween('2026-01-05', date)).toThrow(CalendarDateInvalidError);
    expect(() => calendar.workingDaysOverdue(date, '2026-01-05')).toThrow(CalendarDateInvalidError);
    expect(() => calendar.isDueSoon('2026-01-05', date, 3)).toThrow(CalendarDateInvalidError);
  });
});

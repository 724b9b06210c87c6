import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_YEARS,
  builtInCalendar,
  type CalendarYear,
  validateCalendarYear,
} from '../../../../shared/domain/calendar';
import { datesFrom, referenceCount, weekdayOf } from './reference-calendar';

const yearData = (year: number): CalendarYear => {
  const data = BUILT_IN_YEARS.find((candidate) => candidate.year === year);
  if (!data) throw new Error(`no built-in ${year}`);
  return data;
};

/** The tables of cn-calendar.md, transcribed as ranges: [holiday, first day off, last day off, make-up days]. */
const NOTICES: Record<number, [string, string, string, string[]][]> = {
  2025: [
    ['New Year', '2025-01-01', '2025-01-01', []],
    ['Spring Festival', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['Qingming', '2025-04-04', '2025-04-06', []],
    ['Labour Day', '2025-05-01', '2025-05-05', ['2025-04-27']],
    ['Dragon Boat', '2025-05-31', '2025-06-02', []],
    ['National Day + Mid-Autumn', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['New Year', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['Spring Festival', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['Qingming', '2026-04-04', '2026-04-06', []],
    ['Labour Day', '2026-05-01', '2026-05-05', ['2026-05-09']],
    ['Dragon Boat', '2026-06-19', '2026-06-21', []],
    ['Mid-Autumn', '2026-09-25', '2026-09-27', []],
    ['National Day', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ],
};

describe('built-in years', () => {
  it('are 2025 and 2026', () => {
    expect(BUILT_IN_YEARS.map((year) => year.year)).toEqual([2025, 2026]);
    expect(builtInCalendar().years).toEqual([2025, 2026]);
  });

  it.each([2025, 2026])('%i matches the State Council notice', (year) => {
    expect(yearData(year).holidays.map((h) => [h.holiday, h.daysOff, h.makeUpWorkingDays])).toEqual(
      (NOTICES[year] ?? []).map(([name, from, to, makeUp]) => [name, datesFrom(from, to), makeUp]),
    );
  });

  it('puts make-up days on the weekdays the notices name', () => {
    const sunday = 0;
    const saturday = 6;
    expect(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].map(weekdayOf)).toEqual([
      sunday,
      saturday,
      sunday,
      sunday,
      saturday,
    ]);
    expect(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].map(weekdayOf),
    ).toEqual([sunday, saturday, saturday, saturday, sunday, saturday]);
  });

  it.each([2025, 2026])('%i passes the operator validator unchanged', (year) => {
    expect(validateCalendarYear(yearData(year))).toEqual({ ok: true, year: yearData(year) });
  });

  // Each year has 261 weekdays; 2025 takes 18 of them off and adds 5 make-up days, 2026 takes 19
  // off and adds 6: 248 working days each.
  it('the naive reference walk agrees with the hand count', () => {
    expect(referenceCount('2024-12-31', '2025-12-31')).toBe(248);
    expect(referenceCount('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('the calendar counts 248 working days in each year', () => {
    // (2025-01-01, 2025-12-31] leaves out New Year's Day, which is off anyway.
    expect(builtInCalendar().workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
    expect(builtInCalendar().workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

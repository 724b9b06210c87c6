import { describe, expect, it } from 'vitest';
import {
  buildWorkingCalendar,
  builtInCalendar,
  type CalendarYear,
  CalendarYearExistsError,
  CalendarYearMissingError,
  createWorkingCalendar,
} from '../../../../shared/domain/calendar';
import { YEAR_2025 } from '../../../../shared/domain/calendar/years/2025';
import { YEAR_2026 } from '../../../../shared/domain/calendar/years/2026';
import { errorThrownBy } from './errors';

/** Made up for the tests: 2027's notice is not published. Jan 1 is a Friday. */
const FIXTURE_2027: CalendarYear = {
  year: 2027,
  notice: 'test fixture, not a State Council notice',
  holidays: [
    { holiday: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: [] },
    { holiday: 'Test Holiday', daysOff: ['2027-01-04'], makeUpWorkingDays: ['2027-01-09'] },
  ],
};

/** 2026 as if a correction had added New Year's Eve as a day off. */
const CORRECTED_2026: CalendarYear = {
  ...YEAR_2026,
  holidays: [
    ...YEAR_2026.holidays,
    { holiday: "New Year's Eve", daysOff: ['2026-12-31'], makeUpWorkingDays: [] },
  ],
};

const expectYearExists = (call: () => unknown, year: number) => {
  const error = errorThrownBy(call);
  expect(error).toBeInstanceOf(CalendarYearExistsError);
  expect(error).toMatchObject({ code: 'CALENDAR_YEAR_EXISTS', year });
};

describe('withYear', () => {
  it('adds a year, so counting runs on into it', () => {
    const calendar = builtInCalendar().withYear(FIXTURE_2027);
    expect(calendar.years).toEqual([2025, 2026, 2027]);
    // Jan 1 off, Jan 2–3 weekend, Jan 4 off: the first working day is Tuesday Jan 5.
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-05');
    expect(calendar.addWorkingDays('2026-12-31', 2)).toBe('2027-01-06');
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-11')).toBe(7);
  });

  it('counts a year whose 1 January is a working day', () => {
    const calendar = builtInCalendar().withYear({
      year: 2027,
      notice: 'test fixture, not a State Council notice',
      holidays: [{ holiday: 'Test Holiday', daysOff: ['2027-01-04'], makeUpWorkingDays: [] }],
    });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-01');
    expect(calendar.addWorkingDays('2027-01-01', 1)).toBe('2027-01-05');
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-05')).toBe(2);
  });

  it('leaves the calendar it came from unchanged', () => {
    builtInCalendar().withYear(FIXTURE_2027);
    expect(builtInCalendar().years).toEqual([2025, 2026]);
    expect(() => builtInCalendar().nextWorkingDay('2026-12-31')).toThrow(CalendarYearMissingError);
  });

  it('refuses a year already loaded', () => {
    expectYearExists(() => builtInCalendar().withYear(YEAR_2026), 2026);
    expectYearExists(() => builtInCalendar().withYear(CORRECTED_2026, { replace: false }), 2026);
  });

  it('replaces a year when asked to', () => {
    const corrected = builtInCalendar().withYear(CORRECTED_2026, { replace: true });
    expect(corrected.years).toEqual([2025, 2026]);
    expect(corrected.isWorkingDay('2026-12-31')).toBe(false);
    expect(builtInCalendar().isWorkingDay('2026-12-31')).toBe(true);
  });
});

describe('buildWorkingCalendar: built-in years plus loaded ones', () => {
  it('is the built-in calendar when nothing is loaded', () => {
    expect(buildWorkingCalendar([]).years).toEqual([2025, 2026]);
  });

  it('adds loaded years', () => {
    const calendar = buildWorkingCalendar([FIXTURE_2027]);
    expect(calendar.years).toEqual([2025, 2026, 2027]);
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-05');
  });

  it('refuses a loaded year that is built in unless replacing', () => {
    expectYearExists(() => buildWorkingCalendar([FIXTURE_2027, CORRECTED_2026]), 2026);
    const calendar = buildWorkingCalendar([FIXTURE_2027, CORRECTED_2026], { replace: true });
    expect(calendar.years).toEqual([2025, 2026, 2027]);
    expect(calendar.nextWorkingDay('2026-12-30')).toBe('2027-01-05');
  });
});

describe('createWorkingCalendar', () => {
  it('holds exactly the given years', () => {
    expect(createWorkingCalendar([YEAR_2026, YEAR_2025]).years).toEqual([2025, 2026]);
    expect(createWorkingCalendar([]).years).toEqual([]);
  });

  it('refuses a year given twice', () => {
    expectYearExists(() => createWorkingCalendar([YEAR_2026, CORRECTED_2026]), 2026);
  });

  it('will not count across a year missing in the middle', () => {
    const calendar = createWorkingCalendar([YEAR_2025, FIXTURE_2027]);
    const error = errorThrownBy(() => calendar.workingDaysBetween('2025-12-31', '2027-01-05'));
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    expect(error).toMatchObject({ year: 2026 });
    expect(() => calendar.addWorkingDays('2025-12-31', 1)).toThrow(CalendarYearMissingError);
  });

  it('is immutable and keeps no reference to the data it was built from', () => {
    const data = {
      year: 2027,
      notice: 'test fixture',
      holidays: [{ holiday: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: [] as string[] }],
    };
    const calendar = createWorkingCalendar([data]);
    data.holidays[0]?.makeUpWorkingDays.push('2027-01-02');
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);

    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.years)).toBe(true);
    expect(() => {
      (calendar.years as number[]).push(2028);
    }).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CalendarDateInvalidError,
  programDateOf,
  programDateOfDateOrMoment,
  programDayStartMs,
} from '../../../../shared/domain/calendar';

describe('programDateOf: the Asia/Shanghai (UTC+8) date of an instant', () => {
  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00Z', '2026-10-01'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2026-10-01T00:00:00+08:00', '2026-10-01'],
    ['2026-10-01T07:59:00+08:00', '2026-10-01'],
    ['2026-09-30T23:30:00-05:00', '2026-10-01'],
    ['2026-03-01T00:30:00+09:00', '2026-02-28'],
    ['2026-07-01T12:00Z', '2026-07-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('%s → %s', (instant, expected) => {
    expect(programDateOf(instant)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(programDateOf(new Date(Date.UTC(2026, 1, 14, 15, 59)))).toBe('2026-02-14');
    expect(programDateOf(new Date(Date.UTC(2026, 1, 14, 16, 0)))).toBe('2026-02-15');
  });

  it.each(['2026-10-01', '2026-10-01T08:00:00', '2026-02-30T00:00:00Z', '2026-10-01 08:00:00Z', 'yesterday'])(
    'rejects %j, which has no offset or is no instant',
    (instant) => {
      expect(() => programDateOf(instant)).toThrow(CalendarDateInvalidError);
    },
  );

  it('rejects an invalid Date', () => {
    expect(() => programDateOf(new Date(Number.NaN))).toThrow(CalendarDateInvalidError);
  });
});

describe('programDayStartMs: the instant a program date begins', () => {
  it('is midnight in Shanghai, 16:00 UTC the day before, and its own program date', () => {
    const start = programDayStartMs('2026-01-01');

    expect(new Date(start).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(programDateOf(new Date(start))).toBe('2026-01-01');
    expect(programDateOf(new Date(start - 1))).toBe('2025-12-31');
  });
});

describe('programDateOfDateOrMoment: what a job runs for', () => {
  it.each([
    ['2026-03-10', '2026-03-10'],
    ['2026-03-09T16:30:00Z', '2026-03-10'],
    ['2026-03-10T23:59:59+08:00', '2026-03-10'],
    ['2026-03-10T00:00:00-08:00', '2026-03-10'],
  ])('%s → %s', (given, expected) => {
    expect(programDateOfDateOrMoment(given)).toBe(expected);
  });

  it('refuses what is neither', () => {
    expect(() => programDateOfDateOrMoment('2026-03-10T08:00:00')).toThrow(CalendarDateInvalidError);
  });
});

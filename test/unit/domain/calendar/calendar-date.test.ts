import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../../../shared/domain/calendar';
import { dayOf } from './reference-calendar';

describe('parseCalendarDate', () => {
  it('gives the year and the UTC day number of a valid date', () => {
    expect(parseCalendarDate('1970-01-01')).toEqual({ year: 1970, dayNumber: 0 });
    expect(parseCalendarDate('2026-10-01')).toEqual({ year: 2026, dayNumber: dayOf('2026-10-01') });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, dayNumber: 19782 });
  });

  it('does not map two-digit years to the 1900s', () => {
    expect(parseCalendarDate('0026-01-01')).toEqual({ year: 26, dayNumber: dayOf('0026-01-01') });
    expect(dayOf('0026-01-01')).toBe(-710_031);
  });

  it.each([
    '2026-02-29',
    '2025-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '26-01-05',
    '2026/01/05',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '',
  ])('rejects %j', (value) => {
    expect(parseCalendarDate(value)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(parseCalendarDate(20260105)).toBeUndefined();
    expect(parseCalendarDate(new Date(0))).toBeUndefined();
    expect(parseCalendarDate(null)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, requireCalendarDate } from '../../../../shared/domain/calendar/calendar-date';
import {
  isoWeekday,
  isoWeekOf,
  parseIsoWeek,
  weekSpanOf,
  weeksInIsoYear,
} from '../../../../shared/domain/rhythm/iso-week';
import { dateBetween } from '../calendar/arbitraries';

const day = (date: string) => requireCalendarDate(date).dayNumber;

/** The textbook ISO week (ordinal day − weekday + 10) / 7, from Date's own weekday: an independent reference. */
const referenceWeek = (date: string): string => {
  const instant = new Date(`${date}T00:00:00Z`);
  const weekday = instant.getUTCDay() || 7;
  const thursday = new Date(instant.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const ordinal = (thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return `${year}-W${String(Math.ceil(ordinal / 7)).padStart(2, '0')}`;
};

const anyDate = dateBetween('1971-01-01', '2199-12-31');

describe('ISO weeks', () => {
  it.each([
    ['2026-11-28', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s falls in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('agrees with the textbook formula for any date', () => {
    fc.assert(fc.property(anyDate, (date) => isoWeekOf(date) === referenceWeek(date)));
  });

  it('spans Monday to Sunday around the date, and its name parses back to the same span', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const span = weekSpanOf(date);
        expect(isoWeekday(day(span.from))).toBe(0);
        expect(day(span.through) - day(span.from)).toBe(6);
        expect(day(span.from) <= day(date) && day(date) <= day(span.through)).toBe(true);
        expect(parseIsoWeek(span.week)).toEqual(span);
        expect(isoWeekOf(span.from)).toBe(span.week);
        expect(isoWeekOf(span.through)).toBe(span.week);
      }),
    );
  });

  it('numbers consecutive weeks one apart, restarting at 1 after the last week of the year', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const [year, week] = isoWeekOf(date).split('-W').map(Number) as [number, number];
        const next = isoWeekOf(dateOfDayNumber(day(date) + 7));
        const expected =
          week === weeksInIsoYear(year) ? `${year + 1}-W01` : `${year}-W${String(week + 1).padStart(2, '0')}`;
        expect(next).toBe(expected);
      }),
    );
  });

  it('knows which years have 53 weeks', () => {
    expect([2020, 2026, 2032].map(weeksInIsoYear)).toEqual([53, 53, 53]);
    expect([2021, 2025, 2027].map(weeksInIsoYear)).toEqual([52, 52, 52]);
  });

  it.each(['2025-W53', '2026-W54', '2026-W00', '2026-48', '2026-w48', 'W48', '', 42])(
    'rejects %s',
    (week) => {
      expect(parseIsoWeek(week)).toBeUndefined();
    },
  );

  it('parses week 53 of a long year', () => {
    expect(parseIsoWeek('2026-W53')).toEqual({ week: '2026-W53', from: '2026-12-28', through: '2027-01-03' });
  });
});

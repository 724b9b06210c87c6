import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCalendar, type WorkingCalendar } from '../../../../shared/domain/calendar';
import { dateOfDayNumber, requireCalendarDate } from '../../../../shared/domain/calendar/calendar-date';
import {
  CONSULTATION_EPOCH,
  consultationDayOf,
  isConsultationWeek,
} from '../../../../shared/domain/rhythm/consultation-rhythm';
import { isoWeekOf, weekSpanOf } from '../../../../shared/domain/rhythm/iso-week';
import { builtInDate, dateBetween } from '../calendar/arbitraries';

const day = (date: string) => requireCalendarDate(date).dayNumber;
const plus = (date: string, days: number) => dateOfDayNumber(day(date) + days);
const anyDate = dateBetween('1990-01-01', '2199-12-31');
const calendar = builtInCalendar();

describe('the half-monthly rhythm', () => {
  it('holds a consultation in the epoch week and every other week, 14 days apart', () => {
    expect(isConsultationWeek(CONSULTATION_EPOCH)).toBe(true);
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(isConsultationWeek(plus(date, 7))).toBe(!isConsultationWeek(date));
        expect(isConsultationWeek(plus(date, 14))).toBe(isConsultationWeek(date));
      }),
    );
  });

  it('treats every day of a week alike, across year ends with 53 weeks too', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 6 }), (date, offset) => {
        const monday = weekSpanOf(date).from;
        expect(isConsultationWeek(plus(monday, offset))).toBe(isConsultationWeek(monday));
      }),
    );
    // 2026 has 53 ISO weeks: W53 and 2027-W01 still alternate.
    expect(isoWeekOf('2026-12-28')).toBe('2026-W53');
    expect(isConsultationWeek('2026-12-28')).not.toBe(isConsultationWeek('2027-01-04'));
  });

  it("holds it on the week's first working day, the same for every day of the week", () => {
    fc.assert(
      fc.property(
        builtInDate.filter((date) => isConsultationWeek(date) && date >= '2025-01-06'),
        (date) => {
          const held = consultationDayOf(date, calendar);
          if (!held.held) return;
          const span = weekSpanOf(date);
          expect(held.date >= span.from && held.date <= span.through).toBe(true);
          expect(calendar.isWorkingDay(held.date)).toBe(true);
          for (let d = day(span.from); d < day(held.date); d++)
            expect(calendar.isWorkingDay(dateOfDayNumber(d))).toBe(false);
          expect(consultationDayOf(span.through, calendar)).toEqual(held);
        },
      ),
    );
  });

  it('moves past holidays: in National Day week 2026 it is Thursday 8 October', () => {
    expect(consultationDayOf('2026-01-01', calendar)).toEqual({ held: true, date: '2025-12-29' });
    expect(consultationDayOf('2026-10-05', calendar)).toEqual({ held: true, date: '2026-10-08' });
  });

  it('never picks a day of a year the calendar lacks', () => {
    // The week of 2025-01-01 starts on Monday 2024-12-30; 2024 is not loaded.
    expect(consultationDayOf('2025-01-01', calendar)).toEqual({ held: true, date: '2025-01-02' });
  });

  it('holds none in the other weeks, nor in a week without any working day', () => {
    expect(consultationDayOf('2026-01-05', calendar)).toEqual({
      held: false,
      reason: 'not_a_consultation_week',
    });
    const allHoliday = { isWorkingDay: () => false } as unknown as WorkingCalendar;
    expect(consultationDayOf('2026-01-01', allHoliday)).toEqual({ held: false, reason: 'no_working_day' });
  });
});

import { describe, expect, it } from 'vitest';
import { calendarReadiness } from '../../../../shared/domain/calendar';

describe('calendarReadiness', () => {
  it('is quiet before November when the year is loaded', () => {
    expect(calendarReadiness('2026-10-31', [2026, 2025])).toEqual({ yearsLoaded: [2025, 2026] });
  });

  it('asks for next year from 1 November until it is loaded', () => {
    expect(calendarReadiness('2026-11-01', [2025, 2026])).toMatchObject({ nextYearMissing: 2027 });
    expect(calendarReadiness('2026-12-31', [2025, 2026])).toMatchObject({ nextYearMissing: 2027 });
    expect(calendarReadiness('2026-11-01', [2025, 2026, 2027])).not.toHaveProperty('nextYearMissing');
  });

  it('names the date’s own year when it is missing', () => {
    expect(calendarReadiness('2027-01-01', [2025, 2026])).toEqual({
      yearsLoaded: [2025, 2026],
      missingYear: 2027,
    });
  });
});

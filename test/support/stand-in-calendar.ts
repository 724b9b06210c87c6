import { BUILT_IN_YEARS, type CalendarYear } from '../../shared/domain/calendar';

/**
 * Deadlines in handler-level tests are counted from today, and the built-in calendar ends with the
 * last published year. A year the tests need that the program lacks gets a stand-in arrangement
 * (weekends and New Year's Day only), so runs late in a year do not depend on next year's notice.
 */
export const standInYears = (now = new Date()): CalendarYear[] => {
  const thisYear = now.getUTCFullYear();
  const builtIn = new Set(BUILT_IN_YEARS.map((year) => year.year));
  return [thisYear, thisYear + 1]
    .filter((year) => !builtIn.has(year))
    .map((year) => ({
      year,
      notice: `test stand-in for ${year}`,
      holidays: [{ holiday: 'New Year', daysOff: [`${year}-01-01`], makeUpWorkingDays: [] }],
    }));
};

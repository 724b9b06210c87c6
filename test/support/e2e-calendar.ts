import type { CalendarYear } from '../../shared/domain/calendar';
import { apiClient } from './e2e';

/**
 * Deadlines are counted from today, and the built-in calendar ends with the last published year. So
 * that e2e runs late in a year do not depend on next year's State Council notice, a year the server
 * lacks gets a stand-in arrangement (weekends and New Year's Day only), loaded through the API as an
 * operator would.
 */
export const ensureCalendarCovers = async (baseUrl: string, years: number[]): Promise<void> => {
  const api = apiClient(() => baseUrl);
  const token = await api<{ token: string }>('POST', '/_local/token', { body: { role: 'operator' } });
  const auth = { token: token.body.token };
  const loaded = await api<{ items: CalendarYear[] }>('GET', '/calendar/years', auth);
  const present = new Set(loaded.body.items.map((year) => year.year));
  for (const year of years.filter((wanted) => !present.has(wanted))) {
    const body = {
      year,
      notice: `e2e stand-in for ${year}`,
      holidays: [{ holiday: 'New Year', daysOff: [`${year}-01-01`], makeUpWorkingDays: [] }],
    };
    const put = await api('PUT', `/calendar/years/${year}`, { ...auth, body });
    if (put.status !== 201) throw new Error(`loading a stand-in calendar for ${year} answered ${put.status}`);
  }
};

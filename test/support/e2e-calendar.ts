import type { CalendarYear } from '../../shared/domain/calendar';
import { apiClient } from './e2e';
import { standInYears } from './stand-in-calendar';

/** Loads the stand-in years (see standInYears) the server lacks through the API, as an operator would. */
export const ensureCalendarCovers = async (baseUrl: string): Promise<void> => {
  const api = apiClient(() => baseUrl);
  const token = await api<{ token: string }>('POST', '/_local/token', { body: { role: 'operator' } });
  const auth = { token: token.body.token };
  const loaded = await api<{ items: CalendarYear[] }>('GET', '/calendar/years', auth);
  const present = new Set(loaded.body.items.map((year) => year.year));
  for (const body of standInYears().filter((year) => !present.has(year.year))) {
    const put = await api('PUT', `/calendar/years/${body.year}`, { ...auth, body });
    if (put.status !== 201)
      throw new Error(`loading a stand-in calendar for ${body.year} answered ${put.status}`);
  }
};

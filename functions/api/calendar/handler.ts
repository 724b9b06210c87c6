import { calendarRoutes } from '../../../shared/contract/calendar';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import {
  calendarHealth,
  listCalendarYears,
  loadCalendarYear,
} from '../../../shared/usecases/calendar/calendar-years';

export const routes: Implementations<typeof calendarRoutes> = {
  listCalendarYears: async () => ({ body: { items: await listCalendarYears(), nextCursor: null } }),
  putCalendarYear: async ({ principal, params, query, body }) => {
    const { record, created } = await loadCalendarYear({
      pathYear: Number(params.year),
      input: body,
      replace: query.replace ?? false,
      loadedBy: principal.sub,
    });
    return { status: created ? 201 : 200, body: record };
  },
  calendarHealth: async () => ({ body: await calendarHealth() }),
};

export const handler = apiHandler(calendarRoutes, routes);

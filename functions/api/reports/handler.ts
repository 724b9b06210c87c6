import { reportRoutes } from '../../../shared/contract/reports';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { readStats } from '../../../shared/usecases/reports/read-stats';

export const routes: Implementations<typeof reportRoutes> = {
  getStats: async ({ query }) => ({ body: await readStats(query.from, query.to) }),
};

export const handler = apiHandler(reportRoutes, routes);

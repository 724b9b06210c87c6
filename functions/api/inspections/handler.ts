import { inspectionRoutes } from '../../../shared/contract/inspections';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { readInspection } from '../../../shared/usecases/inspections/read-inspection';

export const routes: Implementations<typeof inspectionRoutes> = {
  getInspection: async ({ query }) => ({ body: await readInspection(query) }),
};

export const handler = apiHandler(inspectionRoutes, routes);

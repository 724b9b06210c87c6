import { cadrePoolRoutes } from '../../../shared/contract/cadre-pool';
import { cadreRoutes } from '../../../shared/contract/cadres';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { createCadre } from '../../../shared/usecases/cadres/create-cadre';
import { poolComposition } from '../../../shared/usecases/cadres/pool-composition';
import { listVisibleCadres, readCadre } from '../../../shared/usecases/cadres/read-cadres';
import { updateCadre } from '../../../shared/usecases/cadres/update-cadre';

const areaRoutes = { ...cadreRoutes, ...cadrePoolRoutes };

export const routes: Implementations<typeof areaRoutes> = {
  createCadre: async ({ body, idempotency }) => ({ body: await createCadre(body, idempotency) }),
  listCadres: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleCadres(principal, filter, { limit, cursor }),
  }),
  getCadre: async ({ principal, params }) => ({ body: await readCadre(principal, params.cadreId) }),
  updateCadre: async ({ params, body, expectedVersion }) => ({
    body: await updateCadre(params.cadreId, body, expectedVersion),
  }),
  poolComposition: async () => ({ body: await poolComposition() }),
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

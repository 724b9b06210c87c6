import { visitRoutes } from '../../../shared/contract/visits';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { readGridCoverage } from '../../../shared/usecases/visits/grid-coverage';
import { logVisit } from '../../../shared/usecases/visits/log-visit';
import { readCurrentQuestionnaire, readQuestionnaire } from '../../../shared/usecases/visits/questionnaires';
import { listVisibleVisits, readVisit } from '../../../shared/usecases/visits/read-visits';

export const routes: Implementations<typeof visitRoutes> = {
  currentQuestionnaire: async () => ({ body: readCurrentQuestionnaire() }),
  getQuestionnaire: async ({ params }) => ({ body: readQuestionnaire(params.version) }),
  logVisit: async ({ principal, body, idempotency }) => ({
    body: await logVisit(principal, body, idempotency),
  }),
  listVisits: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleVisits(principal, filter, { limit, cursor }),
  }),
  getVisit: async ({ principal, params }) => ({ body: await readVisit(principal, params.visitId) }),
  gridCoverage: async ({ params, query }) => ({ body: await readGridCoverage(params.gridId, query.year) }),
};

export const handler = apiHandler(visitRoutes, routes, { idempotency: runIdempotently });

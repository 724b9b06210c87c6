import { placementRoutes } from '../../../shared/contract/placements';
import { residencyRoutes } from '../../../shared/contract/residencies';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findEvaluation, listServiceEntries } from '../../../shared/repositories/residencies';
import { pageView } from '../../../shared/usecases/record-view';
import { matchCadres } from '../../../shared/usecases/secondments/match-cadres';
import {
  createPlacement,
  listVisiblePlacements,
  readPlacement,
  recordPlacementOutcomes,
} from '../../../shared/usecases/secondments/placements';
import {
  createResidency,
  endResidency,
  listVisibleResidencies,
  readResidency,
} from '../../../shared/usecases/secondments/residencies';
import { evaluateResidency, logService } from '../../../shared/usecases/secondments/residency-log';
import { evaluationView, serviceEntryView } from '../../../shared/usecases/secondments/secondment-views';

const secondmentRoutes = { ...residencyRoutes, ...placementRoutes };

export const routes: Implementations<typeof secondmentRoutes> = {
  matchCadres: async ({ params, query }) => ({
    body: await matchCadres(params.enterpriseId, query.service ?? [], query.limit),
  }),
  createResidency: async ({ body, idempotency }) => ({ body: await createResidency(body, idempotency) }),
  listResidencies: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleResidencies(principal, filter, { limit, cursor }),
  }),
  getResidency: async ({ principal, params }) => ({
    body: await readResidency(principal, params.residencyId),
  }),
  endResidency: async ({ params, body, expectedVersion }) => ({
    body: await endResidency(params.residencyId, body, expectedVersion),
  }),
  logService: async ({ principal, params, body, idempotency }) => ({
    body: await logService(principal, params.residencyId, body, idempotency),
  }),
  listServices: async ({ principal, params, query }) => {
    await readResidency(principal, params.residencyId);
    return { body: pageView(await listServiceEntries(params.residencyId, query), serviceEntryView) };
  },
  evaluateResidency: async ({ principal, params, body, idempotency }) => ({
    body: await evaluateResidency(principal, params.residencyId, body, idempotency),
  }),
  listEvaluations: async ({ principal, params }) => {
    await readResidency(principal, params.residencyId);
    const evaluation = await findEvaluation(params.residencyId);
    return { body: { items: evaluation ? [evaluationView(evaluation)] : [], nextCursor: null } };
  },
  createPlacement: async ({ body, idempotency }) => ({ body: await createPlacement(body, idempotency) }),
  listPlacements: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisiblePlacements(principal, filter, { limit, cursor }),
  }),
  getPlacement: async ({ principal, params }) => ({
    body: await readPlacement(principal, params.placementId),
  }),
  recordPlacementOutcomes: async ({ principal, params, body, expectedVersion }) => ({
    body: await recordPlacementOutcomes(principal, params.placementId, body, expectedVersion),
  }),
};

export const handler = apiHandler(secondmentRoutes, routes, { idempotency: runIdempotently });

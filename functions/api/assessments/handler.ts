import { assessmentRoutes } from '../../../shared/contract/assessments';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { listAssessments } from '../../../shared/repositories/assessments';
import { assessResidency, readAssessment } from '../../../shared/usecases/assessments/assess-residency';
import { assessmentView } from '../../../shared/usecases/assessments/assessment-view';
import { excellentQuotas } from '../../../shared/usecases/assessments/excellent-quotas';
import { pageView } from '../../../shared/usecases/record-view';

export const routes: Implementations<typeof assessmentRoutes> = {
  assessResidency: async ({ principal, params, body, idempotency }) => ({
    body: await assessResidency(principal, params.residencyId, body, idempotency),
  }),
  getAssessment: async ({ params }) => ({ body: await readAssessment(params.residencyId) }),
  listAssessments: async ({ query: { limit, cursor, ...filter } }) => ({
    body: pageView(await listAssessments(filter, { limit, cursor }), assessmentView),
  }),
  excellentQuotas: async ({ params, query }) => ({ body: await excellentQuotas(params.year, query.unitId) }),
};

export const handler = apiHandler(assessmentRoutes, routes, { idempotency: runIdempotently });

import { consultationRoutes } from '../../../shared/contract/consultations';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { createConsultation } from '../../../shared/usecases/consultations/create-consultation';
import { decideOnIssue } from '../../../shared/usecases/consultations/decide-on-issue';
import { updateConsultation } from '../../../shared/usecases/consultations/update-consultation';

export const routes: Implementations<typeof consultationRoutes> = {
  createConsultation: async ({ body, idempotency }) => ({
    body: await createConsultation(body, idempotency),
  }),
  decide: async ({ principal, params, body }) => ({
    body: await decideOnIssue(principal, params.consultationId, body),
  }),
  updateConsultation: async ({ principal, params, body, expectedVersion }) => ({
    body: await updateConsultation(principal, params.consultationId, body, expectedVersion),
  }),
};

export const handler = apiHandler(consultationRoutes, routes, { idempotency: runIdempotently });

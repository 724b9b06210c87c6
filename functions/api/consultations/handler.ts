import { consultationRoutes } from '../../../shared/contract/consultations';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { createConsultation } from '../../../shared/usecases/consultations/create-consultation';
import { decideOnIssue } from '../../../shared/usecases/consultations/decide-on-issue';
import { readConsultation } from '../../../shared/usecases/consultations/read-consultation';
import {
  listVisibleDispatchOrders,
  readDispatchOrder,
} from '../../../shared/usecases/dispatch-orders/read-dispatch-orders';

export const routes: Implementations<typeof consultationRoutes> = {
  createConsultation: async ({ body, idempotency }) => ({
    body: await createConsultation(body, idempotency),
  }),
  getConsultation: async ({ params }) => ({ body: await readConsultation(params.consultationId) }),
  decide: async ({ principal, params, body }) => ({
    body: await decideOnIssue(principal, params.consultationId, body),
  }),
  listDispatchOrders: async ({ principal, query }) => ({
    body: await listVisibleDispatchOrders(principal, query),
  }),
  getDispatchOrder: async ({ principal, params }) => ({
    body: await readDispatchOrder(principal, params.dispatchOrderId),
  }),
};

export const handler = apiHandler(consultationRoutes, routes, { idempotency: runIdempotently });

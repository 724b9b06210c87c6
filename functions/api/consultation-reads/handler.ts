import { consultationReadRoutes } from '../../../shared/contract/consultation-reads';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { listConsultations } from '../../../shared/usecases/consultations/list-consultations';
import { readConsultation } from '../../../shared/usecases/consultations/read-consultation';
import {
  listVisibleDispatchOrders,
  readDispatchOrder,
} from '../../../shared/usecases/dispatch-orders/read-dispatch-orders';

export const routes: Implementations<typeof consultationReadRoutes> = {
  listConsultations: async ({ query: { from, to, limit, cursor } }) => ({
    body: await listConsultations({ from, to }, { limit, cursor }),
  }),
  getConsultation: async ({ params }) => ({ body: await readConsultation(params.consultationId) }),
  listDispatchOrders: async ({ principal, query }) => ({
    body: await listVisibleDispatchOrders(principal, query),
  }),
  getDispatchOrder: async ({ principal, params }) => ({
    body: await readDispatchOrder(principal, params.dispatchOrderId),
  }),
};

export const handler = apiHandler(consultationReadRoutes, routes);

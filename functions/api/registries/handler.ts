import { registryRoutes } from '../../../shared/contract/registries';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { listExperts } from '../../../shared/repositories/experts';
import { listTrainings } from '../../../shared/repositories/trainings';
import { pageView } from '../../../shared/usecases/record-view';
import {
  createCase,
  decideCase,
  listVisibleCases,
  readCase,
} from '../../../shared/usecases/registries/accountability-cases';
import {
  createEngagement,
  createExpert,
  readEngagements,
  readExpert,
  updateExpert,
} from '../../../shared/usecases/registries/experts';
import { createPromotion, readPromotions } from '../../../shared/usecases/registries/promotions';
import { expertView, trainingView } from '../../../shared/usecases/registries/registry-views';
import {
  createTraining,
  readAttendance,
  readTraining,
  recordAttendance,
} from '../../../shared/usecases/registries/trainings';

export const routes: Implementations<typeof registryRoutes> = {
  createExpert: async ({ body, idempotency }) => ({ body: await createExpert(body, idempotency) }),
  listExperts: async ({ query: { limit, cursor, ...filter } }) => ({
    body: pageView(await listExperts(filter, { limit, cursor }), expertView),
  }),
  getExpert: async ({ params }) => ({ body: await readExpert(params.expertId) }),
  updateExpert: async ({ params, body, expectedVersion }) => ({
    body: await updateExpert(params.expertId, body, expectedVersion),
  }),
  createEngagement: async ({ params, body, idempotency }) => ({
    body: await createEngagement(params.expertId, body, idempotency),
  }),
  listEngagements: async ({ params, query }) => ({ body: await readEngagements(params.expertId, query) }),
  createTraining: async ({ body, idempotency }) => ({ body: await createTraining(body, idempotency) }),
  listTrainings: async ({ query: { limit, cursor, ...filter } }) => ({
    body: pageView(await listTrainings(filter, { limit, cursor }), trainingView),
  }),
  getTraining: async ({ params }) => ({ body: await readTraining(params.trainingId) }),
  recordAttendance: async ({ params, body, idempotency }) => ({
    body: await recordAttendance(params.trainingId, body, idempotency),
  }),
  listAttendance: async ({ params, query }) => ({ body: await readAttendance(params.trainingId, query) }),
  createCase: async ({ body, idempotency }) => ({ body: await createCase(body, idempotency) }),
  listCases: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleCases(principal, filter, { limit, cursor }),
  }),
  getCase: async ({ principal, params }) => ({ body: await readCase(principal, params.caseId) }),
  decideCase: async ({ principal, params, body, expectedVersion }) => ({
    body: await decideCase(principal, params.caseId, body, expectedVersion),
  }),
  createPromotion: async ({ params, body, idempotency }) => ({
    body: await createPromotion(params.cadreId, body, idempotency),
  }),
  listPromotions: async ({ principal, params, query }) => ({
    body: await readPromotions(principal, params.cadreId, query),
  }),
};

export const handler = apiHandler(registryRoutes, routes, { idempotency: runIdempotently });

import { agencyCaseRoutes } from '../../../shared/contract/agency-cases';
import { enterpriseRoutes } from '../../../shared/contract/enterprises';
import { keyEnterpriseRoutes } from '../../../shared/contract/key-enterprises';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import {
  agencyCaseLedger,
  moveAgencyStep,
  openAgencyCase,
  readAgencyCase,
  readAgencyCases,
  readAgencySteps,
} from '../../../shared/usecases/enterprises/agency-cases';
import { createEnterprise } from '../../../shared/usecases/enterprises/create-enterprise';
import {
  createPlanItem,
  designateKeyEnterprise,
  readKeyEnterprise,
  readKeyEnterprises,
  recordListingMilestone,
  reportPlanProgress,
  updateKeyEnterprise,
} from '../../../shared/usecases/enterprises/key-enterprises';
import {
  listVisibleEnterprises,
  readEnterprise,
} from '../../../shared/usecases/enterprises/read-enterprises';
import { updateEnterprise } from '../../../shared/usecases/enterprises/update-enterprise';

const areaRoutes = { ...enterpriseRoutes, ...keyEnterpriseRoutes, ...agencyCaseRoutes };

export const routes: Implementations<typeof areaRoutes> = {
  createEnterprise: async ({ body, idempotency }) => ({ body: await createEnterprise(body, idempotency) }),
  listEnterprises: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleEnterprises(principal, filter, { limit, cursor }),
  }),
  getEnterprise: async ({ principal, params }) => ({
    body: await readEnterprise(principal, params.enterpriseId),
  }),
  updateEnterprise: async ({ params, body, expectedVersion }) => ({
    body: await updateEnterprise(params.enterpriseId, body, expectedVersion),
  }),
  designateKeyEnterprise: async ({ principal, body, idempotency }) => ({
    body: await designateKeyEnterprise(principal, body, idempotency),
  }),
  listKeyEnterprises: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await readKeyEnterprises(principal, filter, { limit, cursor }),
  }),
  getKeyEnterprise: async ({ principal, params }) => ({
    body: await readKeyEnterprise(principal, params.enterpriseId),
  }),
  updateKeyEnterprise: async ({ params, body, expectedVersion }) => ({
    body: await updateKeyEnterprise(params.enterpriseId, body, expectedVersion),
  }),
  createPlanItem: async ({ params, body, idempotency }) => ({
    body: await createPlanItem(params.enterpriseId, body, idempotency),
  }),
  reportPlanProgress: async ({ principal, params, body, expectedVersion }) => ({
    body: await reportPlanProgress(principal, params.enterpriseId, params.itemId, body, expectedVersion),
  }),
  recordListingMilestone: async ({ principal, params, body, idempotency }) => ({
    body: await recordListingMilestone(principal, params.enterpriseId, body, idempotency),
  }),
  openAgencyCase: async ({ principal, params, body, idempotency }) => ({
    body: await openAgencyCase(principal, params.enterpriseId, body, idempotency),
  }),
  listAgencyCases: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await readAgencyCases(principal, filter, { limit, cursor }),
  }),
  getAgencyCase: async ({ principal, params }) => ({
    body: await readAgencyCase(principal, params.agencyCaseId),
  }),
  moveAgencyStep: async ({ principal, params, body, expectedVersion }) => ({
    body: await moveAgencyStep(principal, params.agencyCaseId, params.stepId, body, expectedVersion),
  }),
  agencyCaseLedger: async ({ principal, params }) => ({
    body: await agencyCaseLedger(principal, params.agencyCaseId),
  }),
  listAgencySteps: async ({ principal, query: { limit, cursor, unitId } }) => ({
    body: await readAgencySteps(principal, unitId, { limit, cursor }),
  }),
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

import { enterpriseRoutes } from '../../../shared/contract/enterprises';
import { keyEnterpriseRoutes } from '../../../shared/contract/key-enterprises';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
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

const areaRoutes = { ...enterpriseRoutes, ...keyEnterpriseRoutes };

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
  listKeyEnterprises: async ({ query: { limit, cursor, ...filter } }) => ({
    body: await readKeyEnterprises(filter, { limit, cursor }),
  }),
  getKeyEnterprise: async ({ params }) => ({ body: await readKeyEnterprise(params.enterpriseId) }),
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
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

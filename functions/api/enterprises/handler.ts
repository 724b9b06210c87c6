import { enterpriseRoutes } from '../../../shared/contract/enterprises';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { createEnterprise } from '../../../shared/usecases/enterprises/create-enterprise';
import {
  listVisibleEnterprises,
  readEnterprise,
} from '../../../shared/usecases/enterprises/read-enterprises';
import { updateEnterprise } from '../../../shared/usecases/enterprises/update-enterprise';

export const routes: Implementations<typeof enterpriseRoutes> = {
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
};

export const handler = apiHandler(enterpriseRoutes, routes, { idempotency: runIdempotently });

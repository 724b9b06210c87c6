import { unitRoutes } from '../../../shared/contract/units';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { notFound } from '../../../shared/http/errors';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findUnit, listUnits } from '../../../shared/repositories/units';
import { createUnit } from '../../../shared/usecases/units/create-unit';

export const routes: Implementations<typeof unitRoutes> = {
  createUnit: ({ body, idempotency }) => createUnit(body, idempotency),
  listUnits: async ({ query }) => ({ body: await listUnits(query) }),
  getUnit: async ({ params }) => {
    const unit = await findUnit(params.unitId);
    if (!unit) throw notFound('The unit');
    return { body: unit };
  },
};

export const handler = apiHandler(unitRoutes, routes, { idempotency: runIdempotently });

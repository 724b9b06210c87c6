import { unitRoutes } from '../../../shared/contract/units';
import { NotFound } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findUnit, listUnits } from '../../../shared/repositories/units';
import { createUnit } from '../../../shared/usecases/units/create-unit';

export const routes: Implementations<typeof unitRoutes> = {
  createUnit: async ({ body, idempotency }) => ({ body: await createUnit(body, idempotency) }),
  listUnits: async ({ query }) => ({ body: await listUnits(query) }),
  getUnit: async ({ params }) => {
    const unit = await findUnit(params.unitId);
    if (!unit) throw new NotFound('The unit');
    return { body: unit };
  },
};

export const handler = apiHandler(unitRoutes, routes, { idempotency: runIdempotently });

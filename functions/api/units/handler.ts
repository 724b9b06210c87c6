import { unitRoutes } from '../../../shared/contract/units';
import { NotFound } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findUnit, listUnits } from '../../../shared/repositories/units';
import { pageView } from '../../../shared/usecases/record-view';
import { createUnit } from '../../../shared/usecases/units/create-unit';
import { unitView } from '../../../shared/usecases/units/unit-view';

export const routes: Implementations<typeof unitRoutes> = {
  createUnit: async ({ body, idempotency }) => ({ body: await createUnit(body, idempotency) }),
  listUnits: async ({ query }) => ({ body: pageView(await listUnits(query), unitView) }),
  getUnit: async ({ params }) => {
    const unit = await findUnit(params.unitId);
    if (!unit) throw new NotFound('The unit');
    return { body: unitView(unit) };
  },
};

export const handler = apiHandler(unitRoutes, routes, { idempotency: runIdempotently });

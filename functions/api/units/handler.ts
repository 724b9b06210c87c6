import { categoryRoutes } from '../../../shared/contract/categories';
import { unitRoutes } from '../../../shared/contract/units';
import { NotFound } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findUnit, listUnits } from '../../../shared/repositories/units';
import { categoryView } from '../../../shared/usecases/categories/category-view';
import { listCategoryViews } from '../../../shared/usecases/categories/list-categories';
import { putCategory } from '../../../shared/usecases/categories/put-category';
import { pageView } from '../../../shared/usecases/record-view';
import { createUnit } from '../../../shared/usecases/units/create-unit';
import { unitView } from '../../../shared/usecases/units/unit-view';

/** Master data of the organisation: units, and the problem taxonomy that names a unit per category. */
const areaRoutes = { ...unitRoutes, ...categoryRoutes };

export const routes: Implementations<typeof areaRoutes> = {
  createUnit: async ({ body, idempotency }) => ({ body: await createUnit(body, idempotency) }),
  listUnits: async ({ query }) => ({ body: pageView(await listUnits(query), unitView) }),
  getUnit: async ({ params }) => {
    const unit = await findUnit(params.unitId);
    if (!unit) throw new NotFound('The unit');
    return { body: unitView(unit) };
  },
  listCategories: async () => ({ body: await listCategoryViews() }),
  putCategory: async ({ principal, params, body, expectedVersion }) => {
    const { record, created } = await putCategory(principal, params.code, body, expectedVersion);
    return { status: created ? 201 : 200, body: categoryView(record) };
  },
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

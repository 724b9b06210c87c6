import { gridRoutes } from '../../../shared/contract/grids';
import { NotFound } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findGrid, listGrids, listTeams } from '../../../shared/repositories/grids';
import { createGrid } from '../../../shared/usecases/grids/create-grid';
import { createTeam } from '../../../shared/usecases/grids/create-team';
import { gridView, teamView } from '../../../shared/usecases/grids/grid-views';
import { pageView } from '../../../shared/usecases/record-view';

const existingGrid = async (gridId: string) => {
  const grid = await findGrid(gridId);
  if (!grid) throw new NotFound('The grid');
  return grid;
};

export const routes: Implementations<typeof gridRoutes> = {
  createGrid: async ({ body, idempotency }) => ({ body: await createGrid(body, idempotency) }),
  listGrids: async ({ query }) => ({ body: pageView(await listGrids(query), gridView) }),
  getGrid: async ({ params }) => ({ body: gridView(await existingGrid(params.gridId)) }),
  createTeam: async ({ params, body, idempotency }) => ({
    body: await createTeam(params.gridId, body, idempotency),
  }),
  // An unknown grid is 404 rather than an empty list, so a mistyped id does not look like "no teams".
  listTeams: async ({ params, query }) => {
    await existingGrid(params.gridId);
    return { body: pageView(await listTeams(params.gridId, query), teamView) };
  },
};

export const handler = apiHandler(gridRoutes, routes, { idempotency: runIdempotently });

import { gridStaffingRoutes } from '../../../shared/contract/grid-staffing';
import { gridRoutes } from '../../../shared/contract/grids';
import { NotFound } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { findGrid, listGrids, listTeams } from '../../../shared/repositories/grids';
import { createGrid } from '../../../shared/usecases/grids/create-grid';
import { createTeam } from '../../../shared/usecases/grids/create-team';
import { editTeam, readTeam, teamHistory } from '../../../shared/usecases/grids/edit-team';
import { unitStaffing, unplacedCadres } from '../../../shared/usecases/grids/grid-staffing';
import { gridView, teamView } from '../../../shared/usecases/grids/grid-views';
import { pageView } from '../../../shared/usecases/record-view';

const existingGrid = async (gridId: string) => {
  const grid = await findGrid(gridId);
  if (!grid) throw new NotFound('The grid');
  return grid;
};

const areaRoutes = { ...gridRoutes, ...gridStaffingRoutes };

export const routes: Implementations<typeof areaRoutes> = {
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
  getTeam: async ({ params }) => ({ body: await readTeam(params.gridId, params.teamId) }),
  editTeam: async ({ principal, params, body, expectedVersion }) => ({
    body: await editTeam(principal, params.gridId, params.teamId, body, expectedVersion),
  }),
  teamHistory: async ({ params }) => ({ body: await teamHistory(params.gridId, params.teamId) }),
  unitStaffing: async ({ principal, params }) => ({ body: await unitStaffing(principal, params.unitId) }),
  unplacedCadres: async ({ principal, query }) => ({ body: await unplacedCadres(principal, query.unitId) }),
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

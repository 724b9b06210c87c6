import { scoringRoutes } from '../../../shared/contract/scoring';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { putPartyPoints, readPartyPoints } from '../../../shared/usecases/scoring/party-points';
import { readRanking } from '../../../shared/usecases/scoring/read-ranking';

export const routes: Implementations<typeof scoringRoutes> = {
  putPartyPoints: ({ principal, params, body, expectedVersion }) =>
    putPartyPoints(principal, params.unitId, params.quarter, body.points, expectedVersion),
  getPartyPoints: async ({ params }) => ({ body: await readPartyPoints(params.unitId, params.quarter) }),
  getRanking: async ({ params }) => ({ body: await readRanking(params.quarter) }),
};

export const handler = apiHandler(scoringRoutes, routes);

import { scoringRoutes } from '../../../shared/contract/scoring';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { putPartyPoints, readPartyPoints } from '../../../shared/usecases/scoring/party-points';
import { readRanking } from '../../../shared/usecases/scoring/read-ranking';

export const routes: Implementations<typeof scoringRoutes> = {
  putPartyPoints: async ({ principal, params, body, expectedVersion }) => {
    const { record, created } = await putPartyPoints(
      principal,
      params.unitId,
      params.quarter,
      body.points,
      expectedVersion,
    );
    return { status: created ? 201 : 200, body: record };
  },
  getPartyPoints: async ({ params }) => ({ body: await readPartyPoints(params.unitId, params.quarter) }),
  getRanking: async ({ params }) => ({ body: await readRanking(params.quarter) }),
};

export const handler = apiHandler(scoringRoutes, routes);

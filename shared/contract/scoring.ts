import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id } from './common';

/** A scoring period: `2026Q4`. */
export const quarter = z.string().check(z.regex(/^\d{4}Q[1-4]$/));

const partyPointsParams = z.strictObject({ unitId: id, quarter });

export const partyPointsBody = z.strictObject({ points: z.number().check(z.minimum(0), z.maximum(100)) });

export const partyPointsRecord = z.object({
  unitId: z.string(),
  quarter: z.string(),
  points: z.number(),
  updatedBy: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const rankingRow = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  score: z.number(),
  enterpriseEvaluation: z.number(),
  supervisionFeedback: z.number(),
  partyPoints: z.number(),
  workload: z.number(),
  /** The numbers behind the row (counts, own rates, program means, shrinkage) and a sentence saying it. */
  explanation: z.looseObject({ text: z.string() }),
});

export const rankingReport = z.looseObject({
  quarter: z.string(),
  revision: z.number(),
  asOf: z.string(),
  computedAt: z.string(),
  weights: z.object({
    enterpriseEvaluation: z.number(),
    supervisionFeedback: z.number(),
    partyPoints: z.number(),
  }),
  priorStrength: z.number(),
  programMeans: z.object({ enterpriseEvaluation: z.number(), penaltyPerIssue: z.number() }),
  unreasonableIssues: z.number(),
  towns: z.array(rankingRow),
  class1: z.array(rankingRow),
  class2: z.array(rankingRow),
});

export const scoringRoutes = {
  putPartyPoints: defineRoute({
    method: 'PUT',
    path: '/units/{unitId}/party-points/{quarter}',
    area: 'scoring',
    summary:
      'Record a unit’s party-building points (0–100) for a quarter: without If-Match only the first time, then with the version read',
    roles: ['operator', 'admin'],
    params: partyPointsParams,
    body: partyPointsBody,
    response: partyPointsRecord,
    ifMatch: 'optional',
  }),
  getPartyPoints: defineRoute({
    method: 'GET',
    path: '/units/{unitId}/party-points/{quarter}',
    area: 'scoring',
    summary: 'A unit’s party-building points for a quarter, with the version to send as If-Match',
    roles: ['operator', 'leader', 'admin'],
    params: partyPointsParams,
    response: partyPointsRecord,
  }),
  getRanking: defineRoute({
    method: 'GET',
    path: '/rankings/{quarter}',
    area: 'scoring',
    summary: 'The quarter’s published rankings of towns, class-1 and class-2 departments, each row explained',
    roles: ['operator', 'leader', 'admin'],
    params: z.strictObject({ quarter }),
    response: rankingReport,
  }),
};

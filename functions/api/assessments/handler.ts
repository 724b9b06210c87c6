import { appraisalRoutes } from '../../../shared/contract/appraisals';
import { assessmentRoutes } from '../../../shared/contract/assessments';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { listGrades } from '../../../shared/repositories/appraisal-grades';
import { listAssessments } from '../../../shared/repositories/assessments';
import { fileAnnualReport, readAnnualReport } from '../../../shared/usecases/appraisals/annual-reports';
import { gradeView } from '../../../shared/usecases/appraisals/appraisal-views';
import {
  approveGrade,
  giveLeaderOpinion,
  gradeCadre,
  gradeLedger,
  readGrade,
} from '../../../shared/usecases/appraisals/grades';
import {
  castBallot,
  closeReviewRound,
  createReviewRound,
  listReviewRounds,
  readReviewRound,
  reviewsOfResidency,
} from '../../../shared/usecases/appraisals/review-rounds';
import { assessResidency, readAssessment } from '../../../shared/usecases/assessments/assess-residency';
import { assessmentView } from '../../../shared/usecases/assessments/assessment-view';
import { excellentQuotas } from '../../../shared/usecases/assessments/excellent-quotas';
import { pageView } from '../../../shared/usecases/record-view';

const areaRoutes = { ...assessmentRoutes, ...appraisalRoutes };

export const routes: Implementations<typeof areaRoutes> = {
  assessResidency: async ({ principal, params, body, idempotency }) => ({
    body: await assessResidency(principal, params.residencyId, body, idempotency),
  }),
  getAssessment: async ({ params }) => {
    const assessment = await readAssessment(params.residencyId);
    return { body: { ...assessment, democraticReview: await reviewsOfResidency(params.residencyId) } };
  },
  listAssessments: async ({ query: { limit, cursor, ...filter } }) => ({
    body: pageView(await listAssessments(filter, { limit, cursor }), assessmentView),
  }),
  excellentQuotas: async ({ params, query }) => ({ body: await excellentQuotas(params.year, query.unitId) }),
  gradeCadre: async ({ principal, params, body, idempotency }) => ({
    body: await gradeCadre(principal, params.year, body, idempotency),
  }),
  listGrades: async ({ params, query: { limit, cursor, unitId } }) => ({
    body: pageView(await listGrades({ year: params.year, unitId }, { limit, cursor }), gradeView),
  }),
  getGrade: async ({ params }) => ({ body: await readGrade(params.year, params.cadreId) }),
  giveLeaderOpinion: async ({ principal, params, body, expectedVersion }) => ({
    body: await giveLeaderOpinion(principal, params.year, params.cadreId, body, expectedVersion),
  }),
  approveGrade: async ({ principal, params, body, expectedVersion }) => ({
    body: await approveGrade(principal, params.year, params.cadreId, body, expectedVersion),
  }),
  gradeLedger: async ({ params }) => ({ body: await gradeLedger(params.year, params.cadreId) }),
  createReviewRound: async ({ params, body, idempotency }) => ({
    body: await createReviewRound(params.batch, body, idempotency),
  }),
  listReviewRounds: async ({ params, query }) => ({ body: await listReviewRounds(params.batch, query) }),
  getReviewRound: async ({ params }) => ({ body: await readReviewRound(params.roundId) }),
  castBallot: async ({ principal, params, body, idempotency }) => ({
    body: await castBallot(principal, params.roundId, body, idempotency),
  }),
  closeReviewRound: async ({ params, expectedVersion }) => ({
    body: await closeReviewRound(params.roundId, expectedVersion),
  }),
  fileAnnualReport: async ({ principal, params, body, idempotency }) => ({
    body: await fileAnnualReport(principal, params.cadreId, body, idempotency),
  }),
  getAnnualReport: async ({ principal, params }) => ({
    body: await readAnnualReport(principal, params.cadreId, params.year),
  }),
};

export const handler = apiHandler(areaRoutes, routes, { idempotency: runIdempotently });

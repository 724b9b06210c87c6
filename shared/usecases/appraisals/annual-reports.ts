import type { AnnualReport, CreateAnnualReportBody } from '../../contract/appraisals';
import type { IdempotencyToken } from '../../db/creation-guard';
import { composeResidencySection, overlapsYear } from '../../domain/appraisal/residency-section';
import { canSeeCadre } from '../../domain/cadre-visibility';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller, Viewer } from '../../domain/viewer';
import { findAnnualReport, insertAnnualReport } from '../../repositories/annual-reports';
import { findAssessment } from '../../repositories/assessments';
import { findCadre } from '../../repositories/cadres';
import { findEnterprise } from '../../repositories/enterprises';
import type { AnnualReportRecord } from '../../repositories/records/appraisals';
import type { ResidencyRecord } from '../../repositories/records/residencies';
import { allResidenciesOf, allServiceEntriesOf, findEvaluation } from '../../repositories/residencies';
import { actorOf } from './actor';
import { annualReportView } from './appraisal-views';
import { reviewsOfCadre } from './review-rounds';

const visibleCadre = async (viewer: Viewer, cadreId: string) => {
  const cadre = await findCadre(cadreId);
  if (!cadre || !canSeeCadre(viewer, cadre)) throw new NotFound('The cadre');
  return cadre;
};

/** The records of one residency as the section reads them; the latest review round with votes counts. */
const factsOf = async (residency: ResidencyRecord) => {
  const [enterprise, services, evaluation, assessment, reviews] = await Promise.all([
    findEnterprise(residency.enterpriseId),
    allServiceEntriesOf(residency.id),
    findEvaluation(residency.id),
    findAssessment(residency.id),
    reviewsOfCadre(residency.batch, residency.cadreId),
  ]);
  const review = reviews.filter((round) => round.tally.votes > 0).at(-1)?.tally ?? null;
  return {
    residencyId: residency.id,
    enterpriseId: residency.enterpriseId,
    enterpriseName: enterprise?.name ?? residency.enterpriseId,
    batch: residency.batch,
    startDate: residency.startDate,
    endDate: residency.endedOn ?? residency.endDate,
    status: residency.status,
    services,
    evaluation: evaluation ? { fitScore: evaluation.fitScore, serviceScore: evaluation.serviceScore } : null,
    assessment: assessment
      ? { conclusion: assessment.conclusion, headScore: assessment.headEvaluation.score }
      : null,
    review,
  };
};

/**
 * Files a cadre's annual report (述职) for a year: the cadre's own text, and the residency section the
 * server writes from the records of every residency that touches the year (a snapshot: later records
 * do not change a filed report). A cadre files its own; the office may file for any cadre.
 */
export const fileAnnualReport = async (
  caller: Caller,
  cadreId: string,
  input: CreateAnnualReportBody,
  idempotency?: IdempotencyToken,
): Promise<AnnualReport> => {
  const cadre = await visibleCadre(caller, cadreId);
  const residencies = (await allResidenciesOf(cadreId)).filter((residency) =>
    overlapsYear(residency.startDate, residency.endedOn ?? residency.endDate, input.year),
  );
  const facts = await Promise.all(residencies.map(factsOf));
  const at = nowIso();
  const report: AnnualReportRecord = {
    id: newId(),
    cadreId,
    unitId: cadre.unitId,
    year: input.year,
    summary: input.summary,
    residencySection: facts.map((fact) => composeResidencySection(input.year, fact)),
    filedBy: actorOf(caller, ['cadre', 'operator', 'admin']),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = annualReportView(report);
  await insertAnnualReport(report, idempotency?.guard(view));
  return view;
};

export const readAnnualReport = async (
  viewer: Viewer,
  cadreId: string,
  year: string,
): Promise<AnnualReport> => {
  await visibleCadre(viewer, cadreId);
  const report = await findAnnualReport(cadreId, year);
  if (!report) throw new NotFound('The annual report');
  return annualReportView(report);
};

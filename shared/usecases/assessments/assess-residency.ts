import type { Assessment, CreateAssessmentBody, PastRecord } from '../../contract/assessments';
import type { IdempotencyToken } from '../../db/creation-guard';
import { composeEnterpriseFeedback } from '../../domain/assessment-feedback';
import { programDateOf } from '../../domain/calendar/program-date';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { allCasesOf } from '../../repositories/accountability-cases';
import { alreadyAssessed, findAssessment, insertAssessment } from '../../repositories/assessments';
import { findCadre } from '../../repositories/cadres';
import { listResidentIssues } from '../../repositories/issue-lists';
import { allPromotionsOf } from '../../repositories/promotions';
import type { AssessmentRecord } from '../../repositories/records/assessments';
import type { ResidencyRecord } from '../../repositories/records/residencies';
import {
  allResidenciesOf,
  allServiceEntriesOf,
  findEvaluation,
  findResidency,
} from '../../repositories/residencies';
import { assessmentView } from './assessment-view';

/** The last day of the residency's window: its end if it ended, else the earlier of planned end and today. */
export const windowEnd = (residency: ResidencyRecord, today: string): string =>
  residency.endedOn ?? ([residency.endDate, today].sort()[0] as string);

const composePastRecord = async (residency: ResidencyRecord): Promise<PastRecord> => {
  const [promotions, cases, residencies] = await Promise.all([
    allPromotionsOf(residency.cadreId),
    allCasesOf(residency.cadreId),
    allResidenciesOf(residency.cadreId),
  ]);
  const others = residencies.filter((other) => other.id !== residency.id);
  const assessments = await Promise.all(others.map((other) => findAssessment(other.id)));
  return {
    promotions: promotions.map(({ id, date, fromRank, toRank }) => ({ id, date, fromRank, toRank })),
    accountabilityCases: cases.map(({ id, kind, date, situationCodes, status, decision }) => ({
      id,
      kind,
      date,
      situationCodes,
      status,
      decision,
    })),
    earlierResidencies: others.map((other, i) => {
      const conclusion = assessments[i]?.conclusion;
      return {
        id: other.id,
        enterpriseId: other.enterpriseId,
        batch: other.batch,
        startDate: other.startDate,
        endDate: other.endedOn ?? other.endDate,
        status: other.status,
        assessed: assessments[i] !== undefined,
        ...(conclusion === undefined ? {} : { conclusion }),
      };
    }),
  };
};

/**
 * Assesses a residency (专项考察): the operator's entries plus what the server composes from the
 * records as they stand now — the enterprise feedback and the cadre's past record. One assessment per
 * residency: the item's key is the residency's, so a second (however raced) is 409 ALREADY_ASSESSED.
 */
export const assessResidency = async (
  caller: Caller,
  residencyId: string,
  input: CreateAssessmentBody,
  idempotency?: IdempotencyToken,
): Promise<Assessment> => {
  const residency = await findResidency(residencyId);
  if (!residency) throw new NotFound('The residency');
  if (await findAssessment(residencyId)) throw alreadyAssessed();
  const at = nowIso();
  const [cadre, services, evaluation, issues, pastRecord] = await Promise.all([
    findCadre(residency.cadreId),
    allServiceEntriesOf(residencyId),
    findEvaluation(residencyId),
    listResidentIssues(residency.enterpriseId, residency.startDate, windowEnd(residency, programDateOf(at))),
    composePastRecord(residency),
  ]);
  if (!cadre) throw new NotFound('The cadre');
  const assessment: AssessmentRecord = {
    id: newId(),
    residencyId,
    cadreId: residency.cadreId,
    enterpriseId: residency.enterpriseId,
    unitId: cadre.unitId,
    batch: residency.batch,
    year: residency.batch.slice(0, 4),
    ...input,
    enterpriseFeedback: composeEnterpriseFeedback({
      services,
      evaluations: evaluation ? [evaluation] : [],
      issues,
    }),
    pastRecord,
    assessedBy: {
      sub: caller.sub,
      role: caller.roles.find((role) => role === 'operator' || role === 'admin') ?? 'operator',
    },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = assessmentView(assessment);
  await insertAssessment(assessment, idempotency?.guard(view));
  return view;
};

export const readAssessment = async (residencyId: string): Promise<Assessment> => {
  const assessment = await findAssessment(residencyId);
  if (!assessment) throw new NotFound('The assessment');
  return assessmentView(assessment);
};

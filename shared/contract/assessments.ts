import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { democraticReview } from './appraisals';
import { id, pageOf, pageQuery, recordMeta, text } from './common';

/**
 * Cadre assessment (专项考察) of a residency and the annual appraisal's excellent quota
 * (docs/assessments.md). The operator enters the enterprise head's evaluation, the cadre's summary
 * and a conclusion; the server composes the enterprise feedback and the past record.
 */

export const ASSESSMENT_CONCLUSIONS = [
  'excellent',
  'competent',
  'basically_competent',
  'incompetent',
] as const;

const year = z.string().check(z.regex(/^\d{4}$/, { message: 'A year, e.g. 2026' }));

export const createAssessmentBody = z.strictObject({
  /** The host enterprise head's evaluation of the cadre: 1 (poor) to 5 (excellent). */
  headEvaluation: z.strictObject({
    score: z.int().check(z.minimum(1), z.maximum(5)),
    comment: text(2000),
  }),
  /** The cadre's own summary of the residency. */
  selfSummary: text(8000),
  conclusion: z.optional(z.enum(ASSESSMENT_CONCLUSIONS)),
});
export type CreateAssessmentBody = z.output<typeof createAssessmentBody>;

const nullableNumber = z.nullable(z.number());

/** Composed by the server from the residency's records when the assessment is made; never client-set. */
export const enterpriseFeedback = z.object({
  serviceEntries: z.number(),
  fundsFen: z.number(),
  evaluations: z.number(),
  averageFitScore: nullableNumber,
  averageServiceScore: nullableNumber,
  /** Issues of the enterprise raised with source `resident` in the residency window. */
  issuesCoordinated: z.object({
    count: z.number(),
    closed: z.number(),
    satisfied: z.number(),
    issueIds: z.array(z.string()),
  }),
});
export type EnterpriseFeedback = z.output<typeof enterpriseFeedback>;

export const pastRecord = z.object({
  promotions: z.array(
    z.object({ id: z.string(), date: z.string(), fromRank: z.string(), toRank: z.string() }),
  ),
  accountabilityCases: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      date: z.string(),
      situationCodes: z.array(z.string()),
      status: z.string(),
      decision: z.nullable(z.string()),
    }),
  ),
  /** The cadre's other residencies, with their assessment conclusion where one was made. */
  earlierResidencies: z.array(
    z.object({
      id: z.string(),
      enterpriseId: z.string(),
      batch: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      status: z.string(),
      assessed: z.boolean(),
      conclusion: z.optional(z.string()),
    }),
  ),
});
export type PastRecord = z.output<typeof pastRecord>;

export const assessmentRecord = z.object({
  ...recordMeta,
  ...createAssessmentBody.def.shape,
  residencyId: z.string(),
  cadreId: z.string(),
  enterpriseId: z.string(),
  /** The cadre's unit when assessed (the appraisal's unit). */
  unitId: z.string(),
  batch: z.string(),
  /** The batch's year: the appraisal year the assessment belongs to. */
  year: z.string(),
  enterpriseFeedback,
  pastRecord,
  assessedBy: z.object({ sub: z.string(), role: z.string() }),
});
export type Assessment = z.output<typeof assessmentRecord>;

/**
 * A unit's row. `quota` is the unit's ordinary quota: the base ratio of its cadres who were not
 * seconded in the year; its seconded cadres compete in the separate list (`secondedList`).
 */
export const excellentQuotaRow = z.object({
  unitId: z.string(),
  cadres: z.number(),
  secondedCadres: z.number(),
  /** cadres − secondedCadres: who competes in the unit's ordinary list. */
  ordinaryCadres: z.number(),
  baseRatio: z.number(),
  secondedRatio: z.number(),
  quota: z.number(),
  /** Excellent grades recorded in the unit's ordinary list so far. */
  excellentGranted: z.number(),
  explanation: z.string(),
});

/** The separate list (单列) of the year's seconded cadres, program-wide, at the base ratio + 5 points. */
export const secondedExcellentList = z.object({
  cadres: z.number(),
  ratio: z.number(),
  quota: z.number(),
  excellentGranted: z.number(),
  explanation: z.string(),
});

const ASSESSMENT_READERS = ['leader', 'operator', 'admin'] as const;
const residencyParams = z.strictObject({ residencyId: id });

export const assessmentRoutes = {
  assessResidency: defineRoute({
    method: 'POST',
    path: '/residencies/{residencyId}/assessment',
    area: 'assessments',
    summary: "Assess a residency (专项考察), once; the server composes feedback and the cadre's record",
    roles: ['operator', 'admin'],
    params: residencyParams,
    body: createAssessmentBody,
    response: assessmentRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  getAssessment: defineRoute({
    method: 'GET',
    path: '/residencies/{residencyId}/assessment',
    area: 'assessments',
    summary:
      "A residency's assessment, with the democratic review tallies of the residency's batch beside it",
    roles: ASSESSMENT_READERS,
    params: residencyParams,
    response: z.object({ ...assessmentRecord.shape, democraticReview }),
  }),
  listAssessments: defineRoute({
    method: 'GET',
    path: '/assessments',
    area: 'assessments',
    summary: 'Assessments of a year, optionally of one unit, in creation order',
    roles: ASSESSMENT_READERS,
    query: z.strictObject({ year, unitId: z.optional(id), ...pageQuery }),
    response: pageOf(assessmentRecord),
  }),
  excellentQuotas: defineRoute({
    method: 'GET',
    path: '/appraisals/{year}/excellent-quotas',
    area: 'assessments',
    summary:
      "Per unit, the ordinary excellent quota, and the seconded cadres' separate list (+5 points), explained",
    roles: ASSESSMENT_READERS,
    params: z.strictObject({ year }),
    query: z.strictObject({ unitId: z.optional(id) }),
    response: z.object({
      year: z.string(),
      items: z.array(excellentQuotaRow),
      secondedList: secondedExcellentList,
      nextCursor: z.null(),
    }),
  }),
};

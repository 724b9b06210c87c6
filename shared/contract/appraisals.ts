import * as z from 'zod/mini';
import { APPRAISAL_GRADES, GRADE_STATUSES } from '../domain/appraisal/grade-approval';
import { VOTER_GROUPS } from '../domain/appraisal/review-tally';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { batch } from './residencies';

/**
 * The annual appraisal of the people side (docs/appraisal.md): each cadre's grade of a year with the
 * excellent grade of seconded cadres listed separately (单列), the two-step approval of city-managed
 * section-level cadres, democratic review (民主评议) rounds per batch, and the annual report (述职)
 * with its composed residency section. Served by the `assessments` area beside the assessments.
 */
export const year = z.string().check(z.regex(/^\d{4}$/, { message: 'A year, e.g. 2026' }));
const grade = z.enum(APPRAISAL_GRADES);
const actor = z.object({ sub: z.string(), role: z.string() });

const APPRAISAL_READERS = ['leader', 'operator', 'admin'] as const;
const APPRAISAL_WRITERS = ['operator', 'admin'] as const;

export const createGradeBody = z.strictObject({ cadreId: id, grade, note: z.optional(text(2000)) });
export type CreateGradeBody = z.output<typeof createGradeBody>;

export const leaderOpinionBody = z.strictObject({
  opinion: z.enum(['agree', 'disagree']),
  /** The grade the leader would give instead, when disagreeing. */
  suggestedGrade: z.optional(grade),
  comment: text(2000),
});
export type LeaderOpinionBody = z.output<typeof leaderOpinionBody>;

export const committeeApprovalBody = z.strictObject({
  /** The grade the Party committee approves (审定): the proposed one or another. */
  grade,
  /** The committee meeting or document that decided, e.g. 市委常委会 2026-12-20. */
  reference: text(200),
  comment: z.optional(text(2000)),
});
export type CommitteeApprovalBody = z.output<typeof committeeApprovalBody>;

export const gradeRecord = z.object({
  ...recordMeta,
  year: z.string(),
  cadreId: z.string(),
  /** The cadre's unit when graded: whose ordinary list the grade counts in. */
  unitId: z.string(),
  /** `seconded`: the cadre held a residency in the year, so competes in the separate list (单列). */
  list: z.enum(['ordinary', 'seconded']),
  cityManagedSectionLevel: z.boolean(),
  /** What the unit proposed. */
  proposedGrade: grade,
  /** The grade as it stands: the proposal until the committee approves another. */
  grade,
  status: z.enum(GRADE_STATUSES),
  note: z.optional(z.string()),
  gradedBy: actor,
  leaderOpinion: z.optional(
    z.object({
      opinion: z.enum(['agree', 'disagree']),
      suggestedGrade: z.optional(grade),
      comment: z.string(),
      by: actor,
      at: z.string(),
    }),
  ),
  committeeApproval: z.optional(
    z.object({
      grade,
      reference: z.string(),
      comment: z.optional(z.string()),
      by: actor,
      at: z.string(),
    }),
  ),
});
export type Grade = z.output<typeof gradeRecord>;

export const gradeLedgerEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor,
  action: z.enum(['graded', 'leader_opinion', 'committee_approval']),
  fromStatus: z.nullable(z.enum(GRADE_STATUSES)),
  toStatus: z.enum(GRADE_STATUSES),
  data: z.record(z.string(), z.unknown()),
});
export type GradeLedgerEntry = z.output<typeof gradeLedgerEntry>;

export const createReviewRoundBody = z.strictObject({ date: isoDate, note: z.optional(text(2000)) });
export type CreateReviewRoundBody = z.output<typeof createReviewRoundBody>;

export const reviewRoundRecord = z.object({
  ...recordMeta,
  batch: z.string(),
  date: z.string(),
  note: z.optional(z.string()),
  status: z.enum(['open', 'closed']),
  /** Ballots handed in (kept by the server). */
  ballots: z.number(),
});
export type ReviewRound = z.output<typeof reviewRoundRecord>;

const gradeCounts = z.object(Object.fromEntries(APPRAISAL_GRADES.map((g) => [g, z.number()])));
export const reviewTally = z.object({
  byGroup: z.object(Object.fromEntries(VOTER_GROUPS.map((g) => [g, gradeCounts]))),
  total: gradeCounts,
  votes: z.number(),
  approvalRate: z.nullable(z.number()),
  excellentRate: z.nullable(z.number()),
});

export const MAX_BALLOT_VOTES = 60;

export const ballotBody = z.strictObject({
  voterGroup: z.enum(VOTER_GROUPS),
  /** One grade per cadre of the batch the voter graded (a ballot may leave cadres out). */
  votes: distinctList(
    z.strictObject({ cadreId: id, grade }),
    MAX_BALLOT_VOTES,
    'Votes',
    (vote) => vote.cadreId,
  ).check(z.minLength(1)),
});
export type BallotBody = z.output<typeof ballotBody>;

export const ballotRecord = z.object({
  ...recordMeta,
  roundId: z.string(),
  ...ballotBody.def.shape,
  recordedBy: actor,
});
export type Ballot = z.output<typeof ballotRecord>;

export const roundWithTallies = z.object({
  ...reviewRoundRecord.def.shape,
  tallies: z.array(z.object({ cadreId: z.string(), tally: reviewTally })),
});

/** A round's tally for one cadre, as shown beside the cadre's assessment. */
export const democraticReview = z.array(
  z.object({ roundId: z.string(), date: z.string(), status: z.string(), tally: reviewTally }),
);

export const createAnnualReportBody = z.strictObject({
  year,
  /** The cadre's own report of the year (the rest of the 述职). */
  summary: text(20_000),
});
export type CreateAnnualReportBody = z.output<typeof createAnnualReportBody>;

export const residencySection = z.object({
  residencyId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  batch: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.string(),
  servicesInYear: z.object({
    entries: z.number(),
    fundsFen: z.number(),
    byType: z.record(z.string(), z.number()),
  }),
  evaluation: z.nullable(z.object({ fitScore: z.number(), serviceScore: z.number() })),
  assessment: z.nullable(z.object({ conclusion: z.nullable(grade), headScore: z.number() })),
  democraticReview: z.nullable(
    z.object({
      votes: z.number(),
      approvalRate: z.nullable(z.number()),
      excellentRate: z.nullable(z.number()),
    }),
  ),
  text: z.string(),
});

export const annualReportRecord = z.object({
  ...recordMeta,
  cadreId: z.string(),
  unitId: z.string(),
  year: z.string(),
  summary: z.string(),
  /** Composed by the server when the report is filed; empty when the cadre was not seconded in the year. */
  residencySection: z.array(residencySection),
  filedBy: actor,
});
export type AnnualReport = z.output<typeof annualReportRecord>;

const yearParams = z.strictObject({ year });
const gradeParams = z.strictObject({ year, cadreId: id });
const roundParams = z.strictObject({ roundId: id });

export const appraisalRoutes = {
  gradeCadre: defineRoute({
    method: 'POST',
    path: '/appraisals/{year}/grades',
    area: 'assessments',
    summary:
      "Record a cadre's annual grade; an excellent grade must fit its list's quota (seconded cadres listed separately)",
    roles: APPRAISAL_WRITERS,
    params: yearParams,
    body: createGradeBody,
    response: gradeRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listGrades: defineRoute({
    method: 'GET',
    path: '/appraisals/{year}/grades',
    area: 'assessments',
    summary: 'The grades of a year, optionally of one unit, in the order recorded',
    roles: APPRAISAL_READERS,
    params: yearParams,
    query: z.strictObject({ unitId: z.optional(id), ...pageQuery }),
    response: pageOf(gradeRecord),
  }),
  getGrade: defineRoute({
    method: 'GET',
    path: '/appraisals/{year}/grades/{cadreId}',
    area: 'assessments',
    summary: "A cadre's grade of a year",
    roles: APPRAISAL_READERS,
    params: gradeParams,
    response: gradeRecord,
  }),
  giveLeaderOpinion: defineRoute({
    method: 'POST',
    path: '/appraisals/{year}/grades/{cadreId}/leader-opinion',
    area: 'assessments',
    summary: "The responsible city leader's opinion on a city-managed section-level cadre's grade (If-Match)",
    roles: ['leader'],
    params: gradeParams,
    body: leaderOpinionBody,
    response: gradeRecord,
    ifMatch: true,
  }),
  approveGrade: defineRoute({
    method: 'POST',
    path: '/appraisals/{year}/grades/{cadreId}/committee-approval',
    area: 'assessments',
    summary: "The Party committee's approval (审定) of the grade, after the leader's opinion (If-Match)",
    roles: ['operator', 'admin'],
    params: gradeParams,
    body: committeeApprovalBody,
    response: gradeRecord,
    ifMatch: true,
  }),
  gradeLedger: defineRoute({
    method: 'GET',
    path: '/appraisals/{year}/grades/{cadreId}/ledger',
    area: 'assessments',
    summary: "The grade's ledger: who graded, gave an opinion and approved, when, with what",
    roles: APPRAISAL_READERS,
    params: gradeParams,
    response: z.object({ items: z.array(gradeLedgerEntry), nextCursor: z.null() }),
  }),
  createReviewRound: defineRoute({
    method: 'POST',
    path: '/batches/{batch}/review-rounds',
    area: 'assessments',
    summary: "Open a democratic review (民主评议) round of a batch's resident cadres",
    roles: APPRAISAL_WRITERS,
    params: z.strictObject({ batch }),
    body: createReviewRoundBody,
    response: reviewRoundRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listReviewRounds: defineRoute({
    method: 'GET',
    path: '/batches/{batch}/review-rounds',
    area: 'assessments',
    summary: "A batch's review rounds, in the order opened",
    roles: APPRAISAL_READERS,
    params: z.strictObject({ batch }),
    query: z.strictObject(pageQuery),
    response: pageOf(reviewRoundRecord),
  }),
  getReviewRound: defineRoute({
    method: 'GET',
    path: '/review-rounds/{roundId}',
    area: 'assessments',
    summary: 'A review round with every graded cadre’s tally',
    roles: APPRAISAL_READERS,
    params: roundParams,
    response: roundWithTallies,
  }),
  castBallot: defineRoute({
    method: 'POST',
    path: '/review-rounds/{roundId}/ballots',
    area: 'assessments',
    summary: "Record one representative's ballot (the grades given to the batch's cadres)",
    roles: APPRAISAL_WRITERS,
    params: roundParams,
    body: ballotBody,
    response: ballotRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  closeReviewRound: defineRoute({
    method: 'POST',
    path: '/review-rounds/{roundId}/close',
    area: 'assessments',
    summary: 'Close a review round: no more ballots (If-Match)',
    roles: APPRAISAL_WRITERS,
    params: roundParams,
    body: z.strictObject({}),
    response: reviewRoundRecord,
    ifMatch: true,
  }),
  fileAnnualReport: defineRoute({
    method: 'POST',
    path: '/cadres/{cadreId}/annual-reports',
    area: 'assessments',
    summary: "File a cadre's annual report (述职); the server writes the residency section from the records",
    roles: ['cadre', 'operator', 'admin'],
    params: z.strictObject({ cadreId: id }),
    body: createAnnualReportBody,
    response: annualReportRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  getAnnualReport: defineRoute({
    method: 'GET',
    path: '/cadres/{cadreId}/annual-reports/{year}',
    area: 'assessments',
    summary: "A cadre's annual report of a year",
    roles: ['cadre', 'department', 'leader', 'operator', 'admin'],
    params: gradeParams,
    response: annualReportRecord,
  }),
};

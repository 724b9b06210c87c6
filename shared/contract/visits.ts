import * as z from 'zod/mini';
import { QUESTION_TYPES } from '../domain/questionnaires/questionnaire';
import { MAX_ISSUES_PER_VISIT, PROGRAM_FIRST_YEAR } from '../domain/visits/visit';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, id, isoDate, pageOf, pageQuery, recordMeta } from './common';
import { GRID_READERS } from './grids';
import { raiseIssueBody } from './issue-input';
import { issueRecord } from './issue-record';

/** Who reads visits: the cadres who make them (their grids' only), leaders and the service centre. */
export const VISIT_READERS = ['cadre', 'leader', 'operator', 'admin'] as const;

const questionnaireVersion = z.int().check(z.minimum(1), z.maximum(10_000));

/**
 * A visit as logged by a member of the visiting team. `questionnaire` holds the answers by question id
 * (`{}` when none was filled in), checked against `questionnaireVersion` (the current version unless
 * given); `issues` are raised with the visit, with source `visit`, all or nothing.
 */
export const logVisitBody = z.strictObject({
  enterpriseId: id,
  teamId: id,
  date: isoDate,
  questionnaireVersion: z.optional(questionnaireVersion),
  questionnaire: z.record(z.string().check(z.maxLength(64)), z.unknown()),
  issues: z._default(z.array(raiseIssueBody).check(z.maxLength(MAX_ISSUES_PER_VISIT)), []),
});
export type LogVisitBody = z.output<typeof logVisitBody>;

export const visitRecord = z.object({
  ...recordMeta,
  enterpriseId: z.string(),
  teamId: z.string(),
  gridId: z.string(),
  townUnitId: z.string(),
  date: z.string(),
  cadreId: z.string(),
  recordedBy: z.object({ sub: z.string(), role: z.literal('cadre') }),
  questionnaireVersion: z.nullable(z.number()),
  questionnaire: z.record(z.string(), z.unknown()),
  issueIds: z.array(z.string()),
});

/** The created visit with the issues raised at it. */
export const loggedVisitRecord = z.object({ ...visitRecord.shape, issues: z.array(issueRecord) });

export const listVisitsQuery = z.strictObject({
  gridId: z.optional(id),
  enterpriseId: z.optional(id),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  ...pageQuery,
});

const questionRecord = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(QUESTION_TYPES),
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
  required: z.optional(z.boolean()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  unit: z.optional(z.string()),
});

export const questionnaireRecord = z.object({
  version: z.number(),
  title: z.string(),
  effectiveFrom: z.string(),
  current: z.boolean(),
  sections: z.array(z.object({ title: z.string(), questionIds: z.array(z.string()) })),
  questions: z.array(questionRecord),
});

export const coverageRecord = z.object({
  gridId: z.string(),
  year: z.number(),
  enterprises: z.number(),
  visitedEnterprises: z.number(),
  rate: z.number(),
});

const year = z.coerce.number().check(z.int(), z.minimum(PROGRAM_FIRST_YEAR), z.maximum(2100));

export const visitRoutes = {
  currentQuestionnaire: defineRoute({
    method: 'GET',
    path: '/questionnaires/current',
    area: 'visits',
    summary: 'The visit questionnaire now in use: its version and questions',
    roles: ALL_ROLES,
    response: questionnaireRecord,
  }),
  getQuestionnaire: defineRoute({
    method: 'GET',
    path: '/questionnaires/versions/{version}',
    area: 'visits',
    summary: 'One questionnaire version, current or past (to read the answers of older visits)',
    roles: ALL_ROLES,
    params: z.strictObject({ version: z.coerce.number().check(z.int(), z.minimum(1)) }),
    response: questionnaireRecord,
  }),
  logVisit: defineRoute({
    method: 'POST',
    path: '/visits',
    area: 'visits',
    summary: 'Log a team visit to an enterprise of its grid, with questionnaire answers and issues raised',
    roles: ['cadre'],
    body: logVisitBody,
    response: loggedVisitRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listVisits: defineRoute({
    method: 'GET',
    path: '/visits',
    area: 'visits',
    summary: 'List visits newest first, by grid, enterprise and date range (a cadre: its grids only)',
    roles: VISIT_READERS,
    query: listVisitsQuery,
    response: pageOf(visitRecord),
  }),
  getVisit: defineRoute({
    method: 'GET',
    path: '/visits/{visitId}',
    area: 'visits',
    summary: 'Get one visit',
    roles: VISIT_READERS,
    params: z.strictObject({ visitId: id }),
    response: visitRecord,
  }),
  gridCoverage: defineRoute({
    method: 'GET',
    path: '/grids/{gridId}/coverage',
    area: 'visits',
    summary: 'Visit coverage of a grid in a year: enterprises visited over enterprises in the grid',
    roles: GRID_READERS,
    params: z.strictObject({ gridId: id }),
    query: z.strictObject({ year: z.optional(year) }),
    response: coverageRecord,
  }),
};

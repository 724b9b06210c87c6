import * as z from 'zod/mini';
import { AGENCY_STEP_STATUSES } from '../domain/agency-cases';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, id, isoDate, MASTER_DATA_WRITERS, pageOf, pageQuery, recordMeta, text } from './common';

/**
 * Free full agency service (全程代办) for key enterprises (docs/key-enterprises.md): a case per matter,
 * carried by a named agent cadre through its steps, each owned by a unit and due in working days.
 * Served by the `enterprises` area, beside the key-enterprise routes.
 */
const actor = z.object({ sub: z.string(), role: z.string() });

export const openAgencyCaseBody = z.strictObject({
  /** The matter carried for the enterprise, e.g. a project's approval. */
  matter: text(300),
  /** The agent cadre; the key enterprise's named cadre (专人) when omitted. */
  agentCadreId: z.optional(id),
  steps: z
    .array(
      z.strictObject({
        title: text(300),
        ownerUnitId: id,
        /** Due this many working days after the case is opened. */
        dueWorkingDays: z.int().check(z.minimum(1), z.maximum(250)),
      }),
    )
    .check(z.minLength(1), z.maxLength(20)),
});
export type OpenAgencyCaseBody = z.output<typeof openAgencyCaseBody>;

export const moveAgencyStepBody = z.strictObject({
  status: z.enum(['in_progress', 'done']),
  /** The day the step was done (today when omitted); only with `done`. */
  doneOn: z.optional(isoDate),
  note: z.optional(text(2000)),
});
export type MoveAgencyStepBody = z.output<typeof moveAgencyStepBody>;

export const agencyCaseRecord = z.object({
  ...recordMeta,
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  matter: z.string(),
  agentCadreId: z.string(),
  openedOn: z.string(),
  stepCount: z.number(),
  stepsDone: z.number(),
  /** `done` once every step is. */
  status: z.enum(['open', 'done']),
});
export type AgencyCase = z.output<typeof agencyCaseRecord>;

export const agencyStepRecord = z.object({
  ...recordMeta,
  caseId: z.string(),
  enterpriseId: z.string(),
  place: z.number(),
  title: z.string(),
  ownerUnitId: z.string(),
  dueWorkingDays: z.number(),
  dueDate: z.string(),
  status: z.enum(AGENCY_STEP_STATUSES),
  doneOn: z.optional(z.string()),
  note: z.optional(z.string()),
  /** Not done and past its due date on today's program date. */
  overdue: z.boolean(),
});
export type AgencyStep = z.output<typeof agencyStepRecord>;

/** A case with its steps: all of them, or a department's own steps only. */
export const agencyCaseDetail = z.object({
  ...agencyCaseRecord.def.shape,
  doneOn: z.optional(z.string()),
  steps: z.array(agencyStepRecord),
});
export type AgencyCaseDetail = z.output<typeof agencyCaseDetail>;

export const agencyLedgerEntry = z.object({
  at: z.string(),
  actor,
  action: z.enum(['opened', 'step_started', 'step_done']),
  stepId: z.optional(z.string()),
  fromStatus: z.nullable(z.enum(AGENCY_STEP_STATUSES)),
  toStatus: z.enum([...AGENCY_STEP_STATUSES, 'open']),
  data: z.record(z.string(), z.unknown()),
});
export type AgencyLedgerEntry = z.output<typeof agencyLedgerEntry>;

const caseParams = z.strictObject({ agencyCaseId: id });

export const agencyCaseRoutes = {
  openAgencyCase: defineRoute({
    method: 'POST',
    path: '/key-enterprises/{enterpriseId}/agency-cases',
    area: 'enterprises',
    summary: 'Open a free full agency case (全程代办) for a key enterprise, with its steps',
    roles: MASTER_DATA_WRITERS,
    params: z.strictObject({ enterpriseId: id }),
    body: openAgencyCaseBody,
    response: agencyCaseDetail,
    successStatus: 201,
    idempotency: 'required',
  }),
  listAgencyCases: defineRoute({
    method: 'GET',
    path: '/agency-cases',
    area: 'enterprises',
    summary: "Agency cases in opening order: an enterprise's own, an agent cadre's own, all for the office",
    roles: ['enterprise', 'cadre', 'leader', 'operator', 'admin'],
    query: z.strictObject({ enterpriseId: z.optional(id), agentCadreId: z.optional(id), ...pageQuery }),
    response: pageOf(agencyCaseRecord),
  }),
  getAgencyCase: defineRoute({
    method: 'GET',
    path: '/agency-cases/{agencyCaseId}',
    area: 'enterprises',
    summary: 'An agency case with its steps (a department sees the steps its unit owns)',
    roles: ALL_ROLES,
    params: caseParams,
    response: agencyCaseDetail,
  }),
  moveAgencyStep: defineRoute({
    method: 'PATCH',
    path: '/agency-cases/{agencyCaseId}/steps/{stepId}',
    area: 'enterprises',
    summary: 'Start or finish a step (If-Match: the step version read); the agent cadre or the office',
    roles: ['cadre', 'operator', 'admin'],
    params: z.strictObject({ agencyCaseId: id, stepId: id }),
    body: moveAgencyStepBody,
    response: agencyStepRecord,
    ifMatch: true,
  }),
  agencyCaseLedger: defineRoute({
    method: 'GET',
    path: '/agency-cases/{agencyCaseId}/ledger',
    area: 'enterprises',
    summary: "An agency case's decisions: opening and every step moved, who and when",
    roles: ['cadre', 'leader', 'operator', 'admin'],
    params: caseParams,
    response: pageOf(agencyLedgerEntry),
  }),
  listAgencySteps: defineRoute({
    method: 'GET',
    path: '/agency-steps',
    area: 'enterprises',
    summary: "The agency steps a unit owns, by due date (a department: its own unit's)",
    roles: ['department', 'leader', 'operator', 'admin'],
    query: z.strictObject({ unitId: z.optional(id), ...pageQuery }),
    response: pageOf(agencyStepRecord),
  }),
};

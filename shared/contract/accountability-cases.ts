import * as z from 'zod/mini';
import {
  CASE_DECISIONS,
  CASE_KINDS,
  CASE_STATUSES,
  SITUATION_CODES,
  situationCodesNotOf,
} from '../domain/accountability';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry-roles';

/** Accountability cases (容错免责): a department reads the cases of its own unit's cadres. */
export const CASE_READERS = [...REGISTRY_READERS, 'department'] as const;

const evidenceItem = z.strictObject({
  description: text(500),
  /** Where the evidence is: a document number, an archive reference or a link. */
  reference: z.optional(text(500)),
});

export const createCaseBody = z
  .strictObject({
    cadreId: id,
    kind: z.enum(CASE_KINDS),
    /** E1–E8 for an exemption, A1–A6 for accountability (shared/domain/accountability.ts). */
    situationCodes: distinctList(z.enum(SITUATION_CODES), 8, 'Situation codes').check(z.minLength(1)),
    /** The day the case was opened; the program statistics count it on this day. */
    date: isoDate,
    summary: text(4000),
    enterpriseId: z.optional(id),
    evidence: z._default(z.array(evidenceItem).check(z.maxLength(50)), []),
  })
  .check(
    z.refine((body) => situationCodesNotOf(body.kind, body.situationCodes).length === 0, {
      path: ['situationCodes'],
      message: 'Exemption cases take codes E1–E8, accountability cases A1–A6',
    }),
  );
export type CreateCaseBody = z.output<typeof createCaseBody>;

export const caseRecord = z.object({
  ...recordMeta,
  cadreId: z.string(),
  /** The cadre's unit when the case was opened: a department reads its unit's cases. */
  unitId: z.string(),
  kind: z.enum(CASE_KINDS),
  situationCodes: z.array(z.enum(SITUATION_CODES)),
  date: z.string(),
  summary: z.string(),
  enterpriseId: z.optional(z.string()),
  evidence: z.array(z.object({ description: z.string(), reference: z.optional(z.string()) })),
  status: z.enum(CASE_STATUSES),
  decision: z.nullable(z.enum(CASE_DECISIONS)),
  decisionReason: z.nullable(z.string()),
  /** The verified caller (`sub`) who recorded the decision. */
  decidedBy: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
});
export type AccountabilityCase = z.output<typeof caseRecord>;

export const caseDecisionBody = z.strictObject({ decision: z.enum(CASE_DECISIONS), reason: text(4000) });
export type CaseDecisionBody = z.output<typeof caseDecisionBody>;

const caseParams = z.strictObject({ caseId: id });

export const caseRoutes = {
  createCase: defineRoute({
    method: 'POST',
    path: '/accountability-cases',
    area: 'registries',
    summary: 'Open a fault-tolerance (E1–E8) or accountability (A1–A6) case about a cadre',
    roles: REGISTRY_WRITERS,
    body: createCaseBody,
    response: caseRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listCases: defineRoute({
    method: 'GET',
    path: '/accountability-cases',
    area: 'registries',
    summary: 'Accountability cases, newest first; filters cadreId, unitId, kind, status, decision',
    roles: CASE_READERS,
    query: z.strictObject({
      cadreId: z.optional(id),
      unitId: z.optional(id),
      kind: z.optional(z.enum(CASE_KINDS)),
      status: z.optional(z.enum(CASE_STATUSES)),
      decision: z.optional(z.enum(CASE_DECISIONS)),
      ...pageQuery,
    }),
    response: pageOf(caseRecord),
  }),
  getCase: defineRoute({
    method: 'GET',
    path: '/accountability-cases/{caseId}',
    area: 'registries',
    summary: 'Get one accountability case',
    roles: CASE_READERS,
    params: caseParams,
    response: caseRecord,
  }),
  decideCase: defineRoute({
    method: 'POST',
    path: '/accountability-cases/{caseId}/decision',
    area: 'registries',
    summary: 'Decide a pending case, once (If-Match: the version read); decidedBy is the caller',
    roles: REGISTRY_WRITERS,
    params: caseParams,
    body: caseDecisionBody,
    response: caseRecord,
    ifMatch: true,
  }),
};

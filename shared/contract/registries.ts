import * as z from 'zod/mini';
import {
  CASE_DECISIONS,
  CASE_KINDS,
  CASE_STATUSES,
  SITUATION_CODES,
  situationCodesNotOf,
} from '../domain/accountability';
import { EXPERT_PROFESSION_IDS } from '../domain/experts';
import { INDUSTRY_IDS } from '../domain/industries';
import { defineRoute } from '../http/contract';
import { id, isoDate, MASTER_DATA_WRITERS, name, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { notEmptyPatch } from './not-empty-patch';

/**
 * Registries (DOMAIN.md items 5, 10–12): the expert panel and its engagements, trainings and their
 * attendance, accountability cases (容错免责) and cadre promotions. The service centre keeps them;
 * leaders read them; a department reads the cases and promotions of its own unit's cadres.
 */
export const REGISTRY_WRITERS = MASTER_DATA_WRITERS;
export const REGISTRY_READERS = ['leader', 'operator', 'admin'] as const;
export const CASE_READERS = [...REGISTRY_READERS, 'department'] as const;
/** As for the cadre itself: a department reads its unit's cadres, a cadre its own record. */
export const PROMOTION_READERS = [...REGISTRY_READERS, 'department', 'cadre'] as const;

// ---- Experts (专家服务团) ----

const expertFields = {
  name,
  profession: z.enum(EXPERT_PROFESSION_IDS),
  organisation: z.optional(text(200)),
  title: z.optional(text(100)),
  /** The sectors the expert advises, in the enterprises' industry identifiers (empty: any). */
  fields: distinctList(z.enum(INDUSTRY_IDS), 10, 'Fields'),
  /** What the expert is good at, in words (e.g. 印染行业提升方案、股改上市法律服务). */
  specialty: z.optional(text(500)),
};

export const createExpertBody = z.strictObject(expertFields);
export type CreateExpertBody = z.output<typeof createExpertBody>;

export const updateExpertBody = z.partial(createExpertBody).check(notEmptyPatch);
export type UpdateExpertBody = z.output<typeof updateExpertBody>;

export const expertRecord = z.object({ ...recordMeta, ...expertFields });
export type Expert = z.output<typeof expertRecord>;

/** An engagement concerns exactly one record: an issue the expert helped solve, or an enterprise. */
export const createEngagementBody = z
  .strictObject({
    issueId: z.optional(id),
    enterpriseId: z.optional(id),
    date: isoDate,
    topic: text(200),
    outcome: z.optional(text(2000)),
  })
  .check(
    z.refine((body) => (body.issueId === undefined) !== (body.enterpriseId === undefined), {
      path: ['issueId'],
      message: 'Name exactly one of issueId and enterpriseId',
    }),
  );
export type CreateEngagementBody = z.output<typeof createEngagementBody>;

export const engagementRecord = z.object({
  ...recordMeta,
  expertId: z.string(),
  issueId: z.optional(z.string()),
  enterpriseId: z.optional(z.string()),
  date: z.string(),
  topic: z.string(),
  outcome: z.optional(z.string()),
});
export type Engagement = z.output<typeof engagementRecord>;

// ---- Trainings (企业家培训) ----

export const TRAINING_AUDIENCES = ['entrepreneurs', 'cadres', 'mixed'] as const;

const trainingFields = {
  title: text(200),
  date: isoDate,
  audience: z.enum(TRAINING_AUDIENCES),
  location: z.optional(text(200)),
  organizerUnitId: z.optional(id),
  description: z.optional(text(2000)),
};

export const createTrainingBody = z.strictObject(trainingFields);
export type CreateTrainingBody = z.output<typeof createTrainingBody>;

export const trainingRecord = z.object({
  ...recordMeta,
  ...trainingFields,
  /** Attendances recorded so far (server-kept). */
  attendanceCount: z.number(),
});
export type Training = z.output<typeof trainingRecord>;

/** A cadre, or a named person of an enterprise (an entrepreneur or manager). */
const attendee = z
  .strictObject({ cadreId: z.optional(id), enterpriseId: z.optional(id), name: z.optional(name) })
  .check(
    z.refine(
      (a) =>
        a.cadreId !== undefined
          ? a.enterpriseId === undefined && a.name === undefined
          : a.enterpriseId !== undefined && a.name !== undefined,
      { message: 'An attendee is either { cadreId } or { enterpriseId, name }' },
    ),
  );
export type Attendee = z.output<typeof attendee>;

/** The identity of an attendee within a training: one attendance each (the database enforces it). */
export const attendeeKey = (a: Attendee): string =>
  a.cadreId !== undefined ? `CADRE#${a.cadreId}` : `ENT#${a.enterpriseId}#${a.name}`;

/** At most 50 per request: each is its own guarded put, and a transaction holds 100 writes. */
export const MAX_ATTENDEES_PER_REQUEST = 50;

export const recordAttendanceBody = z.strictObject({
  attendees: distinctList(attendee, MAX_ATTENDEES_PER_REQUEST, 'Attendees', attendeeKey).check(
    z.minLength(1),
  ),
});
export type RecordAttendanceBody = z.output<typeof recordAttendanceBody>;

export const attendanceRecord = z.object({
  ...recordMeta,
  trainingId: z.string(),
  cadreId: z.optional(z.string()),
  enterpriseId: z.optional(z.string()),
  name: z.optional(z.string()),
});
export type Attendance = z.output<typeof attendanceRecord>;

// ---- Accountability cases (容错免责) ----

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

// ---- Promotions ----

export const createPromotionBody = z.strictObject({
  fromRank: text(50),
  toRank: text(50),
  date: isoDate,
  note: z.optional(text(2000)),
  /** The residency (驻企挂职) the promotion recognises, if any. */
  residencyId: z.optional(id),
});
export type CreatePromotionBody = z.output<typeof createPromotionBody>;

export const promotionRecord = z.object({
  ...recordMeta,
  cadreId: z.string(),
  fromRank: z.string(),
  toRank: z.string(),
  date: z.string(),
  note: z.optional(z.string()),
  residencyId: z.optional(z.string()),
});
export type Promotion = z.output<typeof promotionRecord>;

// ---- Routes ----

const expertParams = z.strictObject({ expertId: id });
const trainingParams = z.strictObject({ trainingId: id });
const caseParams = z.strictObject({ caseId: id });
const cadreParams = z.strictObject({ cadreId: id });

export const registryRoutes = {
  createExpert: defineRoute({
    method: 'POST',
    path: '/experts',
    area: 'registries',
    summary: 'Register a member of the expert panel (专家服务团)',
    roles: REGISTRY_WRITERS,
    body: createExpertBody,
    response: expertRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listExperts: defineRoute({
    method: 'GET',
    path: '/experts',
    area: 'registries',
    summary: 'List experts, filtered by profession and by a sector they advise',
    roles: REGISTRY_READERS,
    query: z.strictObject({
      profession: z.optional(z.enum(EXPERT_PROFESSION_IDS)),
      field: z.optional(z.enum(INDUSTRY_IDS)),
      ...pageQuery,
    }),
    response: pageOf(expertRecord),
  }),
  getExpert: defineRoute({
    method: 'GET',
    path: '/experts/{expertId}',
    area: 'registries',
    summary: 'Get one expert',
    roles: REGISTRY_READERS,
    params: expertParams,
    response: expertRecord,
  }),
  updateExpert: defineRoute({
    method: 'PATCH',
    path: '/experts/{expertId}',
    area: 'registries',
    summary: 'Change an expert (If-Match: the version read)',
    roles: REGISTRY_WRITERS,
    params: expertParams,
    body: updateExpertBody,
    response: expertRecord,
    ifMatch: true,
  }),
  createEngagement: defineRoute({
    method: 'POST',
    path: '/experts/{expertId}/engagements',
    area: 'registries',
    summary: "Record an expert's engagement on one issue or one enterprise",
    roles: REGISTRY_WRITERS,
    params: expertParams,
    body: createEngagementBody,
    response: engagementRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listEngagements: defineRoute({
    method: 'GET',
    path: '/experts/{expertId}/engagements',
    area: 'registries',
    summary: "An expert's engagements in the order recorded",
    roles: REGISTRY_READERS,
    params: expertParams,
    query: z.strictObject(pageQuery),
    response: pageOf(engagementRecord),
  }),
  createTraining: defineRoute({
    method: 'POST',
    path: '/trainings',
    area: 'registries',
    summary: 'Register a training session',
    roles: REGISTRY_WRITERS,
    body: createTrainingBody,
    response: trainingRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listTrainings: defineRoute({
    method: 'GET',
    path: '/trainings',
    area: 'registries',
    summary: 'Trainings by date, newest first; filters organizerUnitId, from, to (dates inclusive)',
    roles: REGISTRY_READERS,
    query: z.strictObject({
      organizerUnitId: z.optional(id),
      from: z.optional(isoDate),
      to: z.optional(isoDate),
      ...pageQuery,
    }),
    response: pageOf(trainingRecord),
  }),
  getTraining: defineRoute({
    method: 'GET',
    path: '/trainings/{trainingId}',
    area: 'registries',
    summary: 'Get one training with its attendance count',
    roles: REGISTRY_READERS,
    params: trainingParams,
    response: trainingRecord,
  }),
  recordAttendance: defineRoute({
    method: 'POST',
    path: '/trainings/{trainingId}/attendance',
    area: 'registries',
    summary: 'Record attendees (cadres, enterprise people) of a training: one attendance each',
    roles: REGISTRY_WRITERS,
    params: trainingParams,
    body: recordAttendanceBody,
    response: z.object({ trainingId: z.string(), items: z.array(attendanceRecord) }),
    successStatus: 201,
    idempotency: 'required',
  }),
  listAttendance: defineRoute({
    method: 'GET',
    path: '/trainings/{trainingId}/attendance',
    area: 'registries',
    summary: "A training's attendances",
    roles: REGISTRY_READERS,
    params: trainingParams,
    query: z.strictObject(pageQuery),
    response: pageOf(attendanceRecord),
  }),
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
  createPromotion: defineRoute({
    method: 'POST',
    path: '/cadres/{cadreId}/promotions',
    area: 'registries',
    summary: "Record a cadre's promotion",
    roles: REGISTRY_WRITERS,
    params: cadreParams,
    body: createPromotionBody,
    response: promotionRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listPromotions: defineRoute({
    method: 'GET',
    path: '/cadres/{cadreId}/promotions',
    area: 'registries',
    summary: "A cadre's promotions in the order recorded",
    roles: PROMOTION_READERS,
    params: cadreParams,
    query: z.strictObject(pageQuery),
    response: pageOf(promotionRecord),
  }),
};

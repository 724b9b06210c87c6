import * as z from 'zod/mini';
import { SERVICE_TYPES } from '../domain/service-catalogue';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';

/**
 * Matching and residencies (驻企挂职): an operator asks which pool cadres fit an enterprise, seconds
 * one for a batch, the resident cadre logs services, the enterprise rates fit and service.
 */

/** A secondment batch: the year and the batch's number in it, e.g. `2018-1` (the program ran 3). */
export const batch = z
  .string()
  .check(z.regex(/^\d{4}-\d{1,2}$/, { message: 'A batch is the year and its batch number, e.g. 2018-1' }));

const serviceType = z.enum(SERVICE_TYPES);

/** `service=a,b`: one or more catalogue types, comma-separated. */
const requestedServices = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(400)),
    z.transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ),
  distinctList(serviceType, 5, 'Requested services').check(z.minLength(1)),
);

const MATCH_READERS = ['operator', 'leader', 'admin'] as const;

export const cadreMatch = z.object({
  cadreId: id,
  name: z.string(),
  unitId: id,
  score: z.number(),
  reasons: z.array(z.string()),
});

export const cadreMatchList = z.object({
  items: z.array(cadreMatch),
  /** Always null: matches are a ranking, not pages. */
  nextCursor: z.null(),
  enterpriseId: id,
  industry: z.string(),
  services: z.array(z.string()),
  /** Pool cadres read, and those left out (resident elsewhere, conflict of interest). */
  considered: z.number(),
  excluded: z.object({ resident: z.number(), conflictOfInterest: z.number() }),
});
export type CadreMatchList = z.output<typeof cadreMatchList>;

export const RESIDENCY_STATUSES = ['active', 'ended'] as const;

export const createResidencyBody = z
  .strictObject({
    cadreId: id,
    enterpriseId: id,
    batch,
    startDate: isoDate,
    endDate: isoDate,
    /** The services agreed with the enterprise (the cadre may log others). */
    services: distinctList(serviceType, SERVICE_TYPES.length, 'Services').check(z.minLength(1)),
  })
  .check(
    z.refine((body) => body.startDate <= body.endDate, {
      path: ['endDate'],
      message: 'The end date must not be before the start date',
    }),
  );
export type CreateResidencyBody = z.output<typeof createResidencyBody>;

export const residencyRecord = z.object({
  ...recordMeta,
  ...createResidencyBody.def.shape,
  status: z.enum(RESIDENCY_STATUSES),
  /** Set when the residency ended: the day, and why if given. */
  endedOn: z.optional(isoDate),
  endNote: z.optional(z.string()),
});
export type Residency = z.output<typeof residencyRecord>;

export const endResidencyBody = z.strictObject({ endedOn: isoDate, note: z.optional(text(1000)) });
export type EndResidencyBody = z.output<typeof endResidencyBody>;

export const serviceEntryBody = z.strictObject({
  type: serviceType,
  date: isoDate,
  description: text(2000),
  /** CNY involved, in fen. */
  fundsFen: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000_000_000))),
});
export type ServiceEntryBody = z.output<typeof serviceEntryBody>;

export const serviceEntryRecord = z.object({
  ...recordMeta,
  ...serviceEntryBody.def.shape,
  residencyId: id,
  cadreId: id,
  enterpriseId: id,
});
export type ServiceEntry = z.output<typeof serviceEntryRecord>;

const score = z.int().check(z.minimum(1), z.maximum(5));

export const evaluationBody = z.strictObject({
  /** Professional fit of the cadre to the enterprise (经历相适), 1–5. */
  fitScore: score,
  /** Quality of the service delivered, 1–5. */
  serviceScore: score,
  comment: z.optional(text(2000)),
});
export type EvaluationBody = z.output<typeof evaluationBody>;

export const evaluationRecord = z.object({
  ...recordMeta,
  ...evaluationBody.def.shape,
  residencyId: id,
  cadreId: id,
  enterpriseId: id,
  /** The program date (Asia/Shanghai) of the evaluation. */
  date: isoDate,
  evaluatedBy: z.object({ sub: z.string(), role: z.string() }),
});
export type Evaluation = z.output<typeof evaluationRecord>;

/**
 * Leaders, operators and admins read every residency; a cadre reads its own, an enterprise those
 * it hosts (the use case narrows them).
 */
export const RESIDENCY_READERS = ['leader', 'operator', 'admin', 'cadre', 'enterprise'] as const;
const RESIDENCY_WRITERS = ['operator', 'admin'] as const;

const residencyParams = z.strictObject({ residencyId: id });

export const residencyRoutes = {
  matchCadres: defineRoute({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/cadre-matches',
    area: 'secondments',
    summary: 'Rank pool cadres for an enterprise and requested services, each score explained',
    roles: MATCH_READERS,
    params: z.strictObject({ enterpriseId: id }),
    query: z.strictObject({ service: z.optional(requestedServices), limit: pageQuery.limit }),
    response: cadreMatchList,
  }),
  createResidency: defineRoute({
    method: 'POST',
    path: '/residencies',
    area: 'secondments',
    summary: 'Second a pool cadre to an enterprise (one active residency per cadre)',
    roles: RESIDENCY_WRITERS,
    body: createResidencyBody,
    response: residencyRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listResidencies: defineRoute({
    method: 'GET',
    path: '/residencies',
    area: 'secondments',
    summary: 'List residencies, filtered by batch, cadre, enterprise and status',
    roles: RESIDENCY_READERS,
    query: z.strictObject({
      batch: z.optional(batch),
      cadreId: z.optional(id),
      enterpriseId: z.optional(id),
      status: z.optional(z.enum(RESIDENCY_STATUSES)),
      ...pageQuery,
    }),
    response: pageOf(residencyRecord),
  }),
  getResidency: defineRoute({
    method: 'GET',
    path: '/residencies/{residencyId}',
    area: 'secondments',
    summary: 'Get one residency',
    roles: RESIDENCY_READERS,
    params: residencyParams,
    response: residencyRecord,
  }),
  endResidency: defineRoute({
    method: 'POST',
    path: '/residencies/{residencyId}/end',
    area: 'secondments',
    summary: 'End an active residency (If-Match), freeing the cadre for another',
    roles: RESIDENCY_WRITERS,
    params: residencyParams,
    body: endResidencyBody,
    response: residencyRecord,
    ifMatch: true,
  }),
  logService: defineRoute({
    method: 'POST',
    path: '/residencies/{residencyId}/services',
    area: 'secondments',
    summary: 'The resident cadre logs a service delivered (type from the service catalogue)',
    roles: ['cadre'],
    params: residencyParams,
    body: serviceEntryBody,
    response: serviceEntryRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listServices: defineRoute({
    method: 'GET',
    path: '/residencies/{residencyId}/services',
    area: 'secondments',
    summary: "A residency's service log, in order of logging",
    roles: RESIDENCY_READERS,
    params: residencyParams,
    query: z.strictObject(pageQuery),
    response: pageOf(serviceEntryRecord),
  }),
  evaluateResidency: defineRoute({
    method: 'POST',
    path: '/residencies/{residencyId}/evaluations',
    area: 'secondments',
    summary: 'The host enterprise (or the service centre for it) rates fit and service, once',
    roles: ['enterprise', 'operator', 'admin'],
    params: residencyParams,
    body: evaluationBody,
    response: evaluationRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listEvaluations: defineRoute({
    method: 'GET',
    path: '/residencies/{residencyId}/evaluations',
    area: 'secondments',
    summary: "A residency's evaluation (at most one)",
    roles: RESIDENCY_READERS,
    params: residencyParams,
    response: pageOf(evaluationRecord),
  }),
};

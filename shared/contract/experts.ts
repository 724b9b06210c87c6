/** The expert panel (专家服务团) and its engagements on issues and enterprises. */
import * as z from 'zod/mini';
import { EXPERT_PROFESSION_IDS } from '../domain/experts';
import { INDUSTRY_IDS } from '../domain/industries';
import { defineRoute } from '../http/contract';
import { id, isoDate, name, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { notEmptyPatch } from './not-empty-patch';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry-roles';

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
    /** The expert campaign the engagement belongs to (dated within it), if any. */
    campaignId: z.optional(id),
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
  campaignId: z.optional(z.string()),
});
export type Engagement = z.output<typeof engagementRecord>;

const expertParams = z.strictObject({ expertId: id });

export const expertRoutes = {
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
};

import * as z from 'zod/mini';
import { INDUSTRY_IDS } from '../domain/industries';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';

/**
 * Policy delivery (送政策, docs/policies.md): the policy library, its delivery to enterprises by
 * industry, town, grid or by name (e.g. at a visit), and the enterprise's acknowledgement, from which
 * `/stats` computes each town's awareness rate. Served by the `registries` area.
 */
export const createPolicyBody = z.strictObject({
  title: text(300),
  issuer: text(200),
  issuedOn: isoDate,
  industries: distinctList(z.enum(INDUSTRY_IDS), INDUSTRY_IDS.length, 'Industries'),
  summary: text(8000),
  attachmentUrl: z.optional(z.url({ protocol: /^https$/ })),
});
export type CreatePolicyBody = z.output<typeof createPolicyBody>;

export const policyRecord = z.object({ ...recordMeta, ...createPolicyBody.shape });
export type Policy = z.output<typeof policyRecord>;

export const MAX_NAMED_ENTERPRISES = 100;

export const deliverPolicyBody = z
  .strictObject({
    date: isoDate,
    industry: z.optional(z.enum(INDUSTRY_IDS)),
    townUnitId: z.optional(id),
    gridId: z.optional(id),
    enterpriseIds: z.optional(distinctList(id, MAX_NAMED_ENTERPRISES, 'Enterprises').check(z.minLength(1))),
    /** The visit at which the policy was handed over, when it was. */
    visitId: z.optional(id),
  })
  .check(
    z.refine(
      (body) =>
        [body.industry, body.townUnitId, body.gridId, body.enterpriseIds].filter((t) => t !== undefined)
          .length === 1,
      { message: 'Name exactly one target: industry, townUnitId, gridId or enterpriseIds' },
    ),
  );
export type DeliverPolicyBody = z.output<typeof deliverPolicyBody>;

export const deliveryRecord = z.object({
  policyId: z.string(),
  enterpriseId: z.string(),
  townUnitId: z.string(),
  date: z.string(),
  visitId: z.optional(z.string()),
  deliveredBy: z.object({ sub: z.string(), role: z.string() }),
  acknowledgedAt: z.optional(z.string()),
});
export type PolicyDelivery = z.output<typeof deliveryRecord>;

const policyParams = z.strictObject({ policyId: id });
const WRITERS = ['operator', 'admin'] as const;
const READERS = ['cadre', 'department', 'leader', 'operator', 'admin', 'enterprise'] as const;

export const policyRoutes = {
  createPolicy: defineRoute({
    method: 'POST',
    path: '/policies',
    area: 'registries',
    summary: 'Add a policy to the library',
    roles: WRITERS,
    body: createPolicyBody,
    response: policyRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listPolicies: defineRoute({
    method: 'GET',
    path: '/policies',
    area: 'registries',
    summary: 'The policy library, newest issued first',
    roles: READERS,
    query: z.strictObject(pageQuery),
    response: pageOf(policyRecord),
  }),
  getPolicy: defineRoute({
    method: 'GET',
    path: '/policies/{policyId}',
    area: 'registries',
    summary: 'One policy',
    roles: READERS,
    params: policyParams,
    response: policyRecord,
  }),
  deliverPolicy: defineRoute({
    method: 'POST',
    path: '/policies/{policyId}/deliveries',
    area: 'registries',
    summary: 'Deliver a policy to the enterprises of an industry, town or grid, or named ones (once each)',
    roles: WRITERS,
    params: policyParams,
    body: deliverPolicyBody,
    response: z.object({ policyId: z.string(), delivered: z.number(), alreadyDelivered: z.number() }),
    successStatus: 201,
    idempotency: 'required',
  }),
  listDeliveries: defineRoute({
    method: 'GET',
    path: '/policies/{policyId}/deliveries',
    area: 'registries',
    summary: "A policy's deliveries with their acknowledgements",
    roles: ['leader', 'operator', 'admin'],
    params: policyParams,
    query: z.strictObject(pageQuery),
    response: pageOf(deliveryRecord),
  }),
  acknowledgePolicy: defineRoute({
    method: 'POST',
    path: '/policies/{policyId}/acknowledgement',
    area: 'registries',
    summary: 'The enterprise acknowledges a policy delivered to it (once)',
    roles: ['enterprise'],
    params: policyParams,
    body: z.strictObject({}),
    response: deliveryRecord,
  }),
};

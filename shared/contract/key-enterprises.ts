import * as z from 'zod/mini';
import { LISTING_MILESTONES } from '../domain/key-enterprises';
import { defineRoute } from '../http/contract';
import { id, isoDate, MASTER_DATA_WRITERS, pageOf, pageQuery, recordMeta, text } from './common';
import { notEmptyPatch } from './not-empty-patch';

/**
 * Key enterprises (重点企业专人服务, docs/key-enterprises.md): a named cadre (专人) per key enterprise,
 * its plan (一企一策) of items with owners, deadlines and progress, and the listing track (股改上市)
 * of above-scale enterprises by milestone. Served by the `enterprises` area.
 */
/** Readers of key enterprises; a cadre reads only those it serves as the named cadre (专人). */
const KEY_READERS = ['cadre', 'department', 'leader', 'operator', 'admin'] as const;
const actor = z.object({ sub: z.string(), role: z.string() });

export const designateKeyEnterpriseBody = z.strictObject({
  enterpriseId: id,
  /** The cadre who serves the enterprise in person (专人). */
  liaisonCadreId: id,
  reason: text(2000),
});
export type DesignateKeyEnterpriseBody = z.output<typeof designateKeyEnterpriseBody>;

export const updateKeyEnterpriseBody = z
  .strictObject({
    liaisonCadreId: z.optional(id),
    reason: z.optional(text(2000)),
  })
  .check(notEmptyPatch);
export type UpdateKeyEnterpriseBody = z.output<typeof updateKeyEnterpriseBody>;

export const keyEnterpriseRecord = z.object({
  ...recordMeta,
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  liaisonCadreId: z.string(),
  reason: z.string(),
  designatedBy: actor,
});
export type KeyEnterprise = z.output<typeof keyEnterpriseRecord>;

export const createPlanItemBody = z.strictObject({
  title: text(300),
  /** The unit that owns the item, and optionally the cadre in it. */
  ownerUnitId: id,
  ownerCadreId: z.optional(id),
  deadline: isoDate,
});
export type CreatePlanItemBody = z.output<typeof createPlanItemBody>;

export const progressBody = z.strictObject({
  progressPercent: z.int().check(z.minimum(0), z.maximum(100)),
  note: text(2000),
});
export type ProgressBody = z.output<typeof progressBody>;

const progressReport = z.object({ at: z.string(), progressPercent: z.number(), note: z.string(), by: actor });

export const planItemRecord = z.object({
  ...recordMeta,
  enterpriseId: z.string(),
  title: z.string(),
  ownerUnitId: z.string(),
  ownerCadreId: z.optional(z.string()),
  deadline: z.string(),
  status: z.enum(['open', 'done']),
  progressPercent: z.number(),
  /** Every progress report, oldest first. */
  progress: z.array(progressReport),
});
export type PlanItem = z.output<typeof planItemRecord>;

export const milestoneBody = z.strictObject({
  milestone: z.enum(LISTING_MILESTONES),
  date: isoDate,
  note: z.optional(text(2000)),
});
export type MilestoneBody = z.output<typeof milestoneBody>;

export const milestoneRecord = z.object({
  enterpriseId: z.string(),
  milestone: z.enum(LISTING_MILESTONES),
  date: z.string(),
  note: z.optional(z.string()),
  recordedBy: actor,
  recordedAt: z.string(),
});
export type ListingMilestoneRecord = z.output<typeof milestoneRecord>;

/** A key enterprise with its plan (overdue items flagged) and listing milestones. */
export const keyEnterpriseDetail = z.object({
  ...keyEnterpriseRecord.def.shape,
  plan: z.array(z.object({ ...planItemRecord.def.shape, overdue: z.boolean() })),
  listing: z.array(milestoneRecord),
});

const keyParams = z.strictObject({ enterpriseId: id });
const itemParams = z.strictObject({ enterpriseId: id, itemId: id });

export const keyEnterpriseRoutes = {
  designateKeyEnterprise: defineRoute({
    method: 'POST',
    path: '/key-enterprises',
    area: 'enterprises',
    summary: 'Make an enterprise a key enterprise with its named cadre (专人); once per enterprise',
    roles: MASTER_DATA_WRITERS,
    body: designateKeyEnterpriseBody,
    response: keyEnterpriseRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listKeyEnterprises: defineRoute({
    method: 'GET',
    path: '/key-enterprises',
    area: 'enterprises',
    summary: 'Key enterprises in the order designated, or those one cadre serves (a cadre: its own)',
    roles: KEY_READERS,
    query: z.strictObject({ liaisonCadreId: z.optional(id), ...pageQuery }),
    response: pageOf(keyEnterpriseRecord),
  }),
  getKeyEnterprise: defineRoute({
    method: 'GET',
    path: '/key-enterprises/{enterpriseId}',
    area: 'enterprises',
    summary: 'A key enterprise with its plan (一企一策) and listing milestones (a cadre: those it serves)',
    roles: KEY_READERS,
    params: keyParams,
    response: keyEnterpriseDetail,
  }),
  updateKeyEnterprise: defineRoute({
    method: 'PATCH',
    path: '/key-enterprises/{enterpriseId}',
    area: 'enterprises',
    summary: 'Change the named cadre or the reason (If-Match: the version read)',
    roles: MASTER_DATA_WRITERS,
    params: keyParams,
    body: updateKeyEnterpriseBody,
    response: keyEnterpriseRecord,
    ifMatch: true,
  }),
  createPlanItem: defineRoute({
    method: 'POST',
    path: '/key-enterprises/{enterpriseId}/plan-items',
    area: 'enterprises',
    summary: "Add an item to a key enterprise's plan (一企一策) with its owner and deadline",
    roles: MASTER_DATA_WRITERS,
    params: keyParams,
    body: createPlanItemBody,
    response: planItemRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  reportPlanProgress: defineRoute({
    method: 'POST',
    path: '/key-enterprises/{enterpriseId}/plan-items/{itemId}/progress',
    area: 'enterprises',
    summary: 'Report progress on a plan item (If-Match: the item version read); 100 % marks it done',
    roles: MASTER_DATA_WRITERS,
    params: itemParams,
    body: progressBody,
    response: planItemRecord,
    ifMatch: true,
  }),
  recordListingMilestone: defineRoute({
    method: 'POST',
    path: '/key-enterprises/{enterpriseId}/listing-milestones',
    area: 'enterprises',
    summary: 'Record the next listing milestone (股改上市) of an above-scale key enterprise',
    roles: MASTER_DATA_WRITERS,
    params: keyParams,
    body: milestoneBody,
    response: milestoneRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
};

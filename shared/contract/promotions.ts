import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry-roles';

/** Cadre promotions. As for the cadre itself: a department reads its unit's cadres, a cadre its own record. */
export const PROMOTION_READERS = [...REGISTRY_READERS, 'department', 'cadre'] as const;

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

const cadreParams = z.strictObject({ cadreId: id });

export const promotionRoutes = {
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

import type { CreatePromotionBody, Promotion } from '../../contract/promotions';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Viewer } from '../../domain/viewer';
import { findCadre } from '../../repositories/cadres';
import { insertPromotion, listPromotions } from '../../repositories/promotions';
import type { PromotionRecord } from '../../repositories/records/promotions';
import { readCadre } from '../cadres/read-cadres';
import { pageView } from '../record-view';
import { promotionView } from './registry-views';

/**
 * Records a promotion of an existing cadre (404 otherwise); counted on its date. The cadre's own
 * `rank` is master data and changes only through PATCH /cadres/{id}. `residencyId` is kept as given.
 */
export const createPromotion = async (
  cadreId: string,
  input: CreatePromotionBody,
  idempotency?: IdempotencyToken,
): Promise<Promotion> => {
  if (!(await findCadre(cadreId))) throw new NotFound('The cadre');
  const now = nowIso();
  const promotion: PromotionRecord = {
    id: newId(),
    cadreId,
    ...input,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = promotionView(promotion);
  await insertPromotion(promotion, idempotency?.guard(view));
  return view;
};

/** A cadre's promotions, for those who may see the cadre (others get 404, as for the cadre). */
export const readPromotions = async (
  viewer: Viewer,
  cadreId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Promotion>> => {
  await readCadre(viewer, cadreId);
  return pageView(await listPromotions(cadreId, page), promotionView);
};

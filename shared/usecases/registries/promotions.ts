import type { CreatePromotionBody, Promotion } from '../../contract/promotions';
import type { Page } from '../../db/records';
import { newId, nowIso } from '../../domain/ids';
import type { Viewer } from '../../domain/viewer';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { notFound } from '../../http/errors';
import { findCadre } from '../../repositories/cadres';
import { insertPromotion, listPromotions } from '../../repositories/promotions';
import { readCadre } from '../cadres/read-cadres';

/**
 * Records a promotion of an existing cadre (404 otherwise); counted on its date. The cadre's own
 * `rank` is master data and changes only through PATCH /cadres/{id}. `residencyId` is kept as given.
 */
export const createPromotion = async (
  cadreId: string,
  input: CreatePromotionBody,
  idempotency?: IdempotencyToken,
): Promise<Reply> => {
  if (!(await findCadre(cadreId))) throw notFound('The cadre');
  const now = nowIso();
  const promotion: Promotion = { id: newId(), cadreId, ...input, version: 1, createdAt: now, updatedAt: now };
  return insertPromotion(promotion, { status: 201, body: promotion }, idempotency);
};

/** A cadre's promotions, for those who may see the cadre (others get 404, as for the cadre). */
export const readPromotions = async (
  viewer: Viewer,
  cadreId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Promotion>> => {
  await readCadre(viewer, cadreId);
  return listPromotions(cadreId, page);
};

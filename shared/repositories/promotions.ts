import type { CreationGuard } from '../db/creation-guard';
import { promotionKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';
import type { PromotionRecord } from './records/promotions';

/** Promotions live in the cadre's partition (`PROMOTION#<id>`): a cadre's promotions are one key query. */
export const insertPromotion = (promotion: PromotionRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: { ...promotionKeys.item(promotion.cadreId, promotion.id), entity: 'promotion', ...promotion },
        onTaken: () => new Conflict('CONFLICT', `Promotion ${promotion.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(promotion.date, promotion.id, { promotions: 1 })],
  );

export const listPromotions = (
  cadreId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<PromotionRecord>> =>
  queryPage<PromotionRecord>({ ...promotionKeys.ofCadre(cadreId), ...page });

/** Every promotion of a cadre (a handful in a career). */
export const allPromotionsOf = (cadreId: string): Promise<PromotionRecord[]> =>
  queryAll<PromotionRecord>(promotionKeys.ofCadre(cadreId));

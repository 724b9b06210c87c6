import type { Promotion } from '../contract/promotions';
import { keys } from '../db/keys';
import { createRecords, type Page, queryPage } from '../db/records';
import type { IdempotencyToken, Reply } from '../http/contract';
import { conflict } from '../http/errors';
import { programStatsUpdate } from './program-stats';

/** Promotions live in the cadre's partition (`PROMOTION#<id>`): a cadre's promotions are one key query. */
export const insertPromotion = (promotion: Promotion, reply: Reply, idempotency?: IdempotencyToken) =>
  createRecords(
    [
      {
        item: { ...keys.promotion(promotion.cadreId, promotion.id), entity: 'promotion', ...promotion },
        onTaken: () => conflict('CONFLICT', `Promotion ${promotion.id} already exists.`),
      },
    ],
    reply,
    idempotency,
    [programStatsUpdate(promotion.date, promotion.id, { promotions: 1 })],
  );

export const listPromotions = (
  cadreId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Promotion>> =>
  queryPage<Promotion>({ partition: keys.cadre(cadreId).pk, sortPrefix: 'PROMOTION#', ...page });

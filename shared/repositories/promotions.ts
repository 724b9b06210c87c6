import type { Promotion } from '../contract/promotions';
import type { CreationGuard } from '../db/creation-guard';
import { keys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';

/** Promotions live in the cadre's partition (`PROMOTION#<id>`): a cadre's promotions are one key query. */
export const insertPromotion = (promotion: Promotion, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: { ...keys.promotion.item(promotion.cadreId, promotion.id), entity: 'promotion', ...promotion },
        onTaken: () => new Conflict('CONFLICT', `Promotion ${promotion.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(promotion.date, promotion.id, { promotions: 1 })],
  );

export const listPromotions = (
  cadreId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Promotion>> => queryPage<Promotion>({ ...keys.promotion.ofCadre(cadreId), ...page });

/** Every promotion of a cadre (a handful in a career). */
export const allPromotionsOf = (cadreId: string): Promise<Promotion[]> =>
  queryAll<Promotion>(keys.promotion.ofCadre(cadreId));

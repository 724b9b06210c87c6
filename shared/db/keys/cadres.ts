import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Cadres: by id, with the cadre's team memberships and running fit scores in its partition; GSI1 all,
 * GSI2 by unit, GSI3 in or out of the pool.
 */
export const cadreKeys = {
  item: (id: string): ItemKey => ({ pk: `CADRE#${id}`, sk: 'CADRE' }),
  teamMembership: (cadreId: string, teamId: string): ItemKey => ({
    pk: `CADRE#${cadreId}`,
    sk: `TEAM#${teamId}`,
  }),
  teamMembershipsOf: (cadreId: string): KeyRange => ({ partition: `CADRE#${cadreId}`, sortPrefix: 'TEAM#' }),
  /** Sum and count of the fit scores a cadre's residencies received (past fit satisfaction for matching). */
  fitScores: (cadreId: string): ItemKey => ({ pk: `CADRE#${cadreId}`, sk: 'FIT_SCORES' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'CADRE' }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI2', partition: `CADRE#UNIT#${unitId}` }),
  byPool: (inPool: boolean): IndexPartition => ({
    index: 'GSI3',
    partition: inPool ? 'CADRE#POOL' : 'CADRE#NOT_POOL',
  }),
};

/** A cadre's promotions live in the cadre's partition beside the team memberships: one key query lists them. */
export const promotionKeys = {
  item: (cadreId: string, id: string): ItemKey => ({ pk: `CADRE#${cadreId}`, sk: `PROMOTION#${id}` }),
  ofCadre: (cadreId: string): KeyRange => ({ partition: `CADRE#${cadreId}`, sortPrefix: 'PROMOTION#' }),
};

import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Residencies (驻企挂职), with their service log, evaluation, assessment and seconded-year markers in
 * the residency's partition; GSI1 all, GSI2 by batch, GSI3 by cadre, GSI4 by enterprise, in creation
 * order.
 */
export const residencyKeys = {
  item: (id: string): ItemKey => ({ pk: `RES#${id}`, sk: 'RES' }),
  /**
   * The claim a cadre's one active residency holds (`ownerId` = the residency): put with
   * attribute_not_exists when a residency starts, deleted when it ends, so the database refuses a
   * second one however many requests race.
   */
  activeClaim: (cadreId: string): ItemKey => ({ pk: `UNIQUE#ACTIVE_RESIDENCY#${cadreId}`, sk: 'UNIQUE' }),
  service: (residencyId: string, entryId: string): ItemKey => ({
    pk: `RES#${residencyId}`,
    sk: `SERVICE#${entryId}`,
  }),
  servicesOf: (residencyId: string): KeyRange => ({
    partition: `RES#${residencyId}`,
    sortPrefix: 'SERVICE#',
  }),
  /** The enterprise's evaluation of a residency: one per residency. */
  evaluation: (residencyId: string): ItemKey => ({ pk: `RES#${residencyId}`, sk: 'EVALUATION' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'RES' }),
  byBatch: (batch: string): IndexPartition => ({ index: 'GSI2', partition: `RES#BATCH#${batch}` }),
  byCadre: (cadreId: string): IndexPartition => ({ index: 'GSI3', partition: `RES#CADRE#${cadreId}` }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI4',
    partition: `RES#ENT#${enterpriseId}`,
  }),
};

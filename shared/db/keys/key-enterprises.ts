import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Key enterprises (docs/key-enterprises.md): one designation per enterprise, with its plan items and
 * listing milestones in its partition (`MILESTONE#<n>`, n the milestone's place in the fixed order,
 * so a milestone cannot be recorded twice); GSI1 all, GSI2 by the named cadre, in designation order.
 */
export const keyEnterpriseKeys = {
  item: (enterpriseId: string): ItemKey => ({ pk: `KEYENT#${enterpriseId}`, sk: 'KEYENT' }),
  planItem: (enterpriseId: string, itemId: string): ItemKey => ({
    pk: `KEYENT#${enterpriseId}`,
    sk: `ITEM#${itemId}`,
  }),
  planOf: (enterpriseId: string): KeyRange => ({ partition: `KEYENT#${enterpriseId}`, sortPrefix: 'ITEM#' }),
  milestone: (enterpriseId: string, place: number): ItemKey => ({
    pk: `KEYENT#${enterpriseId}`,
    sk: `MILESTONE#${place}`,
  }),
  milestonesOf: (enterpriseId: string): KeyRange => ({
    partition: `KEYENT#${enterpriseId}`,
    sortPrefix: 'MILESTONE#',
  }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'KEYENT' }),
  byLiaison: (cadreId: string): IndexPartition => ({ index: 'GSI2', partition: `KEYENT#LIAISON#${cadreId}` }),
};
